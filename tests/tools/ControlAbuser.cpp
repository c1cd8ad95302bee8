// SPDX-License-Identifier: GPL-3.0-or-later
// control_abuser HOST PORT PKI-DIR: every way we know to misuse the control channel, one case
// after another, while a legitimate console stays connected. One line per case:
//   case NAME: ok|FAIL what happened
// then "legit: heartbeats N max-gap MS fresh-connects N/M". Exit 1 if any case failed.
// A test tool: it may spin local event loops, which the programs themselves never do.
#include "control/ControlFrame.h"
#include "control/ControlMessage.h"
#include "control/ControlProtocol.h"
#include "pki/CertificateAuthority.h"
#include "pki/PkiDirectory.h"
#include "pki/TlsIdentity.h"

#include <QCborArray>
#include <QCborValue>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <cstdio>
#include <functional>
#include <memory>

using namespace baton;

namespace {
QString g_host;
quint16 g_port = 0;
QString g_pki;
int g_failures = 0;

bool spin(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

void report(const char* name, bool ok, const QString& what)
{
    std::printf("case %s: %s %s\n", name, ok ? "ok" : "FAIL", qPrintable(what));
    std::fflush(stdout);
    if (!ok)
        ++g_failures;
}

// A raw client: it speaks frames itself, so it can also speak them wrong.
struct Client
{
    std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
    ControlFrame decoder{ControlFrame::MaxAgentPayload};
    QList<QCborMap> received;
    bool closed = false;
    int heartbeats = 0;
    qint64 maxGapMs = 0;
    QElapsedTimer lastBeat;

    explicit Client(const std::optional<TlsIdentity>& identity, bool withCertificate = true)
    {
        if (identity) {
            QSslConfiguration c = identity->clientConfiguration();
            if (!withCertificate) {
                c.setLocalCertificate(QSslCertificate());
                c.setPrivateKey(QSslKey());
            }
            socket->setSslConfiguration(c);
        }
        QObject::connect(socket.get(), &QSslSocket::disconnected, [this] { closed = true; });
        QObject::connect(socket.get(), &QSslSocket::errorOccurred, [this] { closed = true; });
        QObject::connect(socket.get(), &QSslSocket::readyRead, [this] {
            decoder.feed(socket->readAll());
            while (std::optional<QCborMap> m = decoder.next()) {
                if (ControlMessage::typeOf(*m) == control::type::Heartbeat) {
                    if (lastBeat.isValid())
                        maxGapMs = std::max(maxGapMs, lastBeat.elapsed());
                    lastBeat.start();
                    ++heartbeats;
                    continue;
                }
                received << *m;
            }
        });
    }
    void connectTls() { socket->connectToHostEncrypted(g_host, g_port); }
    void connectPlain() { socket->connectToHost(g_host, g_port); }
    // TLS, then the agent's hello (a refused certificate never gets that far).
    bool greet()
    {
        connectTls();
        return spin([this] { return closed || find(control::type::Hello); }, 8000) && !closed;
    }
    // greet() and our hello, up to the first status.
    bool hello()
    {
        if (!greet())
            return false;
        sendHello();
        return spin([this] { return closed || find(control::type::Status); }, 8000) && !closed;
    }
    void sendHello()
    {
        socket->write(ControlFrame::encode(ControlMessage::clientHello(QStringLiteral("abuser"))));
    }
    const QCborMap* find(QLatin1StringView type, qint64 id = 0) const
    {
        for (const QCborMap& m : received)
            if (ControlMessage::typeOf(m) == type && (id == 0 || m.value(control::key::Id).toInteger() == id))
                return &m;
        return nullptr;
    }
    QString errorCode() const
    {
        const QCborMap* e = find(control::type::Error);
        return e ? e->value(control::key::Error).toString() : QString();
    }
};

std::optional<TlsIdentity> identityFrom(const IssuedCertificate& issued, const QByteArray& caPem)
{
    TlsIdentity id;
    id.ca = QSslCertificate(caPem, QSsl::Pem);
    id.certificate = QSslCertificate(issued.certificatePem, QSsl::Pem);
    id.key = QSslKey(issued.keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    return id;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QCborMap request(qint64 id, const char* verb, const QCborMap& args = {})
{
    QCborMap m;
    m[control::key::Type] = QString(control::type::Request);
    m[control::key::Id] = id;
    m[control::key::Verb] = QString::fromLatin1(verb);
    m[control::key::Args] = args;
    return m;
}

// Sends one request on a fresh operator (or given) connection; returns the reply's error code
// ("" for ok, "none" for no reply).
QString ask(const std::optional<TlsIdentity>& id, const QCborMap& message)
{
    Client c(id);
    if (!c.hello())
        return QStringLiteral("no-session");
    c.socket->write(ControlFrame::encode(message));
    const qint64 want = message.value(control::key::Id).toInteger();
    spin([&] { return c.closed || c.find(control::type::Reply, want); }, 5000);
    const QCborMap* r = c.find(control::type::Reply, want);
    if (!r)
        return QStringLiteral("none");
    return r->value(control::key::Ok).toBool() ? QString() : r->value(control::key::Error).toString();
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: control_abuser HOST PORT PKI-DIR\n");
        return 2;
    }
    g_host = QString::fromLocal8Bit(argv[1]);
    g_port = static_cast<quint16>(QString::fromLocal8Bit(argv[2]).toUInt());
    g_pki = QString::fromLocal8Bit(argv[3]);
    QString error;
    const std::optional<TlsIdentity> admin = TlsIdentity::loadConsole(g_pki, QStringLiteral("admin"), &error);
    const std::optional<TlsIdentity> viewer =
        TlsIdentity::loadConsole(g_pki, QStringLiteral("viewer"), &error);
    const QByteArray caPem = readFile(PkiDirectory::caCertificateFile(g_pki));
    const std::optional<CertificateAuthority> ca =
        CertificateAuthority::load(caPem, readFile(PkiDirectory::caKeyFile(g_pki)), &error);
    if (!admin || !viewer || !ca) {
        std::fprintf(stderr, "control_abuser: %s\n", qPrintable(error));
        return 2;
    }

    // The legitimate console, connected throughout.
    Client legit(admin);
    if (!legit.hello()) {
        std::fprintf(stderr, "control_abuser: the legitimate console cannot connect\n");
        return 1;
    }
    int freshOk = 0;
    int freshTried = 0;
    const auto freshConsoleWorks = [&] {
        ++freshTried;
        if (ask(admin, request(1, "status")).isEmpty())
            ++freshOk;
    };

    {
        Client c(std::nullopt);
        c.connectPlain();
        spin([&] { return c.socket->state() == QAbstractSocket::ConnectedState || c.closed; }, 3000);
        c.socket->write("GET / HTTP/1.0\r\n\r\n");
        const bool closed = spin([&] { return c.closed; }, 8000);
        report("plain-tcp", closed,
               closed ? QStringLiteral("closed") : QStringLiteral("still open after 8 s"));
    }
    freshConsoleWorks();
    {
        Client c(admin, false);
        const bool got = c.greet();
        report("tls-without-client-certificate", !got && c.closed,
               got ? QStringLiteral("got a session") : QStringLiteral("closed before any hello"));
    }
    {
        const std::optional<CertificateAuthority> other =
            CertificateAuthority::create(QStringLiteral("other-ca"), Validity::days(30), &error);
        const auto issued =
            other->issueConsole(QStringLiteral("admin"), ConsoleAccess::Operator, Validity::days(30), &error);
        std::optional<TlsIdentity> id = identityFrom(*issued, caPem); // trusts the right CA, wrong issuer
        Client c(id);
        const bool got = c.greet();
        report("certificate-from-another-ca", !got && c.closed,
               got ? QStringLiteral("got a session") : QStringLiteral("closed before any hello"));
    }
    {
        // Within the CA's own validity (it starts an hour before it was made), but already over.
        Validity past{QDateTime::currentDateTimeUtc().addSecs(-50 * 60),
                      QDateTime::currentDateTimeUtc().addSecs(-60)};
        const auto issued = ca->issueConsole(QStringLiteral("admin"), ConsoleAccess::Operator, past, &error);
        if (!issued) {
            report("expired-certificate", false, QStringLiteral("cannot issue: ") + error);
        } else {
            Client c(identityFrom(*issued, caPem));
            const bool got = c.greet();
            report("expired-certificate", !got && c.closed,
                   got ? QStringLiteral("got a session") : QStringLiteral("closed before any hello"));
        }
    }
    freshConsoleWorks();
    {
        QCborMap args;
        args[QLatin1StringView("interface")] = QStringLiteral("eth0");
        args[QLatin1StringView("restore_after_s")] = 5;
        const QString code = ask(viewer, request(7, "link-down", args));
        report("read-only-link-down", code == u"not-permitted", QStringLiteral("reply %1").arg(code));
    }
    {
        Client c(admin);
        c.hello();
        QByteArray junk(4096, '\0');
        for (char& b : junk)
            b = static_cast<char>(QRandomGenerator::global()->bounded(256));
        junk[0] = '\x00'; // a plausible small length, then nonsense
        junk[1] = '\x00';
        junk[2] = '\x01';
        junk[3] = '\x00';
        c.socket->write(junk);
        const bool closed = spin([&] { return c.closed; }, 5000);
        report("garbage-bytes", closed && c.errorCode() == u"bad-frame",
               QStringLiteral("error %1, %2").arg(c.errorCode(), closed ? u"closed" : u"open"));
    }
    {
        Client c(admin);
        c.hello();
        QByteArray header(4, '\0');
        qToBigEndian<quint32>(0x7fffffffu, header.data());
        c.socket->write(header);
        const bool closed = spin([&] { return c.closed; }, 5000);
        report("oversized-length-prefix", closed && c.errorCode() == u"bad-frame",
               QStringLiteral("error %1, %2").arg(c.errorCode(), closed ? u"closed" : u"open"));
    }
    {
        Client c(admin);
        c.hello();
        const QByteArray frame = ControlFrame::encode(request(3, "status"));
        c.socket->write(frame.left(frame.size() / 2)); // and then nothing more
        QElapsedTimer t;
        t.start();
        const bool closed = spin([&] { return c.closed; }, 15000);
        report("frame-cut-off-and-held", closed && c.errorCode() == u"timeout",
               QStringLiteral("error %1 after %2 ms").arg(c.errorCode()).arg(t.elapsed()));
    }
    freshConsoleWorks();
    {
        // Without credentials: they take handshake slots only, the oldest evicted first, so a
        // console still gets in while they are there.
        std::vector<std::unique_ptr<Client>> flood;
        for (int i = 0; i < 200; ++i) {
            flood.push_back(std::make_unique<Client>(admin, false));
            flood.back()->connectTls();
        }
        spin([] { return false; }, 300);
        freshConsoleWorks();
        const bool consoleGotIn = freshOk == freshTried;
        spin([&] { return std::all_of(flood.begin(), flood.end(), [](const auto& c) { return c->closed; }); },
             15000);
        const auto open = std::count_if(flood.begin(), flood.end(), [](const auto& c) { return !c->closed; });
        report("200-connections-at-once", open == 0 && consoleGotIn,
               QStringLiteral("%1 of 200 still open after 15 s; a console connected during the flood: %2")
                   .arg(open)
                   .arg(consoleGotIn ? u"yes" : u"no"));
    }
    {
        // With valid certificates: at most 32 sessions, the rest refused with a code.
        std::vector<std::unique_ptr<Client>> flood;
        for (int i = 0; i < 200; ++i) {
            flood.push_back(std::make_unique<Client>(admin));
            flood.back()->connectTls();
        }
        spin(
            [&] {
                return std::all_of(flood.begin(), flood.end(),
                                   [](const auto& c) { return c->closed || c->find(control::type::Hello); });
            },
            30000);
        for (auto& c : flood)
            if (!c->closed)
                c->sendHello();
        spin([] { return false; }, 1500);
        int sessions = 0;
        int refused = 0;
        for (const auto& c : flood) {
            if (c->find(control::type::Status) && !c->closed)
                ++sessions;
            else if (c->errorCode() == u"too-many-connections" || c->closed)
                ++refused;
        }
        report("200-authenticated-connections", sessions < 32 && sessions + refused == 200,
               QStringLiteral("%1 sessions (+1 legitimate), %2 refused with too-many-connections or closed")
                   .arg(sessions)
                   .arg(refused));
        flood.clear();
        spin([] { return false; }, 500);
    }
    freshConsoleWorks();
    {
        const QString code = ask(admin, request(9, "reboot"));
        report("unknown-verb", code == u"unknown-verb", QStringLiteral("reply %1").arg(code));
    }
    {
        QCborMap args;
        args[QLatin1StringView("interface")] = QStringLiteral("eth0");
        args[QLatin1StringView("restore_after_s")] = 0;
        const QString low = ask(admin, request(10, "link-down", args));
        args[QLatin1StringView("restore_after_s")] = 901;
        const QString high = ask(admin, request(11, "link-down", args));
        args.remove(QLatin1StringView("restore_after_s"));
        const QString missing = ask(admin, request(12, "link-down", args));
        args[QLatin1StringView("restore_after_s")] = QStringLiteral("5");
        const QString text = ask(admin, request(13, "link-down", args));
        report("link-down-restore-out-of-range",
               low == u"out-of-range" && high == u"out-of-range" && missing == u"bad-argument" &&
                   text == u"bad-argument",
               QStringLiteral("0: %1, 901: %2, missing: %3, \"5\": %4").arg(low, high, missing, text));
    }
    {
        QCborMap args;
        args[QLatin1StringView("interface")] = QStringLiteral("lo");
        args[QLatin1StringView("restore_after_s")] = 5;
        const QString code = ask(admin, request(14, "link-down", args));
        report("link-down-unmanaged-interface", code == u"unknown-interface",
               QStringLiteral("reply %1").arg(code));
    }
    {
        Client c(admin);
        c.greet();
        c.socket->write(ControlFrame::encode(request(1, "status"))); // before the hello
        spin([&] { return c.closed; }, 5000);
        const QString first = c.errorCode();
        Client v(admin);
        v.greet();
        QCborMap hello = ControlMessage::clientHello(QStringLiteral("abuser"));
        hello[control::key::Version] = 99;
        v.socket->write(ControlFrame::encode(hello));
        spin([&] { return v.closed; }, 5000);
        report("protocol-order-and-version",
               first == u"hello-required" && v.errorCode() == u"unsupported-version",
               QStringLiteral("request first: %1, version 99: %2").arg(first, v.errorCode()));
    }
    {
        Client c(admin);
        c.hello();
        for (qint64 i = 1; i <= 300; ++i)
            c.socket->write(ControlFrame::encode(request(i, "status")));
        spin([&] { return c.closed || c.find(control::type::Reply, 300); }, 5000);
        int limited = 0;
        for (const QCborMap& m : c.received)
            if (m.value(control::key::Error).toString() == u"rate-limited")
                ++limited;
        report("request-flood", limited > 0, QStringLiteral("%1 of 300 rate-limited").arg(limited));
    }
    {
        // Viewers fill every read-only slot and ask for the whole advert history as fast as they
        // are allowed: an operator still gets in, and the adverts (measured by the test) stay on time.
        std::vector<std::unique_ptr<Client>> viewers;
        for (int i = 0; i < 8; ++i) {
            const auto issued = ca->issueConsole(QStringLiteral("viewer-%1").arg(i), ConsoleAccess::ReadOnly,
                                                 Validity::days(1), &error);
            for (int j = 0; issued && j < 4; ++j) {
                viewers.push_back(std::make_unique<Client>(identityFrom(*issued, caPem)));
                viewers.back()->connectTls();
            }
        }
        spin(
            [&] {
                return std::all_of(viewers.begin(), viewers.end(),
                                   [](const auto& c) { return c->closed || c->find(control::type::Hello); });
            },
            20000);
        for (auto& c : viewers)
            if (!c->closed)
                c->sendHello();
        spin([] { return false; }, 1000);
        const auto inside = std::count_if(viewers.begin(), viewers.end(), [](const auto& c) {
            return !c->closed && c->find(control::type::Status);
        });
        freshConsoleWorks();
        const bool operatorGotIn = freshOk == freshTried;
        QCborMap args;
        args[QLatin1StringView("seconds")] = control::AdvertsMaxSeconds;
        for (qint64 id = 1; id <= 10; ++id)
            for (auto& c : viewers)
                if (!c->closed)
                    c->socket->write(ControlFrame::encode(request(id, "adverts", args)));
        spin(
            [&] {
                return std::all_of(viewers.begin(), viewers.end(), [](const auto& c) {
                    return c->closed || c->find(control::type::Reply, 10);
                });
            },
            60000);
        qsizetype replies = 0;
        qsizetype limited = 0;
        qsizetype records = 0;
        for (const auto& c : viewers)
            for (const QCborMap& m : c->received) {
                if (ControlMessage::typeOf(m) != control::type::Reply)
                    continue;
                if (m.value(control::key::Ok).toBool()) {
                    ++replies;
                    records = std::max(
                        records,
                        m.value(control::key::Data).toMap().value(control::key::Adverts).toArray().size());
                } else if (m.value(control::key::Error).toString() == u"rate-limited") {
                    ++limited;
                }
            }
        report("read-only-sessions-and-adverts-flood",
               inside == 24 && operatorGotIn && replies >= 24 && replies + limited == 240,
               QStringLiteral(
                   "%1 of 32 read-only sessions admitted, an operator got in: %2; %3 adverts replies of "
                   "up to %4 records, %5 rate-limited")
                   .arg(inside)
                   .arg(operatorGotIn ? u"yes" : u"no")
                   .arg(replies)
                   .arg(records)
                   .arg(limited));
    }
    freshConsoleWorks();

    spin([] { return false; }, 1200);
    const bool legitAlive = !legit.closed && legit.heartbeats > 0;
    std::printf("legit: heartbeats %d max-gap %lld fresh-connects %d/%d %s\n", legit.heartbeats,
                legit.maxGapMs, freshOk, freshTried, legitAlive ? "connected" : "LOST");
    if (!legitAlive || freshOk != freshTried)
        ++g_failures;
    return g_failures == 0 ? 0 : 1;
}
