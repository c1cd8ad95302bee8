// SPDX-License-Identifier: GPL-3.0-or-later
// batond as a process, without privilege: the command line, --check's verdicts, and the systemd
// protocol (READY, STATUS, WATCHDOG, STOPPING) over a NOTIFY_SOCKET this test owns. The interface
// does not exist, so the agent waits for it in BACKUP and needs no raw socket.
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

const QString Batond = QStringLiteral(BATOND_PATH);

// A unix datagram socket standing in for systemd's notification socket.
class NotifySocket
{
public:
    explicit NotifySocket(const QString& path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray p = path.toLocal8Bit();
        std::memcpy(address.sun_path, p.constData(), static_cast<size_t>(p.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~NotifySocket() { ::close(m_fd); }
    bool bound() const { return m_bound; }
    // Messages received until one contains `needle` or the time runs out; all of them joined.
    QByteArray waitFor(const QByteArray& needle, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))) <= 0)
                continue;
            char buffer[4096];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0)
                m_seen += QByteArray(buffer, n) + '\n';
            if (m_seen.contains(needle))
                return m_seen;
        }
        return m_seen;
    }

private:
    int m_fd = -1;
    bool m_bound = false;
    QByteArray m_seen;
};

struct Group
{
    QByteArray interface = "btnone0";
    QByteArray source = "192.0.2.11";
    QByteArray vip = "192.0.2.10/24";
    QByteArray password = "some_password";
    QByteArray advskew = "1";
    QByteArray extra;
};

QString writeConfig(const QTemporaryDir& dir, const Group& g = {})
{
    const QString path = dir.filePath(QStringLiteral("batond.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("[vhid 1]\ninterface = " + g.interface + "\nsource = " + g.source + "\nvip = " + g.vip +
               "\npassword = " + g.password + "\nadvbase = 1\nadvskew = " + g.advskew + "\n" + g.extra);
    return path;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run batond(const QStringList& arguments)
{
    QProcess p;
    p.start(Batond, arguments);
    Run r;
    if (!p.waitForFinished(10000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

Q_DECLARE_METATYPE(Group)

class TestBatondProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version();
    void checkAcceptsAndSummarises();
    void badInput_data();
    void badInput();
    void daemonRefusesToHalfStart();
    void systemdProtocolAndGracefulExit();
};

void TestBatondProcess::version()
{
    const Run r = batond({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("batond "));
}

void TestBatondProcess::checkAcceptsAndSummarises()
{
    QTemporaryDir dir;
    // --offline: the file alone (its interface need not exist on this machine).
    const Run r = batond({QStringLiteral("--check"), QStringLiteral("--offline"), QStringLiteral("--config"),
                          writeConfig(dir)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("vhid 1 on btnone0 from 192.0.2.11: VIP 192.0.2.10/24"), r.out.constData());
    QVERIFY2(r.out.contains("advert every 1.004 s, master down after 3.004 s"), r.out.constData());
}

void TestBatondProcess::badInput_data()
{
    QTest::addColumn<Group>("group");
    QTest::addColumn<QString>("expected"); // after "FILE:LINE: "
    Group g;
    g.advskew = "300";
    QTest::newRow("malformed value") << g << QStringLiteral("7: key 'advskew': expected an integer 0-254");
    g = {};
    g.password = "twenty_bytes_secret!";
    QTest::newRow("password over 19 bytes") << g << QStringLiteral("5: key 'password'");
    g = {};
    QTest::newRow("unknown interface")
        << g << QStringLiteral("1: key 'interface': this host has no interface named 'btnone0'");
    // The loopback interface exists everywhere, with 127.0.0.1/8.
    g = {"lo", "127.0.0.1", "192.0.2.10/24", "some_password", "1", {}};
    QTest::newRow("VIP outside the interface's subnet")
        << g << QStringLiteral("1: key 'vip': 192.0.2.10/24 is outside every subnet of lo (127.0.0.1/8");
    g = {"lo", "127.0.0.2", "127.0.0.10/8", "some_password", "1", {}};
    QTest::newRow("source not on the interface")
        << g << QStringLiteral("1: key 'source': 127.0.0.2 is not an address of lo");
    g = {"lo", "127.0.0.1", "127.0.0.10/8", "some_password", "1", {}};
    g.extra = "up-hook = /nonexistent/vip-up\n";
    QTest::newRow("missing hook") << g
                                  << QStringLiteral("1: key 'up-hook': /nonexistent/vip-up does not exist");
}

void TestBatondProcess::badInput()
{
    QFETCH(Group, group);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString config = writeConfig(dir, group);
    const Run r = batond({QStringLiteral("--check"), QStringLiteral("--config"), config});
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(config + u':' + expected), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("configuration rejected")), qPrintable(err));
}

void TestBatondProcess::daemonRefusesToHalfStart()
{
    // Started for real with a host problem: an error and exit 1, never READY, nothing running.
    QTemporaryDir dir;
    NotifySocket notify(dir.filePath(QStringLiteral("notify")));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NOTIFY_SOCKET"), dir.filePath(QStringLiteral("notify")));
    p.setProcessEnvironment(env);
    p.start(Batond, {QStringLiteral("--config"), writeConfig(dir)});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("this host has no interface named 'btnone0'"), err.constData());
    QVERIFY(!notify.waitFor("READY=1", 200).contains("READY=1"));
}

void TestBatondProcess::systemdProtocolAndGracefulExit()
{
    // A private user and network namespace with its own veth: a real start, without root.
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        QFAIL("unshare (util-linux) is missing");
    QTemporaryDir dir;
    NotifySocket notify(dir.filePath(QStringLiteral("notify")));
    QVERIFY(notify.bound());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NOTIFY_SOCKET"), dir.filePath(QStringLiteral("notify")));
    env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000"));
    env.remove(QStringLiteral("WATCHDOG_PID"));
    p.setProcessEnvironment(env);
    Group g;
    g.interface = "eth0";
    const QString script =
        QStringLiteral("ip link add eth0 type veth peer name peer0 && ip link set peer0 up && "
                       "ip link set eth0 up && ip addr add 192.0.2.11/24 dev eth0 && "
                       "exec \"$0\" --config \"$1\"");
    p.start(QStringLiteral("unshare"), {QStringLiteral("-rn"), QStringLiteral("sh"), QStringLiteral("-c"),
                                        script, Batond, writeConfig(dir, g)});
    QVERIFY(p.waitForStarted(10000));
    QByteArray seen = notify.waitFor("READY=1", 10000);
    QVERIFY2(seen.contains("READY=1"), QByteArray(seen + p.readAllStandardError()).constData());
    QVERIFY2(seen.contains("STATUS=vhid 1 BACKUP"), seen.constData());
    seen = notify.waitFor("WATCHDOG=1", 2000); // pinged at half of 400 ms
    QVERIFY2(seen.contains("WATCHDOG=1"), seen.constData());
    // Alone on its wire, it becomes MASTER after master-down plus the cold-start claim.
    seen = notify.waitFor("STATUS=vhid 1 MASTER", 6000);
    QVERIFY2(seen.contains("STATUS=vhid 1 MASTER"), QByteArray(seen + p.readAllStandardError()).constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    seen = notify.waitFor("STOPPING=1", 5000);
    QVERIFY2(seen.contains("STOPPING=1"), seen.constData());
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QByteArray log = p.readAllStandardError();
    QVERIFY2(log.contains("BACKUP -> MASTER (master-down)"), log.constData());
    QVERIFY2(log.contains("MASTER -> INIT (shutdown)"), log.constData());
}

QTEST_GUILESS_MAIN(TestBatondProcess)
#include "TestBatondProcess.moc"
