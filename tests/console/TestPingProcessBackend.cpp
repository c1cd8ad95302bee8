// SPDX-License-Identifier: GPL-3.0-or-later
// PingProcessBackend: the parser on ping's own words (iputils 20221126 as on Debian 12), then the
// backend driven by stand-in ping scripts that say what a real ping says in the cases that matter:
// late replies, a ping that ends, one that may not open a socket, one that refuses 10 Hz.
#include "probe/IcmpProber.h"
#include "probe/PingProcessBackend.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using Line = PingProcessBackend::Line;
using Kind = PingProcessBackend::Line::Kind;

Q_DECLARE_METATYPE(PingProcessBackend::Line)
Q_DECLARE_METATYPE(std::optional<PingProcessBackend::Line>)

namespace {
const QHostAddress Target(QStringLiteral("192.0.2.10"));

Line reply(quint16 sequence, std::optional<qint64> rtt, std::optional<qint64> stamp = {}, bool dup = false)
{
    Line line;
    line.kind = Kind::Reply;
    line.sequence = sequence;
    line.rttMicros = rtt;
    line.timestampMicros = stamp;
    line.duplicate = dup;
    return line;
}

Line other(Kind kind, quint16 sequence = 0, int minimum = 0, std::optional<qint64> stamp = {})
{
    Line line;
    line.kind = kind;
    line.sequence = sequence;
    line.minimumIntervalMs = minimum;
    line.timestampMicros = stamp;
    return line;
}

// A stand-in for ping: a shell script that gets ping's arguments.
QString writeScript(const QTemporaryDir& dir, const QByteArray& body)
{
    const QString path = dir.filePath(QStringLiteral("ping"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n# fake ping\nfor a; do addr=$a; done\n" + body);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

struct Collected
{
    QList<ProbeSample> samples;
    QList<qint64> arrivalMs;
};

void collect(ProbeBackend* backend, Collected* into)
{
    QObject::connect(backend, &ProbeBackend::sampleReady, backend,
                     [into](const QHostAddress& target, const ProbeSample& sample) {
                         if (target == Target) {
                             into->samples.append(sample);
                             into->arrivalMs.append(QDateTime::currentMSecsSinceEpoch());
                         }
                     });
}
} // namespace

class TestPingProcessBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseLine_data();
    void parseLine();
    void arguments();
    void lateRepliesAndTimeouts();
    void endedPingIsRestartedAndLossesReported();
    void socketRefusedMakesItUnusable();
    void proberFallsBackWhenPingIsRefused();
    void missingPing();
    void slowerIntervalWhenPingRefusesTenHertz();
};

void TestPingProcessBackend::parseLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<std::optional<Line>>("expected");
    const std::optional<Line> none;
    QTest::newRow("reply -D") << QByteArray("[1795547047.609186] 64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 "
                                            "time=0.032 ms")
                              << std::optional(reply(1, 32, 1795547047609186));
    QTest::newRow("reply 10 ms") << QByteArray("64 bytes from 192.0.2.10: icmp_seq=65535 ttl=64 time=12.3 ms")
                                 << std::optional(reply(65535, 12300));
    QTest::newRow("reply 1 ms") << QByteArray("64 bytes from 192.0.2.10: icmp_seq=2 ttl=64 time=1.05 ms")
                                << std::optional(reply(2, 1050));
    QTest::newRow("reply 100+ ms") << QByteArray("64 bytes from 192.0.2.10: icmp_seq=7 ttl=63 time=1234 ms")
                                   << std::optional(reply(7, 1'234'000));
    QTest::newRow("duplicate") << QByteArray(
                                      "64 bytes from 192.0.2.10: icmp_seq=7 ttl=64 time=0.045 ms (DUP!)")
                               << std::optional(reply(7, 45, {}, true));
    QTest::newRow("untimed") << QByteArray("[1795547373.557088] 12 bytes from 127.0.0.1: icmp_seq=1 ttl=64")
                             << std::optional(reply(1, {}, 1795547373557088));
    QTest::newRow("trailing CR") << QByteArray("64 bytes from 10.0.0.1: icmp_seq=3 ttl=64 time=0.1 ms\r")
                                 << std::optional(reply(3, 100));
    QTest::newRow("no answer -D") << QByteArray("[1795547064.067538] no answer yet for icmp_seq=1")
                                  << std::optional(other(Kind::NoAnswer, 1, 0, 1795547064067538));
    QTest::newRow("no answer after wrap")
        << QByteArray("no answer yet for icmp_seq=0") << std::optional(other(Kind::NoAnswer, 0));
    QTest::newRow("flood 2ms") << QByteArray("ping: cannot flood; minimal interval allowed for user is 2ms")
                               << std::optional(other(Kind::MinimumInterval, 0, 2));
    QTest::newRow("flood 200ms") << QByteArray(
                                        "ping: cannot flood; minimal interval allowed for user is 200ms")
                                 << std::optional(other(Kind::MinimumInterval, 0, 200));
    QTest::newRow("socket refused") << QByteArray("ping: socket: Operation not permitted")
                                    << std::optional(other(Kind::SocketRefused));
    QTest::newRow("socket refused, own path") << QByteArray("/tmp/pingnocap: socket: Permission denied")
                                              << std::optional(other(Kind::SocketRefused));
    QTest::newRow("banner") << QByteArray("PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.") << none;
    QTest::newRow("statistics") << QByteArray("--- 127.0.0.1 ping statistics ---") << none;
    QTest::newRow("summary") << QByteArray("2 packets transmitted, 2 received, 0% packet loss, time 103ms")
                             << none;
    QTest::newRow("rtt summary") << QByteArray("rtt min/avg/max/mdev = 0.043/0.059/0.118/0.029 ms") << none;
    QTest::newRow("unreachable") << QByteArray("From 192.0.2.1 icmp_seq=3 Destination Host Unreachable")
                                 << none;
    QTest::newRow("no route") << QByteArray("ping: connect: Network is unreachable") << none;
    QTest::newRow("capability hint") << QByteArray("ping: => missing cap_net_raw+p capability or setuid?")
                                     << none;
    QTest::newRow("empty") << QByteArray() << none;
    QTest::newRow("sequence too big")
        << QByteArray("64 bytes from 192.0.2.10: icmp_seq=65536 ttl=64 time=1 ms") << none;
    QTest::newRow("no sequence") << QByteArray("64 bytes from 192.0.2.10: icmp_seq= ttl=64 time=1 ms")
                                 << none;
    QTest::newRow("bad time") << QByteArray("64 bytes from 192.0.2.10: icmp_seq=1 ttl=64 time=abc ms")
                              << none;
    QTest::newRow("time without unit")
        << QByteArray("64 bytes from 192.0.2.10: icmp_seq=1 ttl=64 time=0.1") << none;
    QTest::newRow("flood without unit") << QByteArray("minimal interval allowed for user is 200") << none;
    QTest::newRow("bad stamp kept as text") << QByteArray("[12x] no answer yet for icmp_seq=1") << none;
}

void TestPingProcessBackend::parseLine()
{
    QFETCH(QByteArray, text);
    QFETCH(std::optional<Line>, expected);
    const std::optional<Line> parsed = PingProcessBackend::parseLine(text);
    QCOMPARE(parsed.has_value(), expected.has_value());
    if (!expected)
        return;
    QCOMPARE(int(parsed->kind), int(expected->kind));
    QCOMPARE(parsed->sequence, expected->sequence);
    QCOMPARE(parsed->rttMicros, expected->rttMicros);
    QCOMPARE(parsed->timestampMicros, expected->timestampMicros);
    QCOMPARE(parsed->minimumIntervalMs, expected->minimumIntervalMs);
    QCOMPARE(parsed->duplicate, expected->duplicate);
}

void TestPingProcessBackend::arguments()
{
    QCOMPARE(PingProcessBackend::arguments(Target, 100).join(u' '),
             QStringLiteral("-D -n -O -i 0.100 -W 1 192.0.2.10"));
    QCOMPARE(PingProcessBackend::arguments(Target, 200).join(u' '),
             QStringLiteral("-D -n -O -i 0.200 -W 1 192.0.2.10"));
}

void TestPingProcessBackend::lateRepliesAndTimeouts()
{
    QTemporaryDir dir;
    // With -D stamps, as the backend asks for: the order of send times follows from the sleeps.
    const QString ping = writeScript(dir, R"sh(
say() { echo "[$(date +%s.%6N)] $*"; }
echo "PING $addr ($addr) 56(84) bytes of data."
say "64 bytes from $addr: icmp_seq=1 ttl=64 time=0.050 ms"
sleep 0.1
say "no answer yet for icmp_seq=2"
sleep 0.1
say "64 bytes from $addr: icmp_seq=3 ttl=64 time=0.060 ms"
say "64 bytes from $addr: icmp_seq=2 ttl=64 time=150 ms"
sleep 0.2
say "no answer yet for icmp_seq=4"
sleep 1.5
say "64 bytes from $addr: icmp_seq=4 ttl=64 time=1600 ms"
say "64 bytes from $addr: icmp_seq=3 ttl=64 time=0.070 ms (DUP!)"
exec sleep 60
)sh");
    PingProcessBackend backend(nullptr, ping);
    Collected got;
    collect(&backend, &got);
    QCOMPARE(backend.open(), QString());
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    backend.setTargets({Target});
    QTRY_COMPARE_WITH_TIMEOUT(got.samples.size(), 4, 5000);
    QTest::qWait(1800); // the late reply and the duplicate come and must change nothing
    QCOMPARE(got.samples.size(), 4);
    QCOMPARE(got.samples[0].sequence, quint16{1});
    QCOMPARE(got.samples[0].rttMicros, std::optional<qint64>(50));
    QCOMPARE(got.samples[1].sequence, quint16{3});
    QCOMPARE(got.samples[1].rttMicros, std::optional<qint64>(60));
    QCOMPARE(got.samples[2].sequence, quint16{2});
    QCOMPARE(got.samples[2].rttMicros, std::optional<qint64>(150'000)); // slow, within the timeout
    QCOMPARE(got.samples[3].sequence, quint16{4});
    QVERIFY(!got.samples[3].answered());
    // Lost one timeout after it was sent (ping said "no answer yet" about 0.4 s after the start).
    const qint64 lostAfter = got.arrivalMs[3] - start;
    QVERIFY2(lostAfter >= 1000 && lostAfter < 3000, qPrintable(QString::number(lostAfter)));
    // Send times follow the sequence, whatever order the results came in.
    QVERIFY(got.samples[0].sentMs <= got.samples[2].sentMs);
    QVERIFY(got.samples[2].sentMs <= got.samples[1].sentMs);
    QVERIFY(got.samples[1].sentMs <= got.samples[3].sentMs);
}

void TestPingProcessBackend::endedPingIsRestartedAndLossesReported()
{
    QTemporaryDir dir;
    const QString ping = writeScript(dir, QByteArray(R"sh(
runs=$(cat "$0.runs" 2>/dev/null || echo 0); echo $((runs + 1)) > "$0.runs"
echo "64 bytes from $addr: icmp_seq=1 ttl=64 time=0.050 ms"
echo "64 bytes from $addr: icmp_seq=2 ttl=64 time=0.050 ms"
if [ "$runs" = 0 ]; then echo "ping: sendmsg: Network is unreachable"; exit 1; fi
exec sleep 60
)sh"));
    PingProcessBackend backend(nullptr, ping);
    Collected got;
    collect(&backend, &got);
    QCOMPARE(backend.open(), QString());
    backend.setTargets({Target});
    // 2 answered, about 1 s of losses at 10 Hz while no ping runs, then 2 answered again.
    const auto restarted = [&] {
        const qsizetype n = got.samples.size();
        return n >= 6 && got.samples[n - 1].answered() && got.samples[n - 2].answered();
    };
    QTRY_VERIFY_WITH_TIMEOUT(restarted(), 5000);
    int lost = 0;
    for (qsizetype i = 0; i < got.samples.size(); ++i) {
        QCOMPARE(got.samples[i].sequence, quint16(i + 1)); // ours run on across the restart
        lost += got.samples[i].answered() ? 0 : 1;
    }
    QVERIFY(got.samples[0].answered() && got.samples[1].answered());
    QVERIFY2(lost >= 5 && lost <= 13, qPrintable(QString::number(lost)));
    QFile runs(ping + QStringLiteral(".runs"));
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll().trimmed(), QByteArray("2"));
}

void TestPingProcessBackend::socketRefusedMakesItUnusable()
{
    QTemporaryDir dir;
    const QString ping = writeScript(dir, R"sh(
echo x >> "$0.runs"
echo "ping: socket: Operation not permitted" >&2
echo "ping: => missing cap_net_raw+p capability or setuid?" >&2
exit 2
)sh");
    PingProcessBackend backend(nullptr, ping);
    Collected got;
    collect(&backend, &got);
    QSignalSpy unusable(&backend, &ProbeBackend::unusable);
    QCOMPARE(backend.open(), QString());
    backend.setTargets({Target, QHostAddress(QStringLiteral("192.0.2.11"))});
    QTRY_COMPARE_WITH_TIMEOUT(unusable.size(), 1, 5000);
    QCOMPARE(unusable[0][0].toString(), QStringLiteral("ping: socket: Operation not permitted"));
    QTest::qWait(1500); // no restart, no made-up losses
    QCOMPARE(unusable.size(), 1);
    QVERIFY(got.samples.isEmpty());
    QFile runs(ping + QStringLiteral(".runs"));
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QVERIFY(runs.readAll().count('x') <= 2); // once per target at most
}

void TestPingProcessBackend::proberFallsBackWhenPingIsRefused()
{
    QTemporaryDir dir;
    const QString ping = writeScript(dir, R"sh(
echo "ping: socket: Operation not permitted" >&2
exit 2
)sh");
    IcmpProber prober({IcmpProber::Method::PingProcess}, nullptr, ping);
    QCOMPARE(prober.method(), IcmpProber::Method::PingProcess);
    QSignalSpy changed(&prober, &IcmpProber::methodChanged);
    prober.setTargets({Target});
    QTRY_COMPARE_WITH_TIMEOUT(prober.method(), IcmpProber::Method::None, 5000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(prober.rejections().size(), 1);
    QVERIFY2(prober.rejections()[0].contains(QStringLiteral("Operation not permitted")),
             qPrintable(prober.rejections()[0]));
    QVERIFY2(prober.methodExplanation().contains(QStringLiteral("ping_group_range")),
             qPrintable(prober.methodExplanation()));
}

void TestPingProcessBackend::missingPing()
{
    IcmpProber prober({IcmpProber::Method::PingProcess}, nullptr, QStringLiteral("/nonexistent/ping"));
    QCOMPARE(prober.method(), IcmpProber::Method::None);
    QCOMPARE(prober.methodName(), QStringLiteral("none"));
    QVERIFY2(prober.methodExplanation().contains(QStringLiteral("iputils-ping")),
             qPrintable(prober.methodExplanation()));
}

void TestPingProcessBackend::slowerIntervalWhenPingRefusesTenHertz()
{
    QTemporaryDir dir;
    // As iputils before 2021 answers an unprivileged -i 0.1.
    const QString ping = writeScript(dir, R"sh(
case " $* " in
*" -i 0.100 "*) echo "ping: cannot flood; minimal interval allowed for user is 200ms" >&2; exit 2;;
esac
seq=1
while true; do
  echo "64 bytes from $addr: icmp_seq=$seq ttl=64 time=0.050 ms"; seq=$((seq + 1)); sleep 0.2
done
)sh");
    IcmpProber prober({IcmpProber::Method::PingProcess}, nullptr, ping);
    QSignalSpy changed(&prober, &IcmpProber::methodChanged);
    QList<ProbeSample> samples;
    connect(&prober, &IcmpProber::sampleReady, this,
            [&](const QHostAddress&, const ProbeSample& s) { samples.append(s); });
    prober.setTargets({Target});
    QTRY_COMPARE_WITH_TIMEOUT(prober.intervalMs(), 200, 5000);
    QVERIFY(changed.size() >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 3, 5000);
    for (const ProbeSample& s : std::as_const(samples))
        QVERIFY(s.answered());
    QCOMPARE(prober.method(), IcmpProber::Method::PingProcess);
    QVERIFY2(prober.methodExplanation().contains(QStringLiteral("one echo every 200 ms")),
             qPrintable(prober.methodExplanation()));
}

QTEST_GUILESS_MAIN(TestPingProcessBackend)
#include "TestPingProcessBackend.moc"
