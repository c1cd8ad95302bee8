// SPDX-License-Identifier: GPL-3.0-or-later
// The window with its desktop watch: closing asks once whether to keep watching in the tray and
// remembers the answer, Quit always quits, the fleet's notices reach the notification sink (but not
// for the cluster being looked at, unless critical), and a notification or an overview line opens
// its cluster. Offscreen has no tray: the test says there is one.
#include "MainWindow.h"
#include "RecordingSink.h"
#include "notify/Notifier.h"
#include "overview/OverviewModel.h"
#include "overview/OverviewWindow.h"
#include "tray/DesktopWatch.h"
#include "tray/TrayIcon.h"
#include "watch/ClusterFleet.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace baton;

namespace {
ClusterDefinition definition(const QString& name, quint32 vip)
{
    ClusterDefinition d;
    d.name = name;
    d.vip = {vip, 24};
    d.vhid = 1;
    d.password = QStringLiteral("secret");
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QStringLiteral("127.0.0.1"), 9,
                  QStringLiteral("eth0"),  0};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("127.0.0.1"), 9,
                  QStringLiteral("eth0"),  100};
    return d; // no PKI folder: nothing is dialled
}

WatchNotice notice(const QString& cluster, bool critical)
{
    WatchNotice n;
    n.kind = WatchNotice::Kind::AgentLost;
    n.cluster = cluster;
    n.node = QStringLiteral("node1");
    n.title = QStringLiteral("Agent lost in %1").arg(cluster);
    n.body = QStringLiteral("node1 stopped answering");
    n.timeMs = 1'780'000'000'000;
    n.critical = critical;
    return n;
}
} // namespace

class TestDesktopWatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_stores = 0;

    // A window over a list of two clusters, with a tray and a recording sink.
    std::unique_ptr<MainWindow> window(RecordingSink* sink)
    {
        const QString path = m_dir.filePath(QStringLiteral("store%1/clusters.json").arg(++m_stores));
        {
            ClusterStore store(path);
            QString error;
            if (!store.load(&error) || !store.add(definition(QStringLiteral("web"), 0xC000020A), &error) ||
                !store.add(definition(QStringLiteral("db"), 0xC0000214), &error))
                return nullptr;
        }
        auto w = std::make_unique<MainWindow>(path);
        w->desktopWatch()->setTrayUsable(true);
        w->desktopWatch()->setSink(sink);
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    void startsInTheTrayOnlyWhereThereIsOne()
    {
        RecordingSink sink;
        auto w = window(&sink);
        QVERIFY(w);
        QVERIFY(w->startInTray());
        QVERIFY(w->isHidden());
        QVERIFY(w->desktopWatch()->tray()->trayIcon()->isVisible());
        QCOMPARE(w->fleet()->watches().size(), 2); // watched without the window
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        Q_EMIT w->desktopWatch()->tray()->showRequested(); // Show in the tray's menu
        QTRY_VERIFY(w->isVisible());
        QVERIFY(QApplication::quitOnLastWindowClosed());

        auto without = window(&sink);
        QVERIFY(without);
        without->desktopWatch()->setTrayUsable(false);
        QVERIFY(!without->startInTray());
        QVERIFY(without->isVisible()); // nothing would show otherwise
    }

    void closingAsksOnceAndRemembers()
    {
        RecordingSink sink;
        auto w = window(&sink);
        QVERIFY(w);
        int asked = 0;
        w->desktopWatch()->setQuestion([&asked]() -> std::optional<bool> {
            ++asked;
            return true;
        });
        QSignalSpy quit(w.get(), &MainWindow::quitRequested);
        w->show();
        QVERIFY(!w->close()); // hidden, not closed
        QVERIFY(w->isHidden());
        QCOMPARE(asked, 1);
        QVERIFY(w->desktopWatch()->keepInTrayAction()->isChecked());
        QCOMPARE(sink.shown.size(), 1); // where it went, said once
        QVERIFY(sink.shown.at(0).second.title.contains(QStringLiteral("keeps watching")));
        QCOMPARE(quit.size(), 0);
        QCOMPARE(w->fleet()->watches().size(), 2); // still watching

        Q_EMIT w->desktopWatch()->tray()->showRequested(); // a click on the tray icon
        QVERIFY(w->isVisible());
        QVERIFY(!w->close());
        QCOMPARE(asked, 1); // remembered
        QCOMPARE(sink.shown.size(), 1);

        // A new window (the next start) remembers too.
        RecordingSink other;
        auto next = window(&other);
        next->desktopWatch()->setQuestion([&asked]() -> std::optional<bool> {
            ++asked;
            return false;
        });
        QVERIFY(next->desktopWatch()->keepInTrayAction()->isChecked());
        next->show();
        QVERIFY(!next->close());
        QCOMPARE(asked, 1);

        // Quit from the tray's menu ends it, hidden or not.
        Q_EMIT w->desktopWatch()->tray()->quitRequested();
        QCOMPARE(quit.size(), 1);
    }

    void cancelAsksAgainQuitIsRemembered()
    {
        RecordingSink sink;
        auto w = window(&sink);
        std::optional<bool> answer;
        int asked = 0;
        w->desktopWatch()->setQuestion([&]() {
            ++asked;
            return answer;
        });
        w->show();
        QVERIFY(!w->close()); // cancelled: stays
        QVERIFY(w->isVisible());
        QVERIFY(!QSettings().contains(QStringLiteral("tray/keepWatching")));
        answer = false;
        QVERIFY(w->close());
        QCOMPARE(asked, 2);
        QVERIFY(!w->desktopWatch()->keepInTrayAction()->isChecked());
        w->show();
        QVERIFY(w->close());
        QCOMPARE(asked, 2);
        // Changed in the menu: kept in the tray from now on, without a question.
        w->desktopWatch()->keepInTrayAction()->trigger();
        w->show();
        QVERIFY(!w->close());
        QCOMPARE(asked, 2);
        QVERIFY(sink.shown.size() == 1);
    }

    void withoutATrayClosingQuits()
    {
        RecordingSink sink;
        auto w = window(&sink);
        w->desktopWatch()->setTrayUsable(false);
        int asked = 0;
        w->desktopWatch()->setQuestion([&asked]() -> std::optional<bool> {
            ++asked;
            return true;
        });
        QVERIFY(!w->desktopWatch()->keepInTrayAction()->isEnabled());
        w->show();
        QVERIFY(w->close());
        QCOMPARE(asked, 0);
    }

    void noticesReachTheDesktopUnlessLookedAt()
    {
        RecordingSink sink;
        auto w = window(&sink);
        w->openStoredCluster(0); // web
        w->show();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        ClusterFleet* fleet = w->fleet();
        Q_EMIT fleet->notice(notice(QStringLiteral("web"), false)); // on screen already
        QCOMPARE(sink.shown.size(), 0);
        Q_EMIT fleet->notice(notice(QStringLiteral("web"), true));
        QCOMPARE(sink.shown.size(), 1);
        Q_EMIT fleet->notice(notice(QStringLiteral("db"), false));
        QCOMPARE(sink.shown.size(), 2);
        w->hide();
        Q_EMIT fleet->notice(notice(QStringLiteral("web"), false));
        QCOMPARE(sink.shown.size(), 3);

        // Notifications off: nothing.
        w->desktopWatch()->notificationsAction()->trigger();
        QVERIFY(!QSettings().value(QStringLiteral("notifications/enabled")).toBool());
        Q_EMIT fleet->notice(notice(QStringLiteral("db"), true));
        QCOMPARE(sink.shown.size(), 3);
        w->desktopWatch()->notificationsAction()->trigger();

        // A click on db's notification opens db and shows the window.
        Q_EMIT sink.activated(sink.shown.at(1).first);
        QCOMPARE(w->cluster()->name, QStringLiteral("db"));
        QVERIFY(w->isVisible());
    }

    void overviewOpensAClusterAndTheTrayShowsTheWorst()
    {
        RecordingSink sink;
        auto w = window(&sink);
        w->show();
        w->desktopWatch()->overviewAction()->trigger();
        OverviewWindow* overview = w->desktopWatch()->overview();
        QVERIFY(overview);
        QVERIFY(overview->isVisible());
        QCOMPARE(overview->model()->rowCount(), 2);
        Q_EMIT overview->openRequested(QStringLiteral("db"));
        QCOMPARE(w->cluster()->name, QStringLiteral("db"));

        // Without a PKI folder no agent is heard: not green.
        TrayIcon* tray = w->desktopWatch()->tray();
        QVERIFY(tray->health() > ClusterWatch::Health::Ok);
        QVERIFY2(tray->toolTip().contains(QStringLiteral("clusters watched: 2")),
                 qPrintable(tray->toolTip()));
        QVERIFY2(tray->toolTip().contains(QStringLiteral("web: ")), qPrintable(tray->toolTip()));
        QCOMPARE(tray->trayIcon()->toolTip(), tray->toolTip());
        QVERIFY(tray->menu()->actions().contains(w->desktopWatch()->keepInTrayAction()));

        // Quitting from the window closes the overview too.
        w->quit();
        QTRY_VERIFY(!w->desktopWatch()->overview());
    }

    void trayIconColoursDiffer()
    {
        const QImage ok = TrayIcon::icon(ClusterWatch::Health::Ok).pixmap(32).toImage();
        const QImage alarm = TrayIcon::icon(ClusterWatch::Health::Alarm).pixmap(32).toImage();
        QCOMPARE(ok.size(), QSize(32, 32));
        QVERIFY(ok != alarm);
        // The dot's centre is the state's colour.
        QCOMPARE(QColor(alarm.pixel(24, 24)).rgb(), TrayIcon::colour(ClusterWatch::Health::Alarm).rgb());
    }
};

QTEST_MAIN(TestDesktopWatch)
#include "TestDesktopWatch.moc"
