// SPDX-License-Identifier: GPL-3.0-or-later
// The suspected-forgery alarm (ForgeryMonitor): raised by an agent's event or its status counts,
// kept until acknowledged, back when the counts grow past what was acknowledged, and not fooled by
// an agent restarting its counts from zero.
#include "alarm/ForgeryMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {
QString s(const char* text)
{
    return QString::fromLatin1(text);
}

AgentStatus withForgeries(quint64 replayed, quint64 flips = 0)
{
    GroupStatus g;
    g.vhid = 1;
    if (replayed > 0)
        g.forgeries.insert(s("replayed-counter"), replayed);
    if (flips > 0)
        g.forgeries.insert(s("field-change"), flips);
    AgentStatus st;
    st.groups = {g};
    return st;
}
} // namespace

class TestForgeryMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quietWithoutForgeries()
    {
        ForgeryMonitor m;
        m.setStatus(0, withForgeries(0));
        m.setStatus(1, withForgeries(0));
        QVERIFY(!m.isAlarmed());
    }

    void eventRaisesWithSource()
    {
        ForgeryMonitor m;
        m.setNodeName(1, s("node2"));
        QSignalSpy changed(&m, &ForgeryMonitor::changed);
        m.addEvent(1, ControlEvent{1, ev::ForgerySuspected{1, s("192.0.2.66"), s("replayed-counter"), 1}});
        QCOMPARE(changed.size(), 1);
        QVERIFY(m.isAlarmed());
        QCOMPARE(m.lines().size(), 1);
        QVERIFY2(m.lines().first().contains(u"node2") && m.lines().first().contains(u"192.0.2.66") &&
                     m.lines().first().contains(u"replayed-counter"),
                 qPrintable(m.lines().first()));
        m.addEvent(1, ControlEvent{1, ev::MaintenanceChanged{true, s("a")}}); // not ours
        QCOMPARE(changed.size(), 1);
    }

    void statusCountsRaiseAndAcknowledgeClears()
    {
        ForgeryMonitor m;
        m.setNodeName(0, s("node1"));
        m.setStatus(0, withForgeries(5, 2));
        QCOMPARE(m.lines().size(), 2);
        m.acknowledge();
        QVERIFY(!m.isAlarmed());
        m.setStatus(0, withForgeries(5, 2)); // the same counts again: still quiet
        QVERIFY(!m.isAlarmed());
        m.setStatus(0, withForgeries(9, 2));
        QCOMPARE(m.lines().size(), 1);
        QVERIFY2(m.lines().first().contains(u"ignored: 4"), qPrintable(m.lines().first()));
    }

    void restartedAgentCountsAfresh()
    {
        ForgeryMonitor m;
        m.setStatus(0, withForgeries(100));
        m.acknowledge();
        m.setStatus(0, withForgeries(0)); // batond restarted
        QVERIFY(!m.isAlarmed());
        m.setStatus(0, withForgeries(3)); // three new ones, not 97 fewer than before
        QVERIFY(m.isAlarmed());
        QVERIFY2(m.lines().first().contains(u"ignored: 3"), qPrintable(m.lines().first()));
    }

    void resetForgets()
    {
        ForgeryMonitor m;
        m.setStatus(1, withForgeries(1));
        QVERIFY(m.isAlarmed());
        m.reset();
        QVERIFY(!m.isAlarmed());
    }
};

QTEST_MAIN(TestForgeryMonitor)
#include "TestForgeryMonitor.moc"
