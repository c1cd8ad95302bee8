// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployCommand.h"

#include "DeployEngine.h"
#include "LocalPackages.h"
#include "Passphrase.h"
#include "TerminalPrompter.h"
#include "pki/PkiDirectory.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <csignal>

namespace baton {

namespace {

const char* const Synopsis =
    "usage: batonctl deploy CLUSTER.json SERVER1 SERVER2 [--user USER] [--packages DIR] [--yes]\n"
    "                       [--plan] [--trust-host-key SHA256:...]... [--passphrase-file FILE]\n"
    "                       [--takeover | --undo-takeover]\n";
const char* const Details =
    "  Installs batond on the cluster's two servers over SSH, configured from CLUSTER.json, with\n"
    "  certificates from its PKI folder (each agent's key made on its server), and waits until both\n"
    "  agents answer over mutual TLS. SERVER1 and SERVER2 (nodes 1 and 2) are ~/.ssh/config aliases\n"
    "  or [USER@]HOST[:PORT]; what an alias resolves to is shown before connecting. Nothing changes\n"
    "  before both servers' facts are known and the plan is confirmed; a failure rolls back.\n"
    "  --user USER           log in as USER where the alias names none (default: your user name)\n"
    "  --packages DIR        the folder with batond_*.deb and batonctl_*.deb\n"
    "                        (default: $BATON_PACKAGES, else /usr/share/baton/packages)\n"
    "  --yes                 carry out the plan without asking\n"
    "  --plan                show the plan and stop\n"
    "  --trust-host-key FP   trust a first-contact host key with this SHA256 fingerprint\n"
    "  --passphrase-file F   the CA key's passphrase (else it is asked for when needed)\n"
    "  --takeover            the servers run ucarp from ucarp-* stanzas: replace it by batond on the\n"
    "                        same settings without losing the VIP; CLUSTER.json gets the stanzas' values\n"
    "  --undo-takeover       remove batond again and start ucarp as it ran before the takeover\n"
    "  Without a terminal, each answer is read as one line of stdin.\n";

std::atomic<DeployEngine*> runningEngine = nullptr;

void onSignal(int)
{
    if (DeployEngine* engine = runningEngine.load())
        engine->cancel();
}

} // namespace

int DeployCommand::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser p;
    p.addOptions({
        {QStringLiteral("user"), QStringLiteral("login user"), QStringLiteral("USER")},
        {QStringLiteral("packages"), QStringLiteral("package folder"), QStringLiteral("DIR")},
        {QStringLiteral("yes"), QStringLiteral("no confirmation")},
        {QStringLiteral("plan"), QStringLiteral("plan only")},
        {QStringLiteral("trust-host-key"), QStringLiteral("fingerprint"), QStringLiteral("FP")},
        {QStringLiteral("passphrase-file"), QStringLiteral("CA key passphrase"), QStringLiteral("FILE")},
        {QStringLiteral("takeover"), QStringLiteral("take over a ucarp pair")},
        {QStringLiteral("undo-takeover"), QStringLiteral("undo a takeover")},
        {QStringLiteral("help"), QStringLiteral("help")},
    });
    if (!p.parse(arguments)) {
        err << "batonctl deploy: " << p.errorText() << "\n" << Synopsis;
        return 2;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out << Synopsis << Details;
        return 0;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 3) {
        err << "batonctl deploy: expected CLUSTER.json SERVER1 SERVER2\n" << Synopsis;
        return 2;
    }
    QString error;
    DeployRequest request;
    const auto cluster = ClusterDefinition::readFile(positional[0], &error);
    if (!cluster) {
        err << "batonctl deploy: " << error << "\n";
        return 3;
    }
    request.cluster = *cluster;
    for (std::size_t i = 0; i < 2; ++i) {
        const auto target = SshTarget::resolveWithUserConfig(positional[static_cast<qsizetype>(i + 1)],
                                                             p.value(QStringLiteral("user")), &error);
        if (!target) {
            err << "batonctl deploy: " << error << "\n";
            return 2;
        }
        request.targets[i] = *target;
        err << "node " << cluster->nodes[i].name << " on " << target->describe(QDir::homePath()) << "\n";
    }
    request.packageDir = p.isSet(QStringLiteral("packages")) ? p.value(QStringLiteral("packages"))
                                                             : LocalPackages::defaultDir();
    request.planOnly = p.isSet(QStringLiteral("plan"));
    if (p.isSet(QStringLiteral("takeover")) && p.isSet(QStringLiteral("undo-takeover"))) {
        err << "batonctl deploy: --takeover and --undo-takeover exclude each other\n";
        return 2;
    }
    if (p.isSet(QStringLiteral("takeover")))
        request.mode = DeployRequest::Mode::Takeover;
    else if (p.isSet(QStringLiteral("undo-takeover")))
        request.mode = DeployRequest::Mode::UndoTakeover;
    if (p.isSet(QStringLiteral("passphrase-file"))) {
        const auto passphrase = Passphrase::fromFile(p.value(QStringLiteral("passphrase-file")), &error);
        if (!passphrase) {
            err << "batonctl deploy: " << error << "\n";
            return 2;
        }
        PkiDirectory::setPassphraseSource([passphrase](const QString&) { return passphrase; });
    } else {
        PkiDirectory::setPassphraseSource([](const QString& keyFile) {
            return Passphrase::ask(QStringLiteral("Passphrase of the CA key '%1': ").arg(keyFile));
        });
    }

    TerminalPrompter prompter(p.values(QStringLiteral("trust-host-key")), p.isSet(QStringLiteral("yes")));
    DeployEngine engine(prompter);
    QObject::connect(&engine, &DeployEngine::progress, &engine,
                     [&](const QString& server, const QString& step, const QString& detail) {
                         err << server << ": " << step
                             << (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail) << Qt::endl;
                     });
    QObject::connect(&engine, &DeployEngine::planReady, &engine, [&](const QString& plan) {
        out << "The plan:\n" << plan << "\n" << Qt::flush;
    });
    std::optional<ClusterDefinition> resolved;
    QObject::connect(&engine, &DeployEngine::clusterResolved, &engine,
                     [&](const ClusterDefinition& stanzas) { resolved = stanzas; });
    runningEngine = &engine;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    const DeployEngine::Outcome outcome = engine.run(request);
    runningEngine = nullptr;
    out << engine.report() << "\n";
    // The pair is now what its stanzas said: the cluster file says so too, for the window.
    if (resolved && outcome == DeployEngine::Outcome::Deployed && !(*resolved == *cluster)) {
        QSaveFile file(positional[0]);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(QJsonDocument(resolved->toJson()).toJson()) < 0 || !file.commit()) {
            err << "batonctl deploy: cannot update '" << positional[0] << "': " << file.errorString() << "\n";
            return 1;
        }
        out << "updated " << positional[0] << " with the ucarp-* stanzas' settings\n";
    }
    return DeployEngine::exitCode(outcome);
}

} // namespace baton
