// SPDX-License-Identifier: GPL-3.0-or-later
#include "carp/RejectLog.h"

#include <QTest>

using namespace baton;
using namespace std::chrono_literals;

class TestRejectLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wrongPasswordReportedOnceThenSummarised();
    void reasonsAndSourcesAreSeparate();
    void spoofedSourcesCannotFloodTheLog();
};

void TestRejectLog::wrongPasswordReportedOnceThenSummarised()
{
    RejectLog log(10min);
    const quint32 peer = 0xC000020C;
    const QString first = log.record(0us, CarpReject::BadHmac, peer, 1);
    QVERIFY2(first.contains(QStringLiteral("192.0.2.12 sends adverts for vhid 1 that fail authentication")),
             qPrintable(first));
    // One advert a second for ten minutes: silent, but counted.
    for (int s = 1; s < 600; ++s)
        QVERIFY(log.record(Micros{s * 1'000'000LL}, CarpReject::BadHmac, peer, 1).isEmpty());
    const QString summary = log.record(600s, CarpReject::BadHmac, peer, 1);
    QVERIFY2(summary.contains(QStringLiteral("599 more since the last report")), qPrintable(summary));
    QCOMPARE(log.count(CarpReject::BadHmac), quint64{601});
    QCOMPARE(log.total(), quint64{601});
}

void TestRejectLog::reasonsAndSourcesAreSeparate()
{
    RejectLog log(10min);
    QVERIFY(!log.record(0us, CarpReject::BadTtl, 1, 1).isEmpty());
    QVERIFY(!log.record(1us, CarpReject::BadTtl, 2, 1).isEmpty());
    QVERIFY(!log.record(2us, CarpReject::BadChecksum, 1, 1).isEmpty());
    QVERIFY(log.record(3us, CarpReject::BadTtl, 1, 1).isEmpty());
    QVERIFY(log.record(4us, CarpReject::BadTtl, 1, 1).contains(QStringLiteral("bad-ttl")) == false);
    QCOMPARE(log.count(CarpReject::BadTtl), quint64{4});
}

void TestRejectLog::spoofedSourcesCannotFloodTheLog()
{
    RejectLog log(10min);
    int lines = 0;
    for (quint32 source = 1; source <= 10'000; ++source)
        lines += log.record(Micros{source}, CarpReject::BadHmac, source, 1).isEmpty() ? 0 : 1;
    // One line per source up to the cap, then a single "many sources" line for the rest.
    QCOMPARE(lines, int(RejectLog::MaxEntries) + 1);
    QCOMPARE(log.count(CarpReject::BadHmac), quint64{10'000});
    const QString later = log.record(11min, CarpReject::BadHmac, 20'000, 1);
    QVERIFY2(later.contains(QStringLiteral("many sources")), qPrintable(later));
}

QTEST_GUILESS_MAIN(TestRejectLog)
#include "TestRejectLog.moc"
