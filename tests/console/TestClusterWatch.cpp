// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterWatch against two in-process fake agents speaking the real protocol: what it concludes
// (health, masters, alarms, the last failover) and the notices it gives, each exactly once.
#include "FakeAgent.h"
#include "FakePki.h"
#include "alarm/SplitBrainMonitor.h"
#include "probe/ProbeSample.h"
#include "watch/ClusterWatch.h"

#include <QDateTime>
#include <QTest>

#include <memory>

using namespace baton;

namespace {
constexpr qint64 Day = qint64{24} * 3600 * 1000;

struct Rig
{
    std::unique_ptr<FakeAgent> agents[2];
    std::unique_ptr<ClusterWatch> watch;
    QList<WatchNotice> notices;
    qint64 wall = QDateTime::currentMSecsSinceEpoch();
    quint16 sequence = 0;

    FakeAgent& agent(int i) { return *agents[i]; }
    QList<WatchNotice> of(WatchNotice::Kind kind) const
    {
        QList<WatchNotice> found;
        for (const WatchNotice& n : notices)
            if (n.kind == kind)
                found.append(n);
        return found;
    }
    bool live() const { return watch->connection(0)->isLive() && watch->connection(1)->isLive(); }
    // One echo to the VIP, sent at `wall`; the clock then moves on by 500 ms.
    void echo(bool answered)
    {
        ProbeSample sample;
        sample.sequence = ++sequence;
        sample.sentMs = wall;
        if (answered)
            sample.rttMicros = 400;
        wall += 500;
        watch->addVipSample(sample);
    }
    static AgentStatus status(int node, CarpState state)
    {
        return FakeAgent::sampleStatus(node == 0 ? QStringLiteral("node1") : QStringLiteral("node2"), state);
    }
};
} // namespace

class TestClusterWatch : public QObject
{
    Q_OBJECT

    FakePki m_pki;

    ClusterDefinition definition(quint16 port1, quint16 port2) const
    {
        ClusterDefinition d;
        d.name = QStringLiteral("web");
        d.vip = {0xC000020A, 24};
        d.vhid = 1;
        d.password = QStringLiteral("secret");
        d.pkiDir = m_pki.directory();
        d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QStringLiteral("127.0.0.1"), port1,
                      QStringLiteral("eth0"),  0};
        d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("127.0.0.1"), port2,
                      QStringLiteral("eth0"),  100};
        return d;
    }

    // Both agents up (node1 MASTER, node2 BACKUP), the watch live on both.
    std::unique_ptr<Rig> rig()
    {
        auto r = std::make_unique<Rig>();
        for (int i = 0; i < 2; ++i) {
            const auto identity = m_pki.agent(i == 0 ? QStringLiteral("node1") : QStringLiteral("node2"));
            if (!identity)
                return nullptr;
            r->agents[i] = std::make_unique<FakeAgent>(*identity);
            r->agents[i]->setStatus(Rig::status(i, i == 0 ? CarpState::Master : CarpState::Backup));
            if (!r->agents[i]->start())
                return nullptr;
        }
        r->watch = std::make_unique<ClusterWatch>(QStringLiteral("web"),
                                                  definition(r->agent(0).port(), r->agent(1).port()));
        Rig* raw = r.get();
        r->watch->setWallClock([raw] { return raw->wall; });
        connect(r->watch.get(), &ClusterWatch::notice, r->watch.get(),
                [raw](const WatchNotice& n) { raw->notices.append(n); });
        r->watch->start();
        if (!QTest::qWaitFor([raw] { return raw->live(); }, 10000))
            return nullptr;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        QVERIFY2(m_pki.console(QStringLiteral("watch")), qPrintable(m_pki.error()));
    }

    void settledPairIsOk()
    {
        auto r = rig();
        QVERIFY(r);
        QCOMPARE(r->watch->masters(), QStringList{QStringLiteral("node1")});
        QCOMPARE(r->watch->vip(), ClusterWatch::Vip::Unknown);
        r->echo(true);
        QCOMPARE(r->watch->vip(), ClusterWatch::Vip::Answering);
        QVERIFY2(r->watch->alarms().isEmpty(), qPrintable(r->watch->alarms().join(u'\n')));
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Ok);
        QVERIFY(r->notices.isEmpty()); // where the VIP is at the start is no news
        QVERIFY(!r->watch->lastFailover());
    }

    void failoverNoticedThenItsOutage()
    {
        auto r = rig();
        QVERIFY(r);
        for (int i = 0; i < 4; ++i)
            r->echo(true);
        r->agent(0).setStatus(Rig::status(0, CarpState::Backup));
        for (int i = 0; i < 6; ++i)
            r->echo(false); // 3 s without an answer
        AgentStatus takeover = Rig::status(1, CarpState::Master);
        takeover.groups[0].sinceMs = QDateTime::currentMSecsSinceEpoch(); // just now, by the agent's clock
        r->agent(1).setStatus(takeover);
        QTRY_COMPARE(r->of(WatchNotice::Kind::Failover).size(), 1);
        const WatchNotice first = r->of(WatchNotice::Kind::Failover).constFirst();
        QVERIFY(first.critical);
        QVERIFY(!first.refinement);
        QCOMPARE(first.cluster, QStringLiteral("web"));
        QCOMPARE(first.title, QStringLiteral("Failover in web"));
        QVERIFY2(first.body.contains(QStringLiteral("node2 took over the VIP 192.0.2.10 from node1")),
                 qPrintable(first.body));
        QCOMPARE(r->watch->masters(), QStringList{QStringLiteral("node2")});
        QCOMPARE(r->watch->lastFailover()->from, QStringLiteral("node1"));

        // The agent's time converted to this desktop's: the takeover is now, where the probes are.
        QVERIFY(qAbs(r->watch->lastFailover()->timeMs - r->wall) < 1000);
        r->echo(true);
        QCOMPARE(r->of(WatchNotice::Kind::Failover).size(), 2);
        const WatchNotice refined = r->of(WatchNotice::Kind::Failover).constLast();
        QVERIFY(refined.refinement);
        QCOMPARE(refined.group(), first.group());
        QVERIFY2(refined.body.contains(QStringLiteral("did not answer this desktop for")),
                 qPrintable(refined.body));
        QVERIFY(r->watch->lastFailover()->outageMs);
        QVERIFY(r->of(WatchNotice::Kind::VipSilent).isEmpty()); // a failover's silence is the failover's
    }

    void splitBrainRaisedAndOver()
    {
        auto r = rig();
        QVERIFY(r);
        r->agent(1).setStatus(Rig::status(1, CarpState::Master));
        QTRY_COMPARE(r->of(WatchNotice::Kind::SplitBrain).size(), 1);
        QVERIFY(r->of(WatchNotice::Kind::SplitBrain).constFirst().critical);
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Alarm);
        QVERIFY(r->watch->alarms().constFirst().contains(QStringLiteral("Both nodes claim MASTER")));
        r->agent(1).setStatus(Rig::status(1, CarpState::Backup));
        QTRY_COMPARE(r->of(WatchNotice::Kind::SplitBrainOver).size(), 1);
        QCOMPARE(r->of(WatchNotice::Kind::SplitBrain).size(), 1);
        QVERIFY(!r->watch->splitBrain()->isAlarmed());
    }

    void neitherMasterIsAnAlarm()
    {
        auto r = rig();
        QVERIFY(r);
        r->agent(0).setStatus(Rig::status(0, CarpState::Backup));
        QTRY_COMPARE(r->watch->health(), ClusterWatch::Health::Alarm);
        QVERIFY(r->watch->alarms().constFirst().contains(QStringLiteral("Neither node is MASTER")));
    }

    void agentLostAndBack()
    {
        auto r = rig();
        QVERIFY(r);
        const quint16 port = r->agent(1).port();
        r->agent(1).close();
        r->agent(1).dropClients();
        QTRY_COMPARE(r->of(WatchNotice::Kind::AgentLost).size(), 1);
        const WatchNotice lost = r->of(WatchNotice::Kind::AgentLost).constFirst();
        QCOMPARE(lost.node, QStringLiteral("node2"));
        QVERIFY(!lost.critical);
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Warning);
        QVERIFY(
            r->watch->alarms().join(u'\n').contains(QStringLiteral("The agent on node2 cannot be reached")));
        QVERIFY(r->agent(1).listen(QHostAddress::LocalHost, port));
        QTRY_VERIFY_WITH_TIMEOUT(r->of(WatchNotice::Kind::AgentBack).size() == 1, 10000);
        QCOMPARE(r->of(WatchNotice::Kind::AgentBack).constFirst().group(), lost.group());
        QCOMPARE(r->of(WatchNotice::Kind::AgentLost).size(), 1); // the retries while away say nothing
    }

    void vipSilenceToldOnlyWhenItLasts()
    {
        auto r = rig();
        QVERIFY(r);
        r->echo(true);
        for (int i = 0; i < 19; ++i) // 9.5 s: as long as a slow failover
            r->echo(false);
        QCOMPARE(r->watch->vip(), ClusterWatch::Vip::Silent);
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Alarm);
        QVERIFY(r->of(WatchNotice::Kind::VipSilent).isEmpty());
        r->echo(false);
        r->echo(false);
        QCOMPARE(r->of(WatchNotice::Kind::VipSilent).size(), 1);
        QVERIFY(r->of(WatchNotice::Kind::VipSilent).constFirst().body.contains(QStringLiteral("192.0.2.10")));
        r->echo(false);
        QCOMPARE(r->of(WatchNotice::Kind::VipSilent).size(), 1);
        r->echo(true);
        QCOMPARE(r->of(WatchNotice::Kind::VipBack).size(), 1);
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Ok);
    }

    void vipNeverAnsweredIsNoNews()
    {
        auto r = rig();
        QVERIFY(r);
        for (int i = 0; i < 40; ++i)
            r->echo(false);
        QCOMPARE(r->watch->vip(), ClusterWatch::Vip::Silent);
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Alarm); // shown, not announced
        QVERIFY(r->of(WatchNotice::Kind::VipSilent).isEmpty());
    }

    void certificateExpiryToldOncePerStage()
    {
        auto r = rig();
        QVERIFY(r);
        AgentStatus status = Rig::status(0, CarpState::Master);
        status.certificateExpiresMs = r->wall + 20 * Day;
        r->agent(0).setStatus(status);
        QTRY_COMPARE(r->of(WatchNotice::Kind::CertificateExpiring).size(), 1);
        QVERIFY(!r->of(WatchNotice::Kind::CertificateExpiring).constFirst().critical);
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Warning);
        r->agent(0).setStatus(status); // again, the same date: nothing new
        status.certificateExpiresMs = r->wall + 5 * Day;
        r->agent(0).setStatus(status);
        QTRY_COMPARE(r->of(WatchNotice::Kind::CertificateExpiring).size(), 2);
        const WatchNotice urgent = r->of(WatchNotice::Kind::CertificateExpiring).constLast();
        QVERIFY(urgent.critical);
        QCOMPARE(urgent.node, QStringLiteral("node1"));
        QVERIFY(urgent.body.contains(QStringLiteral("batonctl pki issue-agent")));
    }

    void forgeryTold()
    {
        auto r = rig();
        QVERIFY(r);
        r->agent(1).pushEvent(
            ev::ForgerySuspected{1, QStringLiteral("192.0.2.66"), QStringLiteral("replayed-counter"), 3});
        QTRY_COMPARE(r->of(WatchNotice::Kind::Forgery).size(), 1);
        QVERIFY(r->of(WatchNotice::Kind::Forgery).constFirst().critical);
        QVERIFY(r->of(WatchNotice::Kind::Forgery).constFirst().body.contains(QStringLiteral("192.0.2.66")));
        QCOMPARE(r->watch->health(), ClusterWatch::Health::Alarm);
    }

    void consoleCertificateExpiringIsAWarning()
    {
        FakePki pki;
        QVERIFY2(pki.console(QStringLiteral("short"), ConsoleAccess::Operator, 10), qPrintable(pki.error()));
        ClusterDefinition d = definition(1, 2);
        d.pkiDir = pki.directory();
        ClusterWatch watch(QStringLiteral("web"), d);
        watch.start();
        QVERIFY2(watch.identityError().isEmpty(), qPrintable(watch.identityError()));
        QCOMPARE(watch.health(), ClusterWatch::Health::Warning);
        QVERIFY2(watch.alarms().join(u'\n').contains(QStringLiteral("This console's certificate expires on")),
                 qPrintable(watch.alarms().join(u'\n')));
    }

    void noCertificateNoContact()
    {
        ClusterDefinition d = definition(1, 2);
        d.pkiDir.clear();
        ClusterWatch watch(QStringLiteral("web"), d);
        watch.start();
        QVERIFY(!watch.connection(0));
        QCOMPARE(watch.health(), ClusterWatch::Health::Warning);
        QVERIFY(watch.alarms().constFirst().contains(QStringLiteral("no PKI folder")));
    }
};

QTEST_GUILESS_MAIN(TestClusterWatch)
#include "TestClusterWatch.moc"
