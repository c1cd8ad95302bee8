// SPDX-License-Identifier: GPL-3.0-or-later
// The control channel's verbs on the agent's main thread (ControlService), in-process on fake links
// and clocks: what each role may do, the interfaces it may touch, maintenance kept across restarts,
// a damaged state file starting the node in maintenance, and what the status reports.
#include "ControlService.h"
#include "FakeClock.h"
#include "FakeLinkControl.h"
#include "control/ControlError.h"
#include "control/ControlProtocol.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

Q_DECLARE_METATYPE(baton::ControlRequest)

namespace {
QString s(const char* text)
{
    return QString::fromLatin1(text);
}

ControlRequest request(ControlRequest::Verb verb, const char* interface = "")
{
    static qint64 nextId = 1;
    ControlRequest r;
    r.id = nextId++;
    r.verb = verb;
    r.interface = s(interface);
    r.restoreAfterSeconds = 20;
    r.maintenanceOn = true;
    return r;
}

struct Rig
{
    explicit Rig(const QString& stateDir)
        : service(links, clock, stateDir, disk, s("node1"), [] { return std::vector<GroupRunner*>{}; })
    {
        links.up = {{s("eth0"), true}, {s("eth9"), true}};
        service.setManagedInterfaces({s("eth0")});
    }
    // Runs the request as the control thread would hand it over; returns the reply.
    QCborMap run(const ControlRequest& r, bool mayChange)
    {
        QSignalSpy replies(&service, &ControlService::replyReady);
        service.execute(7, r, mayChange ? s("alice") : s("viewer"), mayChange);
        if (replies.size() != 1)
            return {};
        return replies.first().at(1).value<QCborMap>();
    }
    FakeClock clock;
    FakeLinkControl links;
    DiskWriter disk;
    ControlService service;
};

QString errorOf(const QCborMap& reply)
{
    return reply.value(control::key::Ok).toBool() ? QString() : reply.value(control::key::Error).toString();
}
} // namespace

class TestControlService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void readOnlyMayOnlyWatch_data();
    void readOnlyMayOnlyWatch();
    void operatorTakesALinkDown();
    void onlyManagedInterfaces();
    void maintenanceSurvivesRestart();
    void damagedStateStartsInMaintenance();
    void statusReportsControlChannel();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestControlService::readOnlyMayOnlyWatch_data()
{
    QTest::addColumn<ControlRequest>("request");
    QTest::addColumn<bool>("mutating");
    QTest::newRow("status") << request(ControlRequest::Verb::Status) << false;
    QTest::newRow("link-down") << request(ControlRequest::Verb::LinkDown, "eth0") << true;
    QTest::newRow("link-up") << request(ControlRequest::Verb::LinkUp, "eth0") << true;
    QTest::newRow("handover") << request(ControlRequest::Verb::Handover) << true;
    QTest::newRow("maintenance") << request(ControlRequest::Verb::Maintenance) << true;
    // Granted, this would SIGKILL the test within the 300 ms it waits below.
    QTest::newRow("crash") << request(ControlRequest::Verb::Crash) << true;
}

void TestControlService::readOnlyMayOnlyWatch()
{
    QFETCH(ControlRequest, request);
    QFETCH(bool, mutating);
    Rig rig(m_dir->path());
    QSignalSpy events(&rig.service, &ControlService::eventRaised);
    const QCborMap reply = rig.run(request, false);
    QCOMPARE(errorOf(reply), mutating ? QString(ControlErrors::code(ControlError::NotPermitted)) : QString());
    // Refused before anything was recorded or scheduled: no restore pending means no link-down coming.
    QVERIFY(rig.service.status().restores.isEmpty());
    QVERIFY(rig.links.calls.isEmpty());
    QVERIFY(!rig.service.maintenance());
    // A refused command is still on record, with who asked.
    if (mutating) {
        QCOMPARE(events.size(), 1);
        const auto e = ControlEvent::fromMessage(events.first().first().value<QCborMap>());
        QVERIFY(e);
        const auto* command = std::get_if<ev::CommandDone>(&e->body);
        QVERIFY(command);
        QCOMPARE(command->by, s("viewer"));
        QVERIFY(!command->ok);
        QCOMPARE(command->error, s("not-permitted"));
    }
}

void TestControlService::operatorTakesALinkDown()
{
    Rig rig(m_dir->path());
    const QCborMap reply = rig.run(request(ControlRequest::Verb::LinkDown, "eth0"), true);
    QCOMPARE(errorOf(reply), QString());
    QCOMPARE(reply.value(control::key::Data).toMap().value(control::key::Deadline).toInteger(),
             rig.clock.wall + 20'000);
    QTRY_COMPARE(rig.links.calls, QStringList{s("eth0 down")});
    QCOMPARE(rig.service.status().restores.size(), 1);
    QCOMPARE(rig.service.status().restores.first().requestedBy, s("alice"));
    // The deadline is on disk: a second agent on the same folder (a restart) knows it.
    Rig restarted(m_dir->path());
    restarted.clock = rig.clock;
    restarted.service.resumeSavedState();
    QCOMPARE(restarted.service.status().restores.size(), 1);
}

void TestControlService::onlyManagedInterfaces()
{
    Rig rig(m_dir->path());
    for (const auto verb : {ControlRequest::Verb::LinkDown, ControlRequest::Verb::LinkUp})
        QCOMPARE(errorOf(rig.run(request(verb, "eth9"), true)),
                 QString(ControlErrors::code(ControlError::UnknownInterface)));
    QVERIFY(rig.service.status().restores.isEmpty()); // nothing recorded, so nothing to carry out later
    QVERIFY(rig.links.calls.isEmpty());
}

void TestControlService::maintenanceSurvivesRestart()
{
    {
        Rig rig(m_dir->path());
        QVERIFY(!rig.service.resumeSavedState());
        QCOMPARE(errorOf(rig.run(request(ControlRequest::Verb::Maintenance), true)), QString());
        QVERIFY(rig.service.maintenance());
        QVERIFY(rig.service.status().maintenance);
    }
    Rig restarted(m_dir->path());
    QVERIFY(restarted.service.resumeSavedState());
    QVERIFY(restarted.service.maintenance());
}

void TestControlService::damagedStateStartsInMaintenance()
{
    QFile file(m_dir->filePath(s("state.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"maintenance\": fals"); // cut short
    file.close();
    Rig rig(m_dir->path());
    rig.links.up[s("eth0")] = false; // a drill may have left it down: the file cannot tell
    QVERIFY(rig.service.resumeSavedState());
    QVERIFY(rig.service.maintenance());
    QCOMPARE(rig.links.up.value(s("eth0")), true);
    QVERIFY(!rig.links.calls.contains(s("eth9 up"))); // not ours
    QVERIFY(QFile::exists(m_dir->filePath(s("state.json.bad"))));
    // Said once, and kept: the next start is in maintenance too, until an operator ends it.
    Rig next(m_dir->path());
    QVERIFY(next.service.resumeSavedState());
    QCOMPARE(errorOf(next.run(
                 [] {
                     ControlRequest off = request(ControlRequest::Verb::Maintenance);
                     off.maintenanceOn = false;
                     return off;
                 }(),
                 true)),
             QString());
    QVERIFY(!next.service.maintenance());
}

void TestControlService::statusReportsControlChannel()
{
    Rig rig(m_dir->path());
    QCOMPARE(rig.service.status().controlProblem, QString());
    rig.service.setControlState(s("listen-failed"), 0);
    QCOMPARE(rig.service.status().controlProblem, s("listen-failed"));
    rig.service.setControlState({}, 1'900'000'000'000);
    QCOMPARE(rig.service.status().controlProblem, QString());
    QCOMPARE(rig.service.status().certificateExpiresMs, qint64{1'900'000'000'000});
    QCOMPARE(rig.service.status().agent, s("node1"));
    QCOMPARE(rig.service.status().timeMs, rig.clock.wall);
}

QTEST_GUILESS_MAIN(TestControlService)
#include "TestControlService.moc"
