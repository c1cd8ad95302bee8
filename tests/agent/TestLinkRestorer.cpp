// SPDX-License-Identifier: GPL-3.0-or-later
// The dead-man switch (LinkRestorer) in-process, on fake links and clocks: the deadline is saved
// before the link goes down, the link comes back at its deadline whatever the wall clock does,
// across a restart and after a reboot, and a failure to save or to restore is handled.
#include "FakeClock.h"
#include "FakeLinkControl.h"
#include "LinkRestorer.h"

#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {
QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// A restorer with its persistence recorded (and failing on demand).
struct Rig
{
    FakeClock clock;
    FakeLinkControl links;
    QList<QList<SavedRestore>> saves;
    QString saveError;
    std::unique_ptr<LinkRestorer> restorer;

    Rig()
    {
        links.up = {{s("eth0"), true}, {s("eth1"), true}};
        restorer = std::make_unique<LinkRestorer>(links, clock, [this] {
            if (saveError.isEmpty())
                saves << restorer->saved();
            return saveError;
        });
    }
};
} // namespace

class TestLinkRestorer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savedBeforeTheLinkGoesDown();
    void restoredAtItsDeadline();
    void wallClockSteppedBack();
    void wallClockSteppedForward();
    void neverLaterThanTheLimit();
    void resumedAfterRestart();
    void earlierBootRestoresNow();
    void oldFileWithoutBootClock();
    void saveFailureTouchesNothing();
    void restoreFailureRetried();
    void bringUpEndsItEarly();
    void stoppingRestoresEverythingNow();
    void refusals();
};

void TestLinkRestorer::savedBeforeTheLinkGoesDown()
{
    Rig rig;
    QSignalSpy events(rig.restorer.get(), &LinkRestorer::event);
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 20, s("alice")));
    QCOMPARE(rig.saves.size(), 1);
    const SavedRestore saved = rig.saves.first().first();
    QCOMPARE(saved.interface, s("eth0"));
    QCOMPARE(saved.deadlineMs, rig.clock.wall + 20'000);
    QCOMPARE(saved.bootDeadlineMs, rig.clock.boot + 20'000);
    QCOMPARE(saved.bootId, s("boot-1"));
    QCOMPARE(saved.requestedBy, s("alice"));
    QVERIFY(rig.links.calls.isEmpty()); // the reply leaves first; the link goes 200 ms later
    QVERIFY(rig.restorer->goingDown(s("eth0")));
    QTRY_COMPARE(rig.links.calls, QStringList{s("eth0 down")});
    QVERIFY(!rig.restorer->goingDown(s("eth0")));
    QCOMPARE(events.size(), 1);
    QVERIFY(events.first().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreArmed{s("eth0"), saved.deadlineMs, s("alice")}));
}

void TestLinkRestorer::restoredAtItsDeadline()
{
    Rig rig;
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 20, s("alice")));
    QTRY_COMPARE(rig.links.up.value(s("eth0")), false);
    QSignalSpy events(rig.restorer.get(), &LinkRestorer::event);
    rig.clock.advance(19'999);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), false);
    QCOMPARE(*rig.restorer->nextDueInMs(), qint64{1});
    rig.clock.advance(1);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), true);
    QVERIFY(rig.restorer->saved().isEmpty());
    QVERIFY(rig.saves.last().isEmpty()); // the restore is recorded as done
    QCOMPARE(events.size(), 1);
    QVERIFY(events.first().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreDone{s("eth0"), false, 0, {}}));
}

void TestLinkRestorer::wallClockSteppedBack()
{
    Rig rig;
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 30, s("alice")));
    QTRY_COMPARE(rig.links.up.value(s("eth0")), false);
    rig.clock.wall -= 3'600'000; // NTP, or a VM snapshot restored: an hour back
    rig.clock.advance(29'000);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), false);
    // The status shows the time it will really happen, in the new wall clock's terms.
    QCOMPARE(rig.restorer->pending().first().deadlineMs, rig.clock.wall + 1'000);
    rig.clock.advance(1'000);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), true);
}

void TestLinkRestorer::wallClockSteppedForward()
{
    // Whichever comes first: a wall clock that jumps past the deadline brings the link back early,
    // which is the safe direction.
    Rig rig;
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 300, s("alice")));
    QTRY_COMPARE(rig.links.up.value(s("eth0")), false);
    rig.clock.wall += 3'600'000;
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), true);
}

void TestLinkRestorer::neverLaterThanTheLimit()
{
    // A saved file whose deadlines lie far ahead (a clock that was wrong when it was written): no
    // restore waits longer than the longest one there is.
    Rig rig;
    rig.restorer->resume({SavedRestore{s("eth0"), rig.clock.wall + 86'400'000, {}, 0, s("old")},
                          SavedRestore{s("eth1"), rig.clock.wall + 86'400'000, s("boot-1"),
                                       rig.clock.boot + 86'400'000, s("old")}});
    QCOMPARE(*rig.restorer->nextDueInMs(), qint64{900'000});
    rig.clock.advance(900'000);
    rig.restorer->check();
    QVERIFY(rig.links.calls.contains(s("eth0 up")));
    QVERIFY(rig.links.calls.contains(s("eth1 up")));
    QVERIFY(rig.restorer->saved().isEmpty());
}

void TestLinkRestorer::resumedAfterRestart()
{
    Rig first;
    QVERIFY(!first.restorer->takeDown(s("eth0"), 20, s("alice")));
    const QList<SavedRestore> saved = first.saves.last();
    // The agent dies (kill -9) 5 s later and starts again: the same boot, the same deadline.
    Rig second;
    second.clock = first.clock;
    second.clock.advance(5'000);
    second.links.up[s("eth0")] = false;
    second.restorer->resume(saved);
    QCOMPARE(second.links.up.value(s("eth0")), false);
    QCOMPARE(*second.restorer->nextDueInMs(), qint64{15'000});
    second.clock.advance(15'000);
    second.restorer->check();
    QCOMPARE(second.links.up.value(s("eth0")), true);
    // A deadline that passed while the agent was dead is carried out at start.
    Rig late;
    late.clock = first.clock;
    late.clock.advance(60'000);
    late.links.up[s("eth0")] = false;
    late.restorer->resume(saved);
    QCOMPARE(late.links.up.value(s("eth0")), true);
}

void TestLinkRestorer::earlierBootRestoresNow()
{
    Rig rig;
    rig.links.up[s("eth0")] = false;
    rig.clock.boot_id = s("boot-2");
    rig.clock.boot = 10'000; // a fresh boot: the old boot-clock deadline means nothing here
    rig.restorer->resume(
        {SavedRestore{s("eth0"), rig.clock.wall + 600'000, s("boot-1"), 900'000, s("alice")}});
    QCOMPARE(rig.links.up.value(s("eth0")), true);
    QVERIFY(rig.restorer->saved().isEmpty());
}

void TestLinkRestorer::oldFileWithoutBootClock()
{
    Rig rig;
    rig.links.up[s("eth0")] = false;
    rig.restorer->resume({SavedRestore{s("eth0"), rig.clock.wall + 10'000, {}, 0, s("alice")}});
    QCOMPARE(rig.links.up.value(s("eth0")), false);
    rig.clock.advance(10'000);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), true);
}

void TestLinkRestorer::saveFailureTouchesNothing()
{
    Rig rig;
    rig.saveError = s("disk full");
    const auto failure = rig.restorer->takeDown(s("eth0"), 20, s("alice"));
    QVERIFY(failure);
    QCOMPARE(failure->error, ControlError::StateNotSaved);
    QVERIFY(rig.restorer->saved().isEmpty());
    QVERIFY(!rig.restorer->goingDown(QStringLiteral("eth0"))); // nothing scheduled for later either
    QVERIFY(rig.links.calls.isEmpty());
}

void TestLinkRestorer::restoreFailureRetried()
{
    Rig rig;
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 1, s("alice")));
    QTRY_COMPARE(rig.links.up.value(s("eth0")), false);
    rig.links.failing << s("eth0");
    QSignalSpy events(rig.restorer.get(), &LinkRestorer::event);
    rig.clock.advance(1'000);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), false);
    QCOMPARE(rig.restorer->saved().size(), 1); // still pending, so a restart would try again
    QVERIFY(events.last().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreFailed{s("eth0")}));
    rig.links.failing.clear();
    rig.clock.advance(1'000);
    rig.restorer->check();
    QCOMPARE(rig.links.up.value(s("eth0")), true);
    QVERIFY(events.last().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreDone{s("eth0"), false, 1'000, {}}));
}

void TestLinkRestorer::bringUpEndsItEarly()
{
    Rig rig;
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 60, s("alice")));
    QTRY_COMPARE(rig.links.up.value(s("eth0")), false);
    QSignalSpy events(rig.restorer.get(), &LinkRestorer::event);
    QVERIFY(!rig.restorer->bringUp(s("eth0"), s("bob")));
    QCOMPARE(rig.links.up.value(s("eth0")), true);
    QVERIFY(rig.restorer->saved().isEmpty());
    QVERIFY(events.first().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreDone{s("eth0"), true, 0, s("bob")}));
    QCOMPARE(rig.restorer->nextDueInMs(), std::nullopt);
}

void TestLinkRestorer::stoppingRestoresEverythingNow()
{
    // Nothing restores a link after the agent has stopped (until it starts again, which may be
    // never): every pending one comes up now; one that fails stays recorded for the next start.
    Rig rig;
    QVERIFY(!rig.restorer->takeDown(s("eth0"), 600, s("alice")));
    QVERIFY(!rig.restorer->takeDown(s("eth1"), 900, s("bob")));
    QTRY_COMPARE(rig.links.up.value(s("eth1")), false);
    QCOMPARE(rig.links.up.value(s("eth0")), false);
    rig.links.failing << s("eth1");
    QSignalSpy events(rig.restorer.get(), &LinkRestorer::event);
    rig.restorer->restoreAll(s("batond stopping"));
    QCOMPARE(rig.links.up.value(s("eth0")), true);
    QCOMPARE(rig.links.up.value(s("eth1")), false);
    QCOMPARE(rig.restorer->saved().size(), 1);
    QCOMPARE(rig.restorer->saved().first().interface, s("eth1"));
    QCOMPARE(rig.saves.last(), rig.restorer->saved());
    QVERIFY(events.first().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreDone{s("eth0"), true, 0, s("batond stopping")}));
    QVERIFY(events.last().first().value<ControlEvent::Body>() ==
            ControlEvent::Body(ev::RestoreFailed{s("eth1")}));
}

void TestLinkRestorer::refusals()
{
    Rig rig;
    QCOMPARE(rig.restorer->takeDown(s("wlan7"), 10, s("a"))->error, ControlError::UnknownInterface);
    QVERIFY(!rig.restorer->takeDown(s("eth1"), 10, s("a")));
    QCOMPARE(rig.restorer->takeDown(s("eth1"), 10, s("a"))->error, ControlError::RestorePending);
    rig.links.failing << s("eth0");
    QCOMPARE(rig.restorer->bringUp(s("eth0"), s("a"))->error, ControlError::NetlinkFailed);
}

QTEST_GUILESS_MAIN(TestLinkRestorer)
#include "TestLinkRestorer.moc"
