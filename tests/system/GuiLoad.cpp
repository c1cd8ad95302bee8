// SPDX-License-Identifier: GPL-3.0-or-later
// gui_load CLUSTER.json WINDOWS SECONDS: the GUI's cost with WINDOWS clusters open at once, each a
// full main window (two agent connections, ICMP probes of three addresses at 10 Hz, repaints),
// offscreen. After 5 s of warm-up it measures its own CPU time (getrusage) for SECONDS and prints
//   windows N cpu-percent P rss-kb R samples S
// where P is the share of one core. bench/gui.sh runs it; it is an upper bound for the real
// program, which shows one cluster at a time.
#include "MainWindow.h"
#include "node/AgentConnection.h"
#include "reach/ReachabilityTracker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
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
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: gui_load CLUSTER.json WINDOWS SECONDS\n");
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
    const double before = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    spinFor(seconds * 1000);
    const double used = cpuSeconds() - before;
    qsizetype samples = 0;
    for (const auto& w : windows)
        samples += w->reachabilityTracker()->history(0).samples().size();
    std::printf("windows %d live-connections %d cpu-percent %.2f rss-kb %ld vip-samples-per-window %lld\n",
                count, live, 100.0 * used / (static_cast<double>(wall.elapsed()) / 1000.0), rssKb(),
                static_cast<long long>(samples / count));
    return live == 2 * count ? 0 : 1;
}
