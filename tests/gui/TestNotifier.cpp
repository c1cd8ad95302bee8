// SPDX-License-Identifier: GPL-3.0-or-later
// Notifier against a recording sink: one notification per group, replaced not stacked, repeats
// counted, refinements rewritten without counting, a click opens the cluster, a dismissal starts over.
#include "RecordingSink.h"
#include "notify/Notifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {
constexpr qint64 T0 = 1'780'000'000'000; // 2026-05-28

WatchNotice notice(WatchNotice::Kind kind, qint64 timeMs, const QString& node = QString(),
                   const QString& cluster = QStringLiteral("web"))
{
    WatchNotice n;
    n.kind = kind;
    n.cluster = cluster;
    n.node = node;
    n.title = QStringLiteral("%1 in %2").arg(WatchNotice::kindKey(kind), cluster);
    n.body = QStringLiteral("body %1").arg(timeMs);
    n.timeMs = timeMs;
    n.critical = kind == WatchNotice::Kind::SplitBrain;
    return n;
}
} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatsReplaceAndCount()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        const WatchNotice first = notice(WatchNotice::Kind::Failover, T0);
        notifier.post(first);
        QCOMPARE(sink.shown.size(), 1);
        QCOMPARE(sink.shown.at(0).second.title, first.title);
        QCOMPARE(sink.shown.at(0).second.body, first.body); // one: no count
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 60'000));
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 120'000));
        QCOMPARE(sink.shown.size(), 3);
        QCOMPARE(sink.shown.at(2).first, sink.shown.at(0).first); // the same notification, replaced
        QCOMPARE(notifier.count(first.group(), WatchNotice::Kind::Failover), 3);
        const QString body = sink.shown.at(2).second.body;
        QVERIFY2(body.startsWith(QStringLiteral("body %1").arg(T0 + 120'000)), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("3× since")), qPrintable(body));
    }

    void refinementRewritesWithoutCounting()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        notifier.post(notice(WatchNotice::Kind::Failover, T0));
        WatchNotice refined = notice(WatchNotice::Kind::Failover, T0 + 3000);
        refined.body = QStringLiteral("node1 → node2, outage 2.4 s");
        refined.refinement = true;
        notifier.post(refined);
        QCOMPARE(sink.shown.size(), 2);
        QCOMPARE(sink.shown.at(1).second.body, refined.body);
        QCOMPARE(notifier.count(refined.group(), WatchNotice::Kind::Failover), 1);
    }

    void groupsAreKeptApart()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        notifier.post(notice(WatchNotice::Kind::AgentLost, T0, QStringLiteral("node1")));
        notifier.post(notice(WatchNotice::Kind::AgentLost, T0, QStringLiteral("node2")));
        notifier.post(
            notice(WatchNotice::Kind::AgentLost, T0, QStringLiteral("node1"), QStringLiteral("db")));
        notifier.post(notice(WatchNotice::Kind::Failover, T0));
        QCOMPARE(sink.shown.size(), 4);
        QSet<QString> keys;
        for (const auto& shown : sink.shown)
            keys.insert(shown.first);
        QCOMPARE(keys.size(), 4);
        // Lost and back are one notification: "back" replaces "lost" and is not a repeat of it.
        notifier.post(notice(WatchNotice::Kind::AgentBack, T0 + 5000, QStringLiteral("node1")));
        QCOMPARE(sink.shown.last().first, sink.shown.at(0).first);
        QVERIFY(!sink.shown.last().second.body.contains(QStringLiteral("since")));
    }

    void dismissedStartsAFreshCountExpiredDoesNot()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        const WatchNotice one = notice(WatchNotice::Kind::Failover, T0);
        notifier.post(one);
        Q_EMIT sink.closed(sink.shown.last().first, false); // expired: not seen
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 1000));
        QCOMPARE(notifier.count(one.group(), WatchNotice::Kind::Failover), 2);
        Q_EMIT sink.closed(sink.shown.last().first, true); // the administrator dismissed it
        QCOMPARE(notifier.count(one.group(), WatchNotice::Kind::Failover), 0);
        WatchNotice refined = notice(WatchNotice::Kind::Failover, T0 + 2000);
        refined.refinement = true;
        notifier.post(refined); // the outage of a failover already dismissed: not news
        QCOMPARE(sink.shown.size(), 2);
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 3000));
        QCOMPARE(sink.shown.size(), 3);
        QVERIFY(!sink.shown.last().second.body.contains(QStringLiteral("since")));
    }

    void longAgoIsNotARepeat()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        notifier.post(notice(WatchNotice::Kind::Failover, T0));
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + Notifier::GroupWindowMs + 1));
        QCOMPARE(notifier.count(notice(WatchNotice::Kind::Failover, T0).group(), WatchNotice::Kind::Failover),
                 1);
        QVERIFY(!sink.shown.last().second.body.contains(QStringLiteral("since")));
    }

    void clickOpensTheCluster()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        QSignalSpy open(&notifier, &Notifier::openRequested);
        notifier.post(
            notice(WatchNotice::Kind::SplitBrain, T0, QString(), QStringLiteral("db (from db.json)")));
        QVERIFY(sink.shown.last().second.critical);
        Q_EMIT sink.activated(QStringLiteral("unknown key"));
        QCOMPARE(open.size(), 0);
        Q_EMIT sink.activated(sink.shown.last().first);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("db (from db.json)"));
    }

    void quietAndDisabledCountButShowNothing()
    {
        RecordingSink sink;
        Notifier notifier(&sink);
        bool quiet = true;
        notifier.setQuiet([&quiet](const WatchNotice&) { return quiet; });
        notifier.post(notice(WatchNotice::Kind::Failover, T0));
        QCOMPARE(sink.shown.size(), 0);
        notifier.setEnabled(false);
        quiet = false;
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 1000));
        QCOMPARE(sink.shown.size(), 0);
        notifier.setEnabled(true);
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 2000));
        QCOMPARE(sink.shown.size(), 1);
        QVERIFY2(sink.shown.last().second.body.contains(QStringLiteral("3× since")),
                 qPrintable(sink.shown.last().second.body));
    }

    void withoutSinkNothingBreaks()
    {
        Notifier notifier(nullptr);
        notifier.post(notice(WatchNotice::Kind::Failover, T0));
        QCOMPARE(notifier.count(notice(WatchNotice::Kind::Failover, T0).group(), WatchNotice::Kind::Failover),
                 1);
        RecordingSink sink;
        notifier.setSink(&sink);
        notifier.post(notice(WatchNotice::Kind::Failover, T0 + 1000));
        QCOMPARE(sink.shown.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "TestNotifier.moc"
