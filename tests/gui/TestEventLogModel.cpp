// SPDX-License-Identifier: GPL-3.0-or-later
// The event log: model and filter pass Qt's model checks, rows stay in time order and within the
// cap, the filters, and Copy (Ctrl+C on a selection, the button for all rows shown). The merge of
// agents' histories: time order across nodes, each agent event once however it arrived, equal
// times, the cap, the count of earlier events and their mark.
#include "log/EventLogFilter.h"
#include "log/EventLogModel.h"
#include "log/EventLogView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace baton;
using Kind = EventLogModel::Kind;

namespace {
constexpr qint64 T0 = 1'700'000'000'000; // some afternoon in 2023

// An agent's event as the log keeps it: at local time `local`, the agent's time `agent`.
EventLogModel::Entry agentEntry(const QString& node, qint64 local, qint64 agent, const QString& text,
                                bool earlier = true)
{
    EventLogModel::Entry e{local, node, Kind::State, text};
    e.agentTimeMs = agent;
    e.eventId = QStringLiteral("state:") + text;
    e.earlier = earlier;
    return e;
}

void fill(EventLogModel& model)
{
    model.append(T0 + 1000, QStringLiteral("node1"), Kind::State,
                 QStringLiteral("vhid 1 on eth0: BACKUP → MASTER"));
    model.append(T0 + 2000, QStringLiteral("node2"), Kind::Reject,
                 QStringLiteral("rejected an advert (bad-hmac)"));
    model.append(T0 + 3000, QStringLiteral("node1"), Kind::Command,
                 QStringLiteral("node1: Taking eth0 down"));
    model.append(T0 + 4000, QStringLiteral("VIP"), Kind::Reachability,
                 QStringLiteral("192.0.2.10 stopped answering"));
    model.append(T0 + 5000, QString(), Kind::Alarm, QStringLiteral("Split brain: both nodes claim MASTER"));
}

QStringList column(const QAbstractItemModel& model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values;
}
} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester()
    {
        EventLogModel model(nullptr, 4);
        EventLogFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model); // five rows into four: one removal on the way
        filter.setText(QStringLiteral("node"));
        filter.setKind(Kind::Command);
        filter.setNode(QStringLiteral("node1"));
        model.append(T0 + 2500, QStringLiteral("node1"), Kind::Command, QStringLiteral("earlier"));
        filter.setKind(std::nullopt);
        filter.setNode(QString());
        filter.setText(QString());
        model.clear();
        fill(model);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(filter.rowCount(), 4);
    }

    void columnsAndRoles()
    {
        EventLogModel model;
        fill(model);
        QCOMPARE(model.columnCount(), 4);
        const QModelIndex text = model.index(0, EventLogModel::TextColumn);
        QCOMPARE(text.data().toString(), QStringLiteral("vhid 1 on eth0: BACKUP → MASTER"));
        QCOMPARE(model.index(0, EventLogModel::NodeColumn).data().toString(), QStringLiteral("node1"));
        QCOMPARE(model.index(0, EventLogModel::KindColumn).data().toString(),
                 EventLogModel::kindName(Kind::State));
        QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(),
                 EventLogModel::timeText(T0 + 1000));
        QVERIFY(EventLogModel::timeText(T0 + 1234).endsWith(QStringLiteral(".234")));
        QCOMPARE(text.data(EventLogModel::TimeRole).toLongLong(), T0 + 1000);
        QCOMPARE(text.data(EventLogModel::KindRole).toInt(), static_cast<int>(Kind::State));
        QVERIFY(model.index(4, 0).data(Qt::ForegroundRole).isValid()); // the alarm stands out
        QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.headerData(EventLogModel::TextColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Event"));
    }

    void keepsTimeOrder()
    {
        EventLogModel model;
        model.append(T0 + 300, QStringLiteral("a"), Kind::Agent, QStringLiteral("third"));
        model.append(T0 + 100, QStringLiteral("a"), Kind::Agent, QStringLiteral("first"));
        model.append(T0 + 200, QStringLiteral("a"), Kind::Agent, QStringLiteral("second"));
        model.append(T0 + 300, QStringLiteral("a"), Kind::Agent,
                     QStringLiteral("fourth")); // same time: after
        QCOMPARE(column(model, EventLogModel::TextColumn),
                 (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"),
                              QStringLiteral("fourth")}));
    }

    void dropsTheOldestBeyondCapacity()
    {
        EventLogModel model(nullptr, 3);
        for (int i = 0; i < 10; ++i)
            model.append(T0 + i, QStringLiteral("n"), Kind::Agent, QString::number(i));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(column(model, EventLogModel::TextColumn),
                 (QStringList{QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9")}));
        model.append(T0 - 5, QStringLiteral("n"), Kind::Agent, QStringLiteral("too old"));
        QCOMPARE(model.entry(0).text, QStringLiteral("7"));
        QCOMPARE(EventLogModel(nullptr).capacity(), 5000);
    }

    void filters()
    {
        EventLogModel model;
        EventLogFilter filter;
        filter.setSourceModel(&model);
        fill(model);
        filter.setText(QStringLiteral("  eth0 "));
        QCOMPARE(column(filter, EventLogModel::TextColumn),
                 (QStringList{QStringLiteral("vhid 1 on eth0: BACKUP → MASTER"),
                              QStringLiteral("node1: Taking eth0 down")}));
        filter.setText(QStringLiteral("NODE2")); // any column, any case
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QString());
        filter.setNode(QStringLiteral("node1"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setKind(Kind::Command);
        QCOMPARE(column(filter, EventLogModel::TextColumn),
                 QStringList{QStringLiteral("node1: Taking eth0 down")});
        filter.setNode(QString());
        filter.setKind(Kind::Alarm);
        QCOMPARE(filter.rowCount(), 1);
        filter.setKind(std::nullopt);
        QCOMPARE(filter.rowCount(), 5);
        // New rows go through the filter too.
        filter.setText(QStringLiteral("later"));
        model.append(T0 + 9000, QStringLiteral("node2"), Kind::Agent, QStringLiteral("later event"));
        QCOMPARE(filter.rowCount(), 1);
    }

    void viewFiltersFromItsControls()
    {
        EventLogModel model;
        EventLogView view(&model);
        view.setNodes({QStringLiteral("VIP"), QStringLiteral("node1"), QStringLiteral("node2")});
        fill(model);
        auto* text = view.findChild<QLineEdit*>();
        QVERIFY(text);
        text->setText(QStringLiteral("split"));
        QCOMPARE(view.filter()->rowCount(), 1);
        text->clear();
        const QList<QComboBox*> boxes = view.findChildren<QComboBox*>();
        QCOMPARE(boxes.size(), 2);
        QComboBox* nodes = boxes.at(0);
        QCOMPARE(nodes->count(), 4); // all nodes + three
        nodes->setCurrentIndex(nodes->findText(QStringLiteral("node2")));
        QCOMPARE(view.filter()->rowCount(), 1);
        nodes->setCurrentIndex(0);
        QComboBox* kinds = boxes.at(1);
        kinds->setCurrentIndex(kinds->findText(EventLogModel::kindName(Kind::Reachability)));
        QCOMPARE(view.filter()->rowCount(), 1);
        QCOMPARE(view.filter()->index(0, EventLogModel::NodeColumn).data().toString(), QStringLiteral("VIP"));
        // A node filter survives new node lists that still have that node.
        nodes->setCurrentIndex(nodes->findText(QStringLiteral("node1")));
        view.setNodes({QStringLiteral("VIP"), QStringLiteral("node1"), QStringLiteral("node3")});
        QCOMPARE(view.filter()->node(), QStringLiteral("node1"));
        view.setNodes({QStringLiteral("VIP")});
        QCOMPARE(view.filter()->node(), QString());
    }

    void copiesSelectedRowsWithCtrlC()
    {
        EventLogModel model;
        EventLogView view(&model);
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fill(model);
        QApplication::clipboard()->clear();
        QTableView* table = view.table();
        table->selectionModel()->select(view.filter()->index(3, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(view.filter()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Copy);
        const QString expected =
            EventLogModel::toText(model.entry(1)) + u'\n' + EventLogModel::toText(model.entry(3)) + u'\n';
        QCOMPARE(QApplication::clipboard()->text(), expected);
        QCOMPARE(EventLogModel::toText(model.entry(1)),
                 QString(EventLogModel::timeText(T0 + 2000) + QStringLiteral("\tnode2\t") +
                         EventLogModel::kindName(Kind::Reject) +
                         QStringLiteral("\trejected an advert (bad-hmac)")));
    }

    void copyButtonCopiesAllShownWithoutSelection()
    {
        EventLogModel model;
        EventLogView view(&model);
        fill(model);
        view.filter()->setNode(QStringLiteral("node1"));
        QApplication::clipboard()->clear();
        QPushButton* copy = nullptr;
        for (QPushButton* button : view.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Copy"))
                copy = button;
        }
        QVERIFY(copy);
        copy->click();
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).endsWith(QStringLiteral("BACKUP → MASTER")));
        QVERIFY(lines.at(1).endsWith(QStringLiteral("Taking eth0 down")));
    }

    void mergeOrdersBothNodesByLocalTime()
    {
        EventLogModel model;
        model.append(T0 + 500, QString(), Kind::Connection, QStringLiteral("window opened"));
        // node1's clock runs an hour ahead, node2's ten minutes behind: converted, they interleave.
        const qint64 ahead = 3'600'000;
        const qint64 behind = -600'000;
        QCOMPARE(
            model.merge(
                {agentEntry(QStringLiteral("node1"), T0 - 50'000, T0 - 50'000 + ahead, QStringLiteral("a")),
                 agentEntry(QStringLiteral("node1"), T0 - 30'000, T0 - 30'000 + ahead, QStringLiteral("c"))}),
            2);
        QCOMPARE(model.merge({agentEntry(QStringLiteral("node2"), T0 - 40'000, T0 - 40'000 + behind,
                                         QStringLiteral("b")),
                              agentEntry(QStringLiteral("node2"), T0 - 20'000, T0 - 20'000 + behind,
                                         QStringLiteral("d"))}),
                 2);
        QCOMPARE(column(model, EventLogModel::TextColumn),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                              QStringLiteral("d"), QStringLiteral("window opened")}));
        QCOMPARE(model.newestAgentTime(QStringLiteral("node1")).value_or(-1), T0 - 30'000 + ahead);
        QCOMPARE(model.newestAgentTime(QStringLiteral("node2")).value_or(-1), T0 - 20'000 + behind);
        QVERIFY(!model.newestAgentTime(QStringLiteral("node3")));
        QVERIFY(!model.newestAgentTime(QString())); // the window's own rows are no agent's
    }

    void mergeKeepsEachAgentEventOnce()
    {
        EventLogModel model;
        // Seen live (stamped on arrival), then again in the history (converted: another local time).
        QVERIFY(
            model.append(agentEntry(QStringLiteral("node1"), T0 + 1000, T0 + 7, QStringLiteral("x"), false)));
        QCOMPARE(model.merge({agentEntry(QStringLiteral("node1"), T0 + 990, T0 + 7, QStringLiteral("x")),
                              agentEntry(QStringLiteral("node1"), T0 + 995, T0 + 8, QStringLiteral("y")),
                              agentEntry(QStringLiteral("node1"), T0 + 995, T0 + 8, QStringLiteral("y"))}),
                 1);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.entry(1).earlier); // the live row stays as it was
        QCOMPARE(model.earlierCount(), 1);
        // The same again (a second fetch from the same start): nothing new.
        QCOMPARE(model.merge({agentEntry(QStringLiteral("node1"), T0 + 990, T0 + 7, QStringLiteral("x"))}),
                 0);
        // Live after the history had it: not added either.
        QVERIFY(!model.append(
            agentEntry(QStringLiteral("node1"), T0 + 2000, T0 + 8, QStringLiteral("y"), false)));
        // The same event on the other node is another event.
        QCOMPARE(model.merge({agentEntry(QStringLiteral("node2"), T0 + 990, T0 + 7, QStringLiteral("x"))}),
                 1);
        // Rows of the window's own are never taken for duplicates.
        QVERIFY(model.append(T0 + 3000, QString(), Kind::Connection, QStringLiteral("same")));
        QVERIFY(model.append(T0 + 3000, QString(), Kind::Connection, QStringLiteral("same")));
        QCOMPARE(model.rowCount(), 5);
    }

    void equalTimesAreNotDuplicates()
    {
        EventLogModel model;
        // The fetch starts at the newest agent time the log has, inclusive: that event comes back,
        // and another one at the very same millisecond must not be lost with it.
        model.append(agentEntry(QStringLiteral("node1"), T0, T0 + 100, QStringLiteral("known"), false));
        const qint64 since = *model.newestAgentTime(QStringLiteral("node1"));
        QCOMPARE(since, T0 + 100);
        QCOMPARE(
            model.merge({agentEntry(QStringLiteral("node1"), T0, since, QStringLiteral("known")),
                         agentEntry(QStringLiteral("node1"), T0, since, QStringLiteral("same ms")),
                         agentEntry(QStringLiteral("node1"), T0 + 1, since + 1, QStringLiteral("after"))}),
            2);
        QCOMPARE(column(model, EventLogModel::TextColumn),
                 (QStringList{QStringLiteral("known"), QStringLiteral("same ms"), QStringLiteral("after")}));
    }

    void mergeRespectsTheCapacity()
    {
        EventLogModel model(nullptr, 4);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<EventLogModel::Entry> history;
        for (int i = 0; i < 10; ++i)
            history.append(agentEntry(QStringLiteral("node1"), T0 + i, T0 + i, QString::number(i)));
        QCOMPARE(model.merge(history), 10); // each was added, the oldest went again
        QCOMPARE(column(model, EventLogModel::TextColumn),
                 (QStringList{QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                              QStringLiteral("9")}));
        // Older than a full log: not added, not counted.
        QCOMPARE(model.merge({agentEntry(QStringLiteral("node2"), T0 - 1, T0 - 1, QStringLiteral("old"))}),
                 0);
        // What the cap dropped is forgotten: it may come back if it fits in time.
        QCOMPARE(model.merge({agentEntry(QStringLiteral("node1"), T0 + 6, T0 + 5, QStringLiteral("5"))}), 1);
        QCOMPARE(model.rowCount(), 4);
    }

    void earlierRowsAreMarkedAndCounted()
    {
        EventLogModel model;
        QSignalSpy counted(&model, &EventLogModel::earlierCountChanged);
        model.append(T0, QStringLiteral("node1"), Kind::Connection, QStringLiteral("live"));
        // Loaded from the saved log: marked, but not "since you last looked".
        model.append(agentEntry(QStringLiteral("node1"), T0 - 10, T0 - 10, QStringLiteral("saved")));
        QCOMPARE(model.earlierCount(), 0);
        QCOMPARE(
            model.merge({agentEntry(QStringLiteral("node1"), T0 - 5, T0 - 5, QStringLiteral("new")),
                         agentEntry(QStringLiteral("node1"), T0 - 10, T0 - 10, QStringLiteral("saved"))}),
            1);
        QCOMPARE(model.earlierCount(), 1);
        QCOMPARE(counted.size(), 1);
        QCOMPARE(counted.constLast().at(0).toInt(), 1);
        const QModelIndex earlier = model.index(1, EventLogModel::TimeColumn);
        QCOMPARE(model.entry(1).text, QStringLiteral("new"));
        QVERIFY(earlier.data().toString().startsWith(QStringLiteral("◷ ")));
        QVERIFY(earlier.data(Qt::BackgroundRole).isValid());
        QVERIFY(earlier.data(EventLogModel::EarlierRole).toBool());
        QVERIFY(earlier.data(Qt::ToolTipRole).toString().contains(QStringLiteral("history")));
        const QModelIndex live = model.index(2, EventLogModel::TimeColumn);
        QCOMPARE(live.data().toString(), EventLogModel::timeText(T0));
        QVERIFY(!live.data(Qt::BackgroundRole).isValid());
        model.clear();
        QCOMPARE(model.earlierCount(), 0);
        QCOMPARE(counted.constLast().at(0).toInt(), 0);
        QVERIFY(!model.newestAgentTime(QStringLiteral("node1")));
    }

    void earlierCountIsShownAboveTheLog()
    {
        EventLogModel model;
        EventLogView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* label = view.findChild<QLabel*>(QStringLiteral("earlierLabel"));
        QVERIFY(label);
        QVERIFY(!label->isVisible());
        model.merge({agentEntry(QStringLiteral("node1"), T0, T0, QStringLiteral("a"))});
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), QStringLiteral("◷ One event since you last looked"));
        QList<EventLogModel::Entry> more;
        for (int i = 1; i <= 11; ++i)
            more.append(agentEntry(QStringLiteral("node2"), T0 + i, T0 + i, QString::number(i)));
        model.merge(more);
        QCOMPARE(label->text(), QStringLiteral("◷ 12 events since you last looked"));
        model.clear();
        QVERIFY(!label->isVisible());
    }

    void kindKeysAreStable()
    {
        QStringList keys;
        for (const Kind kind : EventLogModel::kinds()) {
            keys.append(EventLogModel::kindKey(kind));
            QVERIFY(EventLogModel::kindFromKey(keys.constLast()) == kind);
        }
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("state"), QStringLiteral("reject"), QStringLiteral("command"),
                              QStringLiteral("agent"), QStringLiteral("connection"),
                              QStringLiteral("reachability"), QStringLiteral("alarm")}));
        QVERIFY(!EventLogModel::kindFromKey(u"State"));
        // Another day's time has its date.
        QVERIFY(EventLogModel::timeText(T0).startsWith(QStringLiteral("2023-11-1")));
        QCOMPARE(EventLogModel::timeText(QDateTime::currentMSecsSinceEpoch()).size(), 12);
    }
};

QTEST_MAIN(TestEventLogModel)
#include "TestEventLogModel.moc"
