// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterFleet without a prober and without agents (no PKI folder: nothing is dialled): which
// watches it keeps, starts and drops, and where echoes and notices go.
#include "probe/ProbeSample.h"
#include "watch/ClusterFleet.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {
ClusterDefinition cluster(const QString& name, quint32 vip)
{
    ClusterDefinition d;
    d.name = name;
    d.vip = {vip, 24};
    d.vhid = 1;
    d.nodes[0] = {QStringLiteral("a"), 0xC000020B, QString(), 7001, QStringLiteral("eth0"), 0};
    d.nodes[1] = {QStringLiteral("b"), 0xC000020C, QString(), 7001, QStringLiteral("eth0"), 100};
    return d;
}

ProbeSample sample(quint16 sequence, bool answered)
{
    ProbeSample s;
    s.sequence = sequence;
    s.sentMs = 1000 + sequence * 500;
    if (answered)
        s.rttMicros = 300;
    return s;
}
} // namespace

class TestClusterFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void membersAreKeptReplacedAndDropped()
    {
        ClusterFleet fleet(nullptr, nullptr);
        QSignalSpy changed(&fleet, &ClusterFleet::membersChanged);
        const ClusterDefinition one = cluster(QStringLiteral("one"), 0xC000020A);
        const ClusterDefinition two = cluster(QStringLiteral("two"), 0xC0000214);
        fleet.setMembers({{QStringLiteral("one"), one}, {QStringLiteral("two"), two}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(fleet.watches().size(), 2);
        ClusterWatch* first = fleet.watch(QStringLiteral("one"));
        ClusterWatch* second = fleet.watch(QStringLiteral("two"));
        QVERIFY(first && second);
        QCOMPARE(first->label(), QStringLiteral("one"));
        QVERIFY(!first->identityError().isEmpty()); // started: it says why it cannot dial

        fleet.setMembers({{QStringLiteral("one"), one}, {QStringLiteral("two"), two}});
        QCOMPARE(changed.size(), 1); // nothing changed, nothing said
        QCOMPARE(fleet.watch(QStringLiteral("one")), first);

        ClusterDefinition edited = two;
        edited.vhid = 7;
        fleet.setMembers({{QStringLiteral("two"), edited}, {QStringLiteral("one"), one}});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(fleet.watch(QStringLiteral("one")), first); // untouched, kept with its state
        QVERIFY(fleet.watch(QStringLiteral("two")) != second);
        QCOMPARE(fleet.watch(QStringLiteral("two"))->cluster().vhid, 7);
        QCOMPARE(fleet.watches().constFirst()->label(), QStringLiteral("two")); // the order given

        fleet.setMembers({});
        QCOMPARE(changed.size(), 3);
        QVERIFY(fleet.watches().isEmpty());
        QVERIFY(!fleet.watch(QStringLiteral("one")));
    }

    void echoesGoToEveryWatchOfTheirVip()
    {
        ClusterFleet fleet(nullptr, nullptr);
        // Two names for one pair, and another pair.
        fleet.setMembers({{QStringLiteral("one"), cluster(QStringLiteral("one"), 0xC000020A)},
                          {QStringLiteral("alias"), cluster(QStringLiteral("alias"), 0xC000020A)},
                          {QStringLiteral("other"), cluster(QStringLiteral("other"), 0xC0000214)}});
        fleet.addSample(QHostAddress(QStringLiteral("192.0.2.10")), sample(1, true));
        QCOMPARE(fleet.watch(QStringLiteral("one"))->vip(), ClusterWatch::Vip::Answering);
        QCOMPARE(fleet.watch(QStringLiteral("alias"))->vip(), ClusterWatch::Vip::Answering);
        QCOMPARE(fleet.watch(QStringLiteral("other"))->vip(), ClusterWatch::Vip::Unknown);
        for (quint16 s = 2; s < 6; ++s)
            fleet.addSample(QHostAddress(QStringLiteral("192.0.2.20")), sample(s, false));
        QCOMPARE(fleet.watch(QStringLiteral("other"))->vip(), ClusterWatch::Vip::Silent);
        QCOMPARE(fleet.worst(), ClusterWatch::Health::Alarm);
        QCOMPARE(fleet.watch(QStringLiteral("one"))->health(),
                 ClusterWatch::Health::Warning); // no certificate
    }

    void watchChangesAreForwarded()
    {
        ClusterFleet fleet(nullptr, nullptr);
        fleet.setMembers({{QStringLiteral("one"), cluster(QStringLiteral("one"), 0xC000020A)}});
        QSignalSpy changed(&fleet, &ClusterFleet::watchChanged);
        fleet.addSample(QHostAddress(QStringLiteral("192.0.2.10")), sample(1, true));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().value<ClusterWatch*>(),
                 fleet.watch(QStringLiteral("one")));
        fleet.addSample(QHostAddress(QStringLiteral("192.0.2.10")), sample(2, true));
        QCOMPARE(changed.size(), 1); // the summary did not change
    }

    void worstOfNoneIsOk()
    {
        ClusterFleet fleet(nullptr, nullptr);
        QCOMPARE(fleet.worst(), ClusterWatch::Health::Ok);
    }
};

QTEST_GUILESS_MAIN(TestClusterFleet)
#include "TestClusterFleet.moc"
