// SPDX-License-Identifier: GPL-3.0-or-later
// ProbeAnalysis: outage windows, loss and failover time from echo samples in send order.
#include "probe/ProbeAnalysis.h"

#include <QTest>

using namespace baton;

namespace baton {
char* toString(const OutageWindow& w)
{
    return QTest::toString(QStringLiteral("[%1, %2] %3 ms, %4 lost%5")
                               .arg(w.startMs)
                               .arg(w.endMs)
                               .arg(w.durationMs())
                               .arg(w.lostCount)
                               .arg(w.ongoing ? QStringLiteral(", ongoing") : QString()));
}
char* toString(const std::optional<OutageWindow>& w)
{
    return w ? toString(*w) : qstrdup("none");
}
} // namespace baton

Q_DECLARE_METATYPE(baton::OutageWindow)
Q_DECLARE_METATYPE(std::optional<baton::OutageWindow>)

namespace {
constexpr qint64 T0 = 1'700'000'000'000; // wall clock ms
constexpr qint64 Interval = 100;         // 10 Hz

qint64 at(int index)
{
    return T0 + index * Interval;
}

// '.' answered, 'x' lost; sample i sent at at(i).
QList<ProbeSample> samples(const char* pattern)
{
    QList<ProbeSample> result;
    for (int i = 0; pattern[i] != '\0'; ++i) {
        ProbeSample s{static_cast<quint16>(i + 1), at(i), std::nullopt};
        if (pattern[i] == '.')
            s.rttMicros = 400 + i;
        result.append(s);
    }
    return result;
}

// An outage from sample `first` to sample `end` (the next answered one, or the last lost one).
OutageWindow window(int first, int end, int lost, bool ongoing = false)
{
    return OutageWindow{at(first), at(end), lost, ongoing};
}
} // namespace

class TestProbeAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outages_data();
    void outages();
    void irregularSpacing();
    void longestOutage_data();
    void longestOutage();
    void loss_data();
    void loss();
    void failoverTime_data();
    void failoverTime();
};

void TestProbeAnalysis::outages_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QList<OutageWindow>>("expected");
    QTest::newRow("empty") << QString() << QList<OutageWindow>{};
    QTest::newRow("all answered") << QStringLiteral(".....") << QList<OutageWindow>{};
    // The resolution: one lost echo at 10 Hz is an outage of one interval, 100 ms.
    QTest::newRow("one lost = 100 ms") << QStringLiteral("..x..") << QList<OutageWindow>{window(2, 3, 1)};
    QTest::newRow("three lost") << QStringLiteral("..xxx..") << QList<OutageWindow>{window(2, 5, 3)};
    QTest::newRow("two outages") << QStringLiteral(".x..xx.")
                                 << QList<OutageWindow>{window(1, 2, 1), window(4, 6, 2)};
    QTest::newRow("starts lost") << QStringLiteral("xx...") << QList<OutageWindow>{window(0, 2, 2)};
    // No answer after it yet: the end is the last lost echo, the duration a lower bound.
    QTest::newRow("ongoing") << QStringLiteral("..xxx") << QList<OutageWindow>{window(2, 4, 3, true)};
    QTest::newRow("ongoing, one lost")
        << QStringLiteral("...x") << QList<OutageWindow>{window(3, 3, 1, true)};
    QTest::newRow("all lost") << QStringLiteral("xxxx") << QList<OutageWindow>{window(0, 3, 4, true)};
    QTest::newRow("alternating") << QStringLiteral("x.x.x.")
                                 << QList<OutageWindow>{window(0, 1, 1), window(2, 3, 1), window(4, 5, 1)};
}

void TestProbeAnalysis::outages()
{
    QFETCH(QString, pattern);
    QFETCH(QList<OutageWindow>, expected);
    const QList<OutageWindow> found = ProbeAnalysis::outages(samples(qPrintable(pattern)));
    QCOMPARE(found, expected);
    for (const OutageWindow& w : found) {
        if (!w.ongoing)
            QCOMPARE(w.durationMs(), w.lostCount * Interval);
    }
}

void TestProbeAnalysis::irregularSpacing()
{
    // Durations come from the send times, not from counting: a stalled sender shows as a longer
    // outage, not a shorter one.
    const QList<ProbeSample> list{{1, T0, 300}, {2, T0 + 100, {}}, {3, T0 + 350, {}}, {4, T0 + 420, 280}};
    const QList<OutageWindow> found = ProbeAnalysis::outages(list);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0], (OutageWindow{T0 + 100, T0 + 420, 2, false}));
    QCOMPARE(found[0].durationMs(), qint64{320});
}

void TestProbeAnalysis::longestOutage_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<std::optional<OutageWindow>>("expected");
    QTest::newRow("none") << QStringLiteral("....") << std::optional<OutageWindow>{};
    QTest::newRow("empty") << QString() << std::optional<OutageWindow>{};
    QTest::newRow("middle one") << QStringLiteral(".x..xxx..xx.") << std::optional{window(4, 7, 3)};
    QTest::newRow("first of equals") << QStringLiteral(".xx..xx.") << std::optional{window(1, 3, 2)};
    QTest::newRow("ongoing counts") << QStringLiteral(".x..xxxx") << std::optional{window(4, 7, 4, true)};
}

void TestProbeAnalysis::longestOutage()
{
    QFETCH(QString, pattern);
    QFETCH(std::optional<OutageWindow>, expected);
    QCOMPARE(ProbeAnalysis::longestOutage(samples(qPrintable(pattern))), expected);
}

void TestProbeAnalysis::loss_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("lost");
    QTest::addColumn<double>("ratio");
    // Pattern "..xx..x...": lost at 2, 3, 6.
    QTest::newRow("everything") << at(0) << at(9) << 10 << 3 << 0.3;
    QTest::newRow("only lost") << at(2) << at(3) << 2 << 2 << 1.0;
    QTest::newRow("edges inclusive") << at(3) << at(6) << 4 << 2 << 0.5;
    QTest::newRow("between sends") << at(2) + 50 << at(3) + 50 << 1 << 1 << 1.0;
    QTest::newRow("before all") << T0 - 1000 << T0 - 1 << 0 << 0 << 0.0;
    QTest::newRow("after all") << at(10) << at(20) << 0 << 0 << 0.0;
    QTest::newRow("reversed") << at(9) << at(0) << 0 << 0 << 0.0;
    QTest::newRow("answered only") << at(7) << at(9) << 3 << 0 << 0.0;
}

void TestProbeAnalysis::loss()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, total);
    QFETCH(int, lost);
    QFETCH(double, ratio);
    const LossCount count = ProbeAnalysis::loss(samples("..xx..x..."), from, to);
    QCOMPARE(count, (LossCount{total, lost}));
    QCOMPARE(count.ratio(), ratio);
}

void TestProbeAnalysis::failoverTime_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<std::optional<OutageWindow>>("expected");
    const QString drill = QStringLiteral(".x....xxx....xxxxx...");
    QTest::newRow("one outage inside") << drill << at(5) << at(10) << std::optional{window(6, 9, 3)};
    QTest::newRow("longest of two") << drill << at(5) << at(20) << std::optional{window(13, 18, 5)};
    // Whole outages, not clipped to the window.
    QTest::newRow("window inside the outage") << drill << at(7) << at(8) << std::optional{window(6, 9, 3)};
    QTest::newRow("window ends at its start") << drill << at(3) << at(6) << std::optional{window(6, 9, 3)};
    // An echo sent just before the command can be the first one lost to it.
    QTest::newRow("started just before") << drill << at(6) + 40 << at(12) << std::optional{window(6, 9, 3)};
    QTest::newRow("over when window opens") << drill << at(9) << at(12) << std::optional<OutageWindow>{};
    QTest::newRow("no outage") << drill << at(2) << at(5) << std::optional<OutageWindow>{};
    QTest::newRow("outage after window") << drill << at(2) << at(5) + 99 << std::optional<OutageWindow>{};
    QTest::newRow("never recovered") << QStringLiteral("...xxx") << at(4) << at(10)
                                     << std::optional{window(3, 5, 3, true)};
}

void TestProbeAnalysis::failoverTime()
{
    QFETCH(QString, pattern);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(std::optional<OutageWindow>, expected);
    QCOMPARE(ProbeAnalysis::failoverTime(samples(qPrintable(pattern)), from, to), expected);
}

QTEST_GUILESS_MAIN(TestProbeAnalysis)
#include "TestProbeAnalysis.moc"
