// SPDX-License-Identifier: GPL-3.0-or-later
// gui_load CLUSTER.json WINDOWS SECONDS: the GUI's cost with WINDOWS clusters open at once, each a
// full main window (two agent connections, ICMP probes of three addresses at 10 Hz, repaints),
// offscreen. After 5 s of warm-up it measures its own CPU time (getrusage) for SECONDS and prints
//   windows N cpu-percent P rss-kb R samples S
// where P is the share of one core. bench/gui.sh runs it; it is an upper bound for the real
// program, which shows one cluster at a time.
// gui_load --overview STORE.json SECONDS [PICTURE.png]: the real program's case with many clusters: one
// window over the cluster list STORE.json (every cluster watched by the fleet, the first one open) and the
// overview of all of them open; prints
//   clusters N live-connections L cpu-percent P rss-kb R
// and saves a picture of the overview when asked.
// bench/overview.sh runs it against fake_agent_host.
#include "MainWindow.h"
#include "node/AgentConnection.h"
#include "overview/OverviewWindow.h"
#include "reach/ReachabilityTracker.h"
#include "tray/DesktopWatch.h"
#include "watch/ClusterFleet.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace baton;

namespace {
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A plain event loop for a while: the process sleeps between events, as the real program does.
void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

double cpuPercent(const std::function<void()>& measured)
{
    const double before = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    measured();
    return 100.0 * (cpuSeconds() - before) / (static_cast<double>(wall.elapsed()) / 1000.0);
}

int overview(const QString& store, int seconds, const QString& shot)
{
    MainWindow window(store);
    window.resize(1280, 860);
    window.show();
    window.openStoredCluster(0);
    window.desktopWatch()->showOverview();
    window.desktopWatch()->overview()->resize(1200, window.fleet()->watches().size() > 1 ? 720 : 180);
    spinFor(5000);
    const auto& watches = window.fleet()->watches();
    int live = 0;
    for (const ClusterWatch* watch : watches)
        for (int n = 0; n < 2; ++n)
            live += watch->connection(n)->health() == AgentConnection::Health::Live ? 1 : 0;
    const double cpu = cpuPercent([seconds] { spinFor(seconds * 1000); });
    if (!shot.isEmpty() && !window.desktopWatch()->overview()->grab().save(shot))
        return 1;
    std::printf("clusters %lld live-connections %d cpu-percent %.2f rss-kb %ld\n",
                static_cast<long long>(watches.size()), live, cpu, rssKb());
    return shot.isEmpty() && live != 2 * watches.size() ? 1 : 0;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if ((argc == 4 || argc == 5) && qstrcmp(argv[1], "--overview") == 0)
        return overview(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]).toInt(),
                        argc == 5 ? QString::fromLocal8Bit(argv[4]) : QString());
    if (argc != 4) {
        std::fprintf(stderr,
                     "usage: gui_load CLUSTER.json WINDOWS SECONDS | --overview STORE.json SECONDS\n");
        return 2;
    }
    const QString cluster = QString::fromLocal8Bit(argv[1]);
    const int count = QString::fromLocal8Bit(argv[2]).toInt();
    const int seconds = QString::fromLocal8Bit(argv[3]).toInt();
    QTemporaryDir store;
    std::vector<std::unique_ptr<MainWindow>> windows;
    for (int i = 0; i < count; ++i) {
        windows.push_back(
            std::make_unique<MainWindow>(store.filePath(QStringLiteral("clusters%1.json").arg(i))));
        windows.back()->resize(1280, 860);
        windows.back()->show();
        QString error;
        if (!windows.back()->openClusterFile(cluster, &error)) {
            std::fprintf(stderr, "gui_load: %s\n", qPrintable(error));
            return 1;
        }
    }
    spinFor(5000);
    int live = 0;
    for (const auto& w : windows)
        for (int n = 0; n < 2; ++n)
            live += w->connection(n) && w->connection(n)->health() == AgentConnection::Health::Live ? 1 : 0;
    const double cpu = cpuPercent([seconds] { spinFor(seconds * 1000); });
    qsizetype samples = 0;
    for (const auto& w : windows)
        samples += w->reachabilityTracker()->history(0).samples().size();
    std::printf("windows %d live-connections %d cpu-percent %.2f rss-kb %ld vip-samples-per-window %lld\n",
                count, live, cpu, rssKb(), static_cast<long long>(samples / count));
    return live == 2 * count ? 0 : 1;
}
