// SPDX-License-Identifier: GPL-3.0-or-later
// gui_drill_dialog CLUSTER.json [SCREENSHOT-DIR [TYPE]]: the Baton window (offscreen) against two
// real agents, Cluster → Failover drills…, a drill (classic unless TYPE says otherwise) started from
// the dialog and watched to its end.
// Prints the verdict and the reports; exits 0 only if the drill passed, its three reports exist and
// the history lists it first. With SCREENSHOT-DIR it saves drill-running.png (the takeover of the first
// step), drill-finished.png and drill-history.png (prefixed TYPE- for another type). Used by
// tests/netns/gui_drill_dialog.sh and, for the reboot drill, tests/server/drill_reboot.sh.
#include "MainWindow.h"
#include "drill/DrillDialog.h"
#include "drill/DrillHistoryView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace baton;

namespace {
bool spin(const std::function<bool()>& done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(std::max(0, timeoutMs), &loop, &QEventLoop::quit);
    poll.start(20);
    if (!done())
        loop.exec();
    return done();
}

int fail(const QString& what)
{
    std::printf("FAIL: %s\n", qPrintable(what));
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: gui_drill_dialog CLUSTER.json [SCREENSHOT-DIR [TYPE]]\n");
        return 2;
    }
    const QString shots = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const std::optional<DrillKind> kind =
        drillKindFromName(argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("classic"));
    if (!kind)
        return fail(QStringLiteral("unknown drill type %1").arg(QString::fromLocal8Bit(argv[3])));
    const QString prefix = *kind == DrillKind::Classic ? QString() : drillKindName(*kind) + u'-';
    const auto shoot = [&](QWidget* widget, const char* name) {
        const QString file = QDir(shots).filePath(prefix + QString::fromLatin1(name));
        if (!shots.isEmpty() && !widget->grab().save(file))
            std::printf("# could not save %s\n", qPrintable(file));
    };
    QTemporaryDir store;
    MainWindow window(store.filePath(QStringLiteral("clusters.json")));
    window.resize(1280, 860);
    window.show();
    QString error;
    if (!window.openClusterFile(QString::fromLocal8Bit(argv[1]), &error))
        return fail(error);
    if (!window.drillAction()->isEnabled())
        return fail(QStringLiteral("Cluster → Failover drills… is disabled with a cluster open"));
    window.drillAction()->trigger();
    DrillDialog* dialog = window.drillDialog();
    if (!dialog)
        return fail(QStringLiteral("the drill dialog did not open"));
    dialog->resize(1200, 900);
    spin([] { return false; }, 3000); // the agents are dialled, the addresses probed
    if (!dialog->start(*kind))
        return fail(dialog->statusText());
    std::printf("# started a %s drill from the dialog\n", qPrintable(drillKindName(*kind)));
    const auto seen = [&](const QString& text) {
        const DrillRunner* runner = dialog->runner();
        if (!runner || runner->record().steps.isEmpty())
            return false;
        return runner->record().steps.first().seen.join(u'\n').contains(text);
    };
    if (spin([&] { return seen(QStringLiteral("reports MASTER")); }, 20000)) {
        spin([] { return false; }, 400); // the VIP answers again, the timeline shows it
        shoot(dialog, "drill-running.png");
        std::printf("# mid-drill: %s\n", qPrintable(dialog->statusText()));
    }
    QObject::connect(dialog, &DrillDialog::drillFinished, &app, [] {});
    if (!spin(
            [&] {
                return dialog->runner() && dialog->runner()->record().finished() &&
                       !dialog->reportFiles().isEmpty();
            },
            60000))
        return fail(QStringLiteral("the drill did not finish within 60 s: %1").arg(dialog->statusText()));
    spin([] { return false; }, 300);
    shoot(dialog, "drill-finished.png");
    std::printf("# verdict: %s\n", qPrintable(dialog->statusText()));
    for (const QString& file : dialog->reportFiles())
        std::printf("report %s\n", qPrintable(file));
    bool ok = dialog->statusText().startsWith(QStringLiteral("PASSED"));
    for (const QString& file : dialog->reportFiles())
        ok = ok && QFile(file).size() > 0;
    const QList<DrillStore::Entry>& history = dialog->history()->entries();
    ok = ok && dialog->reportFiles().size() == 3 && !history.isEmpty() &&
         history.first().startedMs == dialog->runner()->record().startedMs;
    dialog->showHistory();
    spin([] { return false; }, 300);
    shoot(dialog, "drill-history.png");
    std::printf("%s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
