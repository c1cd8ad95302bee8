// SPDX-License-Identifier: GPL-3.0-or-later
// gui_notify SCREENSHOT.png: the window on a real X display (Xvfb) with the desktop's notification
// service (dunst), watching a pair of in-process fake agents that fail over twice. The fleet's
// notices go through the real FreedesktopNotifications to the daemon; the second failover must
// replace the first ("2× since"), not stack. Saves a picture of the whole screen and exits 0 when
// both failovers were notified. tests/desktop/notification.sh runs it and asks dunst what it shows.
#include "FakeAgent.h"
#include "FakePki.h"
#include "MainWindow.h"
#include "notify/FreedesktopNotifications.h"
#include "notify/Notifier.h"
#include "tray/DesktopWatch.h"
#include "watch/ClusterFleet.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

using namespace baton;

namespace {
bool waitFor(const std::function<bool()>& done, int ms)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    poll.start(50);
    loop.exec();
    return done();
}

AgentStatus status(int node, CarpState state)
{
    AgentStatus s =
        FakeAgent::sampleStatus(node == 0 ? QStringLiteral("node1") : QStringLiteral("node2"), state);
    s.groups[0].sinceMs = QDateTime::currentMSecsSinceEpoch();
    return s;
}

int fail(const char* what)
{
    std::fprintf(stderr, "gui_notify: %s\n", what);
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("baton"));
    if (argc != 2)
        return fail("usage: gui_notify SCREENSHOT.png");
    QStandardPaths::setTestModeEnabled(true); // the settings of this run, not the user's
    if (!qEnvironmentVariableIsSet("GUI_NOTIFY_ANY_BUS") && !FreedesktopNotifications::available())
        return fail("no notification service on the session bus");

    FakePki pki;
    if (!pki.isValid() || !pki.console(QStringLiteral("desk")))
        return fail("no test PKI");
    std::unique_ptr<FakeAgent> agents[2];
    for (int i = 0; i < 2; ++i) {
        const auto identity = pki.agent(i == 0 ? QStringLiteral("node1") : QStringLiteral("node2"));
        if (!identity)
            return fail("no agent identity");
        agents[i] = std::make_unique<FakeAgent>(*identity);
        agents[i]->setStatus(status(i, i == 0 ? CarpState::Master : CarpState::Backup));
        if (!agents[i]->start())
            return fail("a fake agent did not start");
    }
    ClusterDefinition cluster;
    cluster.name = QStringLiteral("web-pair");
    cluster.vip = {0xC000020A, 24};
    cluster.vhid = 1;
    cluster.password = QStringLiteral("secret");
    cluster.pkiDir = pki.directory();
    cluster.nodes[0] = {QStringLiteral("node1"), 0xC000020B, agents[0]->host(), agents[0]->port(),
                        QStringLiteral("eth0"),  0};
    cluster.nodes[1] = {QStringLiteral("node2"), 0xC000020C, agents[1]->host(), agents[1]->port(),
                        QStringLiteral("eth0"),  100};
    const QString store = QDir(pki.directory()).filePath(QStringLiteral("clusters.json"));
    {
        ClusterStore list(store);
        QString error;
        if (!list.load(&error) || !list.add(cluster, &error))
            return fail("cannot write the cluster list");
    }

    MainWindow window(store);
    window.openStoredCluster(0);
    window.resize(1100, 680);
    window.move(0, 80);
    window.show();
    int notices = 0;
    QObject::connect(window.fleet(), &ClusterFleet::notice, &window, [&notices](const WatchNotice& n) {
        if (n.kind == WatchNotice::Kind::Failover && !n.refinement)
            ++notices;
    });
    if (!waitFor([&] { return window.openWatch() && !window.openWatch()->masters().isEmpty(); }, 10000)) {
        std::fprintf(stderr, "gui_notify: %s\n", qPrintable(window.notice()));
        return fail("the fake agents were not heard");
    }

    // node1 gives up, node2 takes over; a little later it goes back.
    agents[0]->setStatus(status(0, CarpState::Backup));
    agents[1]->setStatus(status(1, CarpState::Master));
    if (!waitFor([&] { return notices == 1; }, 10000))
        return fail("the first failover was not noticed");
    waitFor([] { return false; }, 1500);
    // One holder at a time, as a real hand-over: the two connections' updates may arrive in any order.
    agents[1]->setStatus(status(1, CarpState::Backup));
    if (!waitFor([&] { return window.openWatch()->masters().isEmpty(); }, 10000))
        return fail("node2 did not give up");
    agents[0]->setStatus(status(0, CarpState::Master));
    if (!waitFor([&] { return notices == 2; }, 10000))
        return fail("the second failover was not noticed");
    waitFor([] { return false; }, 1500); // the daemon draws it

    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    if (screen.isNull() || !screen.save(QString::fromLocal8Bit(argv[1])))
        return fail("cannot save the screenshot");
    std::printf("notified %d failovers\n", notices);
    return 0;
}
