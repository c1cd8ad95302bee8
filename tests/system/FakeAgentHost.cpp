// SPDX-License-Identifier: GPL-3.0-or-later
// fake_agent_host CLUSTERS STORE.json: CLUSTERS pairs of in-process fake agents (the real control
// protocol over mutual TLS, node1 MASTER and node2 BACKUP, heartbeats), in a process of their own so
// that the window measured beside them pays only for its side. Writes a cluster list with one entry
// per pair (VIP 192.0.2.(100 + i), the agents on 127.0.0.1) and its PKI beside it, prints "ready",
// and serves until killed. bench/overview.sh runs it. With "mixed" after the list, some pairs are
// not well (for a picture of the overview): node2 MASTER, two MASTERs, an agent that never answers.
#include "FakeAgent.h"
#include "FakePki.h"
#include "cluster/ClusterStore.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>
#include <vector>

using namespace baton;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int clusters = argc >= 3 ? QString::fromLocal8Bit(argv[1]).toInt() : 0;
    const bool mixed = argc == 4 && qstrcmp(argv[3], "mixed") == 0;
    if (clusters < 1 || clusters > 150 || argc > 4) {
        std::fprintf(stderr, "usage: fake_agent_host CLUSTERS(1-150) STORE.json [mixed]\n");
        return 2;
    }
    FakePki pki;
    if (!pki.isValid() || !pki.console(QStringLiteral("overview"))) {
        std::fprintf(stderr, "fake_agent_host: %s\n", qPrintable(pki.error()));
        return 1;
    }
    const auto identities =
        std::array{pki.agent(QStringLiteral("node1")), pki.agent(QStringLiteral("node2"))};
    if (!identities[0] || !identities[1])
        return 1;
    ClusterStore store(QString::fromLocal8Bit(argv[2]));
    QString error;
    if (!store.load(&error)) {
        std::fprintf(stderr, "fake_agent_host: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<std::unique_ptr<FakeAgent>> agents;
    for (int c = 0; c < clusters; ++c) {
        ClusterDefinition d;
        d.name = QStringLiteral("pair-%1").arg(c + 1, 3, 10, QLatin1Char('0'));
        d.vip = {0xC0000200u + 100u + static_cast<quint32>(c), 24};
        d.vhid = 1;
        d.password = QStringLiteral("secret");
        d.pkiDir = pki.directory();
        for (int n = 0; n < 2; ++n) {
            const QString name = n == 0 ? QStringLiteral("node1") : QStringLiteral("node2");
            bool master = n == 0;
            if (mixed && c % 4 == 1)
                master = n == 1; // failed over earlier
            if (mixed && c % 9 == 7)
                master = true; // split brain
            agents.push_back(std::make_unique<FakeAgent>(*identities[static_cast<std::size_t>(n)]));
            agents.back()->setStatus(
                FakeAgent::sampleStatus(name, master ? CarpState::Master : CarpState::Backup));
            if (!agents.back()->start())
                return 1;
            if (mixed && c % 11 == 5 && n == 1)
                agents.back()->close(); // its port stays in the list: an agent out of reach
            d.nodes[static_cast<std::size_t>(n)] = {name,
                                                    0xC000020Bu + static_cast<quint32>(n),
                                                    agents.back()->host(),
                                                    agents.back()->port(),
                                                    QStringLiteral("eth0"),
                                                    static_cast<quint8>(n * 100)};
        }
        if (!store.add(d, &error)) {
            std::fprintf(stderr, "fake_agent_host: %s\n", qPrintable(error));
            return 1;
        }
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}
