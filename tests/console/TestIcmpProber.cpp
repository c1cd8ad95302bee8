// SPDX-License-Identifier: GPL-3.0-or-later
// IcmpProber against a real network, without root: the test re-runs itself under `unshare -rn`
// (its own user and network namespace, in which it is root) and gives each test function a fresh
// network namespace (unshare(CLONE_NEWNET)) holding:
//   127.0.0.1     answers (lo)
//   192.0.2.99    silent: a veth neighbour with a MAC nobody has, so echoes vanish
//   192.0.2.98    blackhole route: sending fails at once
//   192.0.2.97    answered 300 ms late by a responder in this test (packet socket on the veth peer)
//   192.0.2.96    answered 1500 ms late: after the 1 s timeout, so lost, the late reply ignored
// A fresh namespace starts with net.ipv4.ping_group_range "1 0" (nobody may open a ping socket;
// shown in here with unmapped IDs as 65534) and "1 0" cannot be written back: only mapped group IDs
// may be. Tests that want the ping socket write "0 0", our own group.
#include "carp/InternetChecksum.h"
#include "net/IcmpEcho.h"
#include "probe/IcmpProber.h"

#include <QFile>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sched.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace baton;

namespace {
const char* const InNamespace = "BATON_TEST_IN_USERNS";
const QHostAddress Loopback(QStringLiteral("127.0.0.1"));
const QHostAddress Silent(QStringLiteral("192.0.2.99"));
const QHostAddress Blackhole(QStringLiteral("192.0.2.98"));
const QHostAddress Slow(QStringLiteral("192.0.2.97"));
const QHostAddress Late(QStringLiteral("192.0.2.96"));
constexpr int SlowMs = 300;
constexpr int LateMs = 1500;
const QByteArray DesktopMac = QByteArray::fromHex("020000000064"); // v0, 192.0.2.100
const QByteArray PeerMac = QByteArray::fromHex("020000000001");    // v1, no address

QString runIp(const QStringList& arguments)
{
    QProcess ip;
    ip.setProcessChannelMode(QProcess::MergedChannels);
    ip.start(QStringLiteral("ip"), arguments);
    if (!ip.waitForFinished(10000) || ip.exitStatus() != QProcess::NormalExit || ip.exitCode() != 0)
        return QStringLiteral("ip %1: %2 %3")
            .arg(arguments.join(u' '), ip.errorString(), QString::fromLocal8Bit(ip.readAll()));
    return {};
}

bool writePingGroupRange(const QByteArray& range)
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/ping_group_range"));
    return file.open(QIODevice::WriteOnly) && file.write(range + '\n') == range.size() + 1;
}

// Answers echo requests to Slow and Late after their delay, from the far end of the veth pair.
class DelayedResponder : public QObject
{
public:
    QString open()
    {
        m_fd = ::socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_IP));
        if (m_fd < 0)
            return QStringLiteral("packet socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_ifindex = static_cast<int>(::if_nametoindex("v1"));
        sockaddr_ll bound{};
        bound.sll_family = AF_PACKET;
        bound.sll_protocol = htons(ETH_P_IP);
        bound.sll_ifindex = m_ifindex;
        if (m_ifindex == 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&bound), sizeof bound) < 0)
            return QStringLiteral("bind to v1: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &DelayedResponder::read);
        return {};
    }
    ~DelayedResponder() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int replies(const QHostAddress& from) const { return m_replies.value(from.toIPv4Address()); }

private:
    void read()
    {
        char buffer[2048];
        ssize_t n = 0;
        while ((n = ::recv(m_fd, buffer, sizeof buffer, 0)) > 0) {
            const QByteArray packet(buffer, n);
            quint32 source = 0;
            const auto echo = IcmpEcho::decodeIpv4(packet, &source);
            if (!echo || echo->type != IcmpEcho::EchoRequest)
                continue;
            const quint32 destination = qFromBigEndian<quint32>(packet.constData() + 16);
            const int delay = destination == Slow.toIPv4Address()   ? SlowMs
                              : destination == Late.toIPv4Address() ? LateMs
                                                                    : -1;
            if (delay < 0)
                continue;
            IcmpEcho reply = *echo;
            reply.type = IcmpEcho::EchoReply;
            const QByteArray icmp = reply.encode();
            QByteArray ip = QByteArray::fromHex("45000000000000004001000000000000"
                                                "00000000");
            qToBigEndian<quint16>(static_cast<quint16>(20 + icmp.size()), ip.data() + 2);
            qToBigEndian<quint32>(destination, ip.data() + 12);
            qToBigEndian<quint32>(source, ip.data() + 16);
            qToBigEndian<quint16>(InternetChecksum::compute(ip), ip.data() + 10);
            QTimer::singleShot(delay, this, [this, frame = QByteArray(ip + icmp), destination] {
                sockaddr_ll to{};
                to.sll_family = AF_PACKET;
                to.sll_protocol = htons(ETH_P_IP);
                to.sll_ifindex = m_ifindex;
                to.sll_halen = 6;
                std::memcpy(to.sll_addr, DesktopMac.constData(), 6);
                if (::sendto(m_fd, frame.constData(), static_cast<size_t>(frame.size()), 0,
                             reinterpret_cast<sockaddr*>(&to), sizeof to) > 0)
                    m_replies[destination] += 1;
            });
        }
    }

    int m_fd = -1;
    int m_ifindex = 0;
    QSocketNotifier* m_notifier = nullptr;
    QHash<quint32, int> m_replies;
};

struct Received
{
    ProbeSample sample;
    qint64 arrivedMs = 0;
};

class Recorder
{
public:
    explicit Recorder(IcmpProber* prober)
    {
        QObject::connect(
            prober, &IcmpProber::sampleReady, prober,
            [this](const QHostAddress& target, const ProbeSample& sample) {
                m_samples[target.toString()].append({sample, QDateTime::currentMSecsSinceEpoch()});
            });
    }
    QList<Received> of(const QHostAddress& target) const { return m_samples.value(target.toString()); }

private:
    QHash<QString, QList<Received>> m_samples;
};

QString describe(const QList<Received>& list)
{
    QStringList parts;
    for (const Received& r : list)
        parts.append(
            QStringLiteral("#%1@%2:%3")
                .arg(r.sample.sequence)
                .arg(r.sample.sentMs % 100000)
                .arg(r.sample.rttMicros ? QString::number(*r.sample.rttMicros) : QStringLiteral("lost")));
    return parts.join(u' ');
}
} // namespace

class TestIcmpProber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void datagramSocket();
    void fallbackWithoutPingGroup();
    void rawSocket();
    void deniedDatagramSocketAlone();
    void targetsChangeAtRuntime();

private:
    // Probes all five targets for a while and checks what each one must show.
    void probeAll(IcmpProber& prober);

    std::unique_ptr<DelayedResponder> m_responder;
};

void TestIcmpProber::initTestCase()
{
    QVERIFY2(qEnvironmentVariable(InNamespace) == QStringLiteral("1"),
             "main() did not re-run the test in a namespace");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty(), "iproute2's ip is needed");
}

void TestIcmpProber::init()
{
    m_responder.reset();
    QVERIFY2(::unshare(CLONE_NEWNET) == 0, std::strerror(errno));
    const QList<QStringList> setup{
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
        QStringLiteral(
            "link add v0 address 02:00:00:00:00:64 type veth peer name v1 address 02:00:00:00:00:01")
            .split(u' '),
        QStringLiteral("link set v0 up").split(u' '),
        QStringLiteral("link set v1 up").split(u' '),
        QStringLiteral("addr add 192.0.2.100/24 dev v0").split(u' '),
        QStringLiteral("neigh add 192.0.2.99 lladdr 02:00:00:00:00:99 dev v0 nud permanent").split(u' '),
        QStringLiteral("neigh add 192.0.2.97 lladdr 02:00:00:00:00:01 dev v0 nud permanent").split(u' '),
        QStringLiteral("neigh add 192.0.2.96 lladdr 02:00:00:00:00:01 dev v0 nud permanent").split(u' '),
        QStringLiteral("route add blackhole 192.0.2.98/32").split(u' '),
    };
    for (const QStringList& arguments : setup) {
        const QString error = runIp(arguments);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    m_responder = std::make_unique<DelayedResponder>();
    const QString error = m_responder->open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestIcmpProber::probeAll(IcmpProber& prober)
{
    Recorder recorder(&prober);
    prober.setTargets({Loopback, Silent, Blackhole, Slow, Late});
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(3800);
    prober.setTargets({});
    const QString method = prober.methodName();

    // About 10 Hz: samples sent in a 2 s window, with generous bounds (a test is no benchmark;
    // iputils ping's 100 ms is about 104 ms).
    const QList<Received> loopback = recorder.of(Loopback);
    int inWindow = 0;
    for (const Received& r : loopback)
        inWindow += (r.sample.sentMs >= start + 500 && r.sample.sentMs < start + 2500) ? 1 : 0;
    QVERIFY2(
        inWindow >= 10 && inWindow <= 30,
        qPrintable(QStringLiteral("%1: %2 in 2 s: %3").arg(method).arg(inWindow).arg(describe(loopback))));
    for (qsizetype i = 0; i < loopback.size(); ++i) {
        const ProbeSample& s = loopback[i].sample;
        QVERIFY2(s.answered() && *s.rttMicros >= 0 && *s.rttMicros < 500'000,
                 qPrintable(method + QStringLiteral(": ") + describe(loopback)));
        if (i > 0) // one sample per echo: no duplicates, none missing (on raw: not our own requests)
            QCOMPARE(s.sequence, quint16(loopback[i - 1].sample.sequence + 1));
    }

    const QList<Received> silent = recorder.of(Silent);
    QVERIFY2(silent.size() >= 15, qPrintable(method + QStringLiteral(": ") + describe(silent)));
    for (const Received& r : silent) {
        QVERIFY2(!r.sample.answered(), qPrintable(describe(silent)));
        // Reported when the timeout has ended, not before.
        const qint64 after = r.arrivedMs - r.sample.sentMs;
        QVERIFY2(after >= 900 && after < 2500,
                 qPrintable(QStringLiteral("%1: lost after %2 ms").arg(method).arg(after)));
    }

    const QList<Received> blackhole = recorder.of(Blackhole);
    QVERIFY2(blackhole.size() >= 15, qPrintable(method + QStringLiteral(": ") + describe(blackhole)));
    for (const Received& r : blackhole)
        QVERIFY2(!r.sample.answered(), qPrintable(describe(blackhole)));

    const QList<Received> slow = recorder.of(Slow);
    QVERIFY2(slow.size() >= 15, qPrintable(method + QStringLiteral(": ") + describe(slow)));
    for (const Received& r : slow) {
        QVERIFY2(r.sample.answered() && *r.sample.rttMicros >= SlowMs * 900 && *r.sample.rttMicros < 900'000,
                 qPrintable(method + QStringLiteral(": ") + describe(slow)));
    }

    // Every late echo is lost, once; its reply did come back, later, and changed nothing.
    const QList<Received> late = recorder.of(Late);
    QVERIFY2(late.size() >= 15, qPrintable(method + QStringLiteral(": ") + describe(late)));
    for (const Received& r : late)
        QVERIFY2(!r.sample.answered(), qPrintable(method + QStringLiteral(": ") + describe(late)));
    QVERIFY2(m_responder->replies(Late) >= 5, qPrintable(QString::number(m_responder->replies(Late))));

    const auto median = [](const QList<Received>& list) {
        QList<qint64> rtts;
        for (const Received& r : list)
            rtts.append(r.sample.rttMicros.value_or(-1));
        std::sort(rtts.begin(), rtts.end());
        return rtts.isEmpty() ? qint64{-1} : rtts[rtts.size() / 2];
    };
    qInfo(
        "%s: %d echoes to 127.0.0.1 sent in 2 s, median RTT %lld us; %lld ms responder: median RTT %lld us; "
        "lost: silent %lld, blackhole %lld, late %lld (late replies sent back: %d)",
        qPrintable(method), inWindow, median(loopback), qint64{SlowMs}, median(slow), silent.size(),
        blackhole.size(), late.size(), m_responder->replies(Late));

    // setTargets({}) stops everything, also the echoes still in flight.
    const qsizetype total = loopback.size() + silent.size() + blackhole.size() + slow.size() + late.size();
    QTest::qWait(1500);
    QCOMPARE(recorder.of(Loopback).size() + recorder.of(Silent).size() + recorder.of(Blackhole).size() +
                 recorder.of(Slow).size() + recorder.of(Late).size(),
             total);
}

void TestIcmpProber::datagramSocket()
{
    QVERIFY2(writePingGroupRange("0 0"), std::strerror(errno));
    IcmpProber prober;
    QCOMPARE(prober.method(), IcmpProber::Method::DatagramSocket);
    QVERIFY(prober.rejections().isEmpty());
    QCOMPARE(prober.intervalMs(), 100);
    QVERIFY2(prober.methodExplanation().contains(QStringLiteral("unprivileged ICMP socket")),
             qPrintable(prober.methodExplanation()));
    probeAll(prober);
}

void TestIcmpProber::fallbackWithoutPingGroup()
{
    // Range "1 0": the ping socket is refused (EACCES); next comes the system's ping if there is
    // one (Debian 12's has cap_net_raw, here we are root in our namespace anyway), else raw.
    const bool havePing = !QStandardPaths::findExecutable(QStringLiteral("ping")).isEmpty();
    IcmpProber prober;
    QCOMPARE(prober.method(), havePing ? IcmpProber::Method::PingProcess : IcmpProber::Method::RawSocket);
    QCOMPARE(prober.rejections().size(), 1);
    QVERIFY2(prober.rejections()[0].contains(QStringLiteral("Permission denied")),
             qPrintable(prober.rejections()[0]));
    QVERIFY2(prober.methodExplanation().contains(QStringLiteral("net.ipv4.ping_group_range")),
             qPrintable(prober.methodExplanation()));
    probeAll(prober);
}

void TestIcmpProber::rawSocket()
{
    // Root in our own user namespace has CAP_NET_RAW for the namespace's network.
    IcmpProber prober({IcmpProber::Method::RawSocket});
    QCOMPARE(prober.method(), IcmpProber::Method::RawSocket);
    QVERIFY2(prober.methodExplanation().contains(QStringLiteral("CAP_NET_RAW")),
             qPrintable(prober.methodExplanation()));
    probeAll(prober);
}

void TestIcmpProber::deniedDatagramSocketAlone()
{
    IcmpProber prober({IcmpProber::Method::DatagramSocket});
    QCOMPARE(prober.method(), IcmpProber::Method::None);
    QCOMPARE(prober.methodName(), QStringLiteral("none"));
    QVERIFY2(prober.rejections().value(0).contains(QStringLiteral("Permission denied")),
             qPrintable(prober.rejections().join(u'\n')));
    QList<ProbeSample> samples;
    connect(&prober, &IcmpProber::sampleReady, this,
            [&](const QHostAddress&, const ProbeSample& s) { samples.append(s); });
    prober.setTargets({Loopback});
    QTest::qWait(500);
    QVERIFY(samples.isEmpty());
}

void TestIcmpProber::targetsChangeAtRuntime()
{
    QVERIFY2(writePingGroupRange("0 0"), std::strerror(errno));
    IcmpProber prober;
    QCOMPARE(prober.method(), IcmpProber::Method::DatagramSocket);
    Recorder recorder(&prober);
    const QHostAddress loopback2(QStringLiteral("127.0.0.2")); // lo answers for all of 127/8
    prober.addTarget(Loopback);
    prober.addTarget(Silent);
    prober.addTarget(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))); // the same, mapped
    prober.addTarget(QHostAddress(QStringLiteral("2001:db8::1")));      // IPv6: not probed
    QCOMPARE(prober.targets(), (QList<QHostAddress>{Loopback, Silent}));
    QTest::qWait(600);
    prober.addTarget(loopback2);
    // Silent's echoes are all still in flight: removing it forgets them.
    prober.removeTarget(Silent);
    QTest::qWait(600);
    prober.removeTarget(Loopback);
    const qint64 removed = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(1500);
    QVERIFY(recorder.of(Silent).isEmpty());
    const QList<Received> first = recorder.of(Loopback);
    QVERIFY2(first.size() >= 6, qPrintable(describe(first)));
    QVERIFY(first.last().arrivedMs <= removed);
    const QList<Received> second = recorder.of(loopback2);
    QVERIFY2(second.size() >= 15, qPrintable(describe(second)));
    for (const Received& r : second)
        QVERIFY(r.sample.answered());
    QCOMPARE(prober.targets(), QList<QHostAddress>{loopback2});
    // Back again, its sequence numbers go on from where they stopped.
    prober.addTarget(Loopback);
    QTRY_VERIFY(recorder.of(Loopback).size() > first.size());
    const quint16 resumed = recorder.of(Loopback)[first.size()].sample.sequence;
    QVERIFY2(resumed > first.last().sample.sequence && resumed <= first.last().sample.sequence + 2,
             qPrintable(describe(recorder.of(Loopback))));
}

namespace {
// Runs this test again in its own user and network namespace, where it is root without being root.
int rerunInNamespace(char** argv)
{
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty()) {
        std::fprintf(stderr,
                     "FAIL!  : TestIcmpProber: 'unshare' (util-linux) is missing. This test pings in its "
                     "own user and network namespace (unshare -rn) and cannot run without it.\n");
        return 1;
    }
    const QByteArray unsharePath = unshare.toLocal8Bit();
    // Try it first, to fail with a reason rather than with unshare's bare error.
    const char* const probe[] = {"unshare", "-rn", "true", nullptr};
    pid_t pid = 0;
    int status = 0;
    if (::posix_spawn(&pid, unsharePath.constData(), nullptr, nullptr, const_cast<char* const*>(probe),
                      environ) != 0 ||
        ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(
            stderr, "FAIL!  : TestIcmpProber: 'unshare -rn true' failed: this machine does not let "
                    "unprivileged users create user namespaces (see sysctl kernel.unprivileged_userns_clone, "
                    "user.max_user_namespaces, and AppArmor's restrict_unprivileged_userns).\n");
        return 1;
    }
    char self[4096] = {};
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) {
        std::perror("FAIL!  : TestIcmpProber: readlink /proc/self/exe");
        return 1;
    }
    QList<char*> arguments{const_cast<char*>("unshare"), const_cast<char*>("-rn"), self};
    for (char** a = argv + 1; *a != nullptr; ++a)
        arguments.append(*a);
    arguments.append(nullptr);
    ::setenv(InNamespace, "1", 1);
    ::execv(unsharePath.constData(), arguments.data());
    std::perror("FAIL!  : TestIcmpProber: exec unshare");
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    if (qgetenv(InNamespace) != "1")
        return rerunInNamespace(argv);
    QCoreApplication app(argc, argv);
    TestIcmpProber test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestIcmpProber.moc"
