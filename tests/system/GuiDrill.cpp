// SPDX-License-Identifier: GPL-3.0-or-later
// gui_drill CLUSTER.json RESTORE-S: the Baton window (offscreen) against two real agents, driven
// as an administrator would: wait until both cards are live, click *Take interface down* on the
// MASTER's card, and watch. Prints what the window showed and exits 1 if:
//   - the VIP row's longest outage exceeds the protocol bound (3 x advbase + skew + margin);
//   - the other card does not turn MASTER, or the window shows it later than 1 s after the agent;
//   - the downed node's row does not go down, or does not come back by the restore deadline.
// Used by tests/netns/gui_drill.sh and bench/gui.sh. It may spin local event loops (a test
// driver); the window itself never does.
#include "MainWindow.h"
#include "node/AgentConnection.h"
#include "node/NodeCard.h"
#include "probe/ProbeAnalysis.h"
#include "reach/ReachabilityTracker.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QLabel>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace baton;

namespace {
bool spin(const std::function<bool()>& done, int timeoutMs)
{
    // A real event loop, polled every 10 ms: the window's timers and sockets run as they would.
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(std::max(0, timeoutMs), &loop, &QEventLoop::quit);
    poll.start(10);
    if (!done())
        loop.exec();
    return done();
}

QString role(MainWindow& w, int i)
{
    const auto* label = w.nodeCard(i)->findChild<QLabel*>(QStringLiteral("roleLabel"));
    return label ? label->text() : QString();
}

int fail(const char* what)
{
    std::printf("FAIL: %s\n", what);
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: gui_drill CLUSTER.json RESTORE-SECONDS\n");
        return 2;
    }
    const int restoreSeconds = QString::fromLocal8Bit(argv[2]).toInt();
    QTemporaryDir store;
    MainWindow window(store.filePath(QStringLiteral("clusters.json")));
    window.resize(1280, 860);
    window.show();
    QString error;
    if (!window.openClusterFile(QString::fromLocal8Bit(argv[1]), &error))
        return fail(qPrintable(error));
    const auto live = [&](int i) {
        return window.connection(i) && window.connection(i)->health() == AgentConnection::Health::Live;
    };
    const auto isMaster = [&](int i) { return role(window, i).contains(QStringLiteral("MASTER")); };
    if (!spin([&] { return live(0) && live(1) && (isMaster(0) != isMaster(1)); }, 20000))
        return fail(
            qPrintable(QStringLiteral("both cards live with exactly one MASTER within 20 s (notice: %1)")
                           .arg(window.notice())));
    ReachabilityTracker* reach = window.reachabilityTracker();
    if (!spin(
            [&] {
                return reach->state(0) == ProbeHistory::State::Up &&
                       reach->state(1) == ProbeHistory::State::Up &&
                       reach->state(2) == ProbeHistory::State::Up;
            },
            10000))
        return fail("all three rows up within 10 s");
    spin([] { return false; }, 2000); // some history before the drill

    const int master = isMaster(0) ? 0 : 1;
    const int other = 1 - master;
    const int downedRow = 1 + master; // rows: VIP, node 1, node 2
    std::printf("# card %d (%s) is MASTER; clicking 'Take interface down' with a %d s restore\n", master + 1,
                qPrintable(window.nodeCard(master)->nodeName()), restoreSeconds);
    NodeCard::setConfirmationHandler([restoreSeconds](const QString&, int) { return restoreSeconds; });
    auto* button = window.nodeCard(master)->findChild<QAbstractButton*>(QStringLiteral("takeDownButton"));
    if (!button || !button->isEnabled())
        return fail("the MASTER card's takeDownButton is missing or disabled");
    const qint64 clickMs = QDateTime::currentMSecsSinceEpoch();
    button->click();

    qint64 downSeenMs = 0;
    qint64 backSeenMs = 0;
    QObject::connect(reach, &ReachabilityTracker::wentDown, [&](int index, qint64) {
        if (index == downedRow && downSeenMs == 0)
            downSeenMs = QDateTime::currentMSecsSinceEpoch();
    });
    QObject::connect(reach, &ReachabilityTracker::cameBack, [&](int index, qint64) {
        if (index == downedRow && downSeenMs != 0 && backSeenMs == 0)
            backSeenMs = QDateTime::currentMSecsSinceEpoch();
    });
    if (!spin([&] { return isMaster(other); }, 8000))
        return fail("the other card did not turn MASTER within 8 s");
    const qint64 shownMs = QDateTime::currentMSecsSinceEpoch();
    const std::optional<AgentStatus>& status = window.connection(other)->status();
    const qint64 agentMs = status && !status->groups.isEmpty() ? status->groups.first().sinceMs : 0;
    const qint64 latency = shownMs - agentMs;
    std::printf("# card %d shows MASTER %lld ms after its agent's transition (%lld ms after the click)\n",
                other + 1, latency, shownMs - clickMs);

    const qint64 deadlineMs = clickMs + qint64{restoreSeconds} * 1000;
    spin([&] { return backSeenMs != 0; },
         static_cast<int>(deadlineMs - QDateTime::currentMSecsSinceEpoch()) + 3000);
    spin([] { return false; }, 1500); // the VIP row settles
    const QList<ProbeSample> vip = reach->history(0).samples();
    const std::optional<OutageWindow> outage =
        ProbeAnalysis::failoverTime(vip, clickMs - 500, clickMs + 10000);
    const qint64 vipOutage = outage ? outage->durationMs() : 0;
    std::printf(
        "# VIP row: longest outage %lld ms (%d echoes lost); node row down at +%lld ms, back at +%lld ms "
        "(deadline +%d000 ms)\n",
        vipOutage, outage ? outage->lostCount : 0, downSeenMs ? downSeenMs - clickMs : -1,
        backSeenMs ? backSeenMs - clickMs : -1, restoreSeconds);
    // The bound: the master-down interval (3 x 1 s + 1/256 s), the 200 ms before the agent takes
    // the link down, one 100 ms probe period and 300 ms of scheduling margin.
    constexpr qint64 VipBoundMs = 3004 + 200 + 100 + 300;
    bool ok = true;
    if (!outage || vipOutage > VipBoundMs)
        ok = fail("VIP outage missing or beyond the protocol bound");
    if (latency < 0 || latency > 1000)
        ok = fail("the window showed the new MASTER more than 1 s after the agent") == 0 && ok;
    if (downSeenMs == 0)
        ok = fail("the downed node's row never went down") == 0 && ok;
    if (backSeenMs == 0 || backSeenMs > deadlineMs + 2000)
        ok =
            fail("the downed node's row was not back by the deadline (+2 s for echoes to resume)") == 0 && ok;
    std::printf("%s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
