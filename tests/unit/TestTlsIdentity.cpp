// SPDX-License-Identifier: GPL-3.0-or-later
// TlsIdentity: loading checks, and real mutual TLS 1.3 handshakes over loopback in one thread
// (signals and QTRY_*, never waitFor*). Success is an echo round trip, not encrypted(): under TLS 1.3
// a client the server rejects sees encrypted() first and only then the connection end.
#include "pki/CertificateAuthority.h"
#include "pki/ConsoleRole.h"
#include "pki/PkiDirectory.h"
#include "pki/TlsIdentity.h"

#include <QFile>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace baton;

namespace {

const QByteArray Ping = QByteArrayLiteral("ping\n");

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// One server, one client, one echo: records what each side saw.
class Handshake : public QObject
{
public:
    Handshake(const QSslConfiguration& serverConfiguration, const QSslConfiguration& clientConfiguration)
    {
        m_server.setSslConfiguration(serverConfiguration);
        // Emitted by QSslServer only once the handshake has succeeded.
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection())) {
                ++accepted;
                serverPeer = socket->peerCertificate();
                connect(socket, &QIODevice::readyRead, socket,
                        [socket] { socket->write(socket->readAll()); });
            }
        });
        connect(&m_server, &QSslServer::sslErrors, this, [this](QSslSocket*, const QList<QSslError>& errors) {
            for (const QSslError& e : errors)
                serverErrors << e.error();
        });
        connect(&m_server, &QSslServer::errorOccurred, this,
                [this](QSslSocket*, QAbstractSocket::SocketError) { serverFailed = true; });

        client.setSslConfiguration(clientConfiguration);
        connect(&client, &QSslSocket::encrypted, this, [this] {
            encrypted = true;
            client.write(Ping);
        });
        connect(&client, &QIODevice::readyRead, this, [this] { echo += client.readAll(); });
        connect(&client, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            for (const QSslError& e : errors)
                clientErrors << e.error();
        });
        connect(&client, &QAbstractSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError) { clientFailed = true; });
        connect(&client, &QAbstractSocket::disconnected, this, [this] { clientFailed = true; });
    }

    bool start(const QHostAddress& listenAddress, const QString& dialledHost)
    {
        if (!m_server.listen(listenAddress, 0))
            return false;
        client.connectToHostEncrypted(dialledHost, m_server.serverPort());
        return true;
    }
    bool echoed() const { return echo == Ping; }
    bool done() const { return echoed() || clientFailed; }

    QSslSocket client;
    bool encrypted = false;
    bool clientFailed = false;
    QByteArray echo;
    QList<QSslError::SslError> clientErrors;
    int accepted = 0;
    bool serverFailed = false;
    QSslCertificate serverPeer;
    QList<QSslError::SslError> serverErrors;

private:
    QSslServer m_server;
};

} // namespace

class TestTlsIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void loadsIdentity();
    void loadFilesRefuses_data();
    void loadFilesRefuses();
    void unreadableFileNamed();
    void loadConsoleChooses();
    void configurations();
    void clientUsage();

    void mutualTls_data();
    void mutualTls();
    void clientFromOtherCaRejected();
    void expiredClientRejected();
    void clientWithoutCertificateRejected();
    void tls12ClientRejected();
    void agentForOtherAddressRefusedByClient();
    void consoleCertificateAsServerRefused();
    void agentCertificateAsClientOfItsPartner();

private:
    QString path(const QString& relative) const { return m_tmp.filePath(relative); }
    TlsIdentity load(const QString& dir, const QString& kind, const QString& name) const;
    // Issued by our CA but never loadable through loadFiles (it refuses them): built directly.
    TlsIdentity issuedConsole(const Validity& validity) const;

    QTemporaryDir m_tmp;
    QString m_pki;
    QString m_other;
};

void TestTlsIdentity::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QCOMPARE(QSslSocket::activeBackend(), QStringLiteral("openssl"));
    QVERIFY(m_tmp.isValid());
    m_pki = path(QStringLiteral("pki"));
    m_other = path(QStringLiteral("other"));
    QString error;
    const auto refuse = PkiDirectory::IfExists::Refuse;
    QVERIFY2(PkiDirectory::init(m_pki, QStringLiteral("Our CA"), 30, &error), qPrintable(error));
    QVERIFY2(PkiDirectory::issueAgent(m_pki, QStringLiteral("node1"),
                                      {QStringLiteral("127.0.0.1"), QStringLiteral("::1")}, 10, refuse,
                                      &error),
             qPrintable(error));
    QVERIFY2(PkiDirectory::issueAgent(m_pki, QStringLiteral("elsewhere"), {QStringLiteral("192.0.2.99")}, 10,
                                      refuse, &error),
             qPrintable(error));
    QVERIFY2(PkiDirectory::issueConsole(m_pki, QStringLiteral("alice"), ConsoleAccess::Operator, 10, refuse,
                                        &error),
             qPrintable(error));
    QVERIFY2(
        PkiDirectory::issueConsole(m_pki, QStringLiteral("bob"), ConsoleAccess::ReadOnly, 10, refuse, &error),
        qPrintable(error));
    QVERIFY2(PkiDirectory::init(m_other, QStringLiteral("Their CA"), 30, &error), qPrintable(error));
    QVERIFY2(PkiDirectory::issueConsole(m_other, QStringLiteral("mallory"), ConsoleAccess::Operator, 10,
                                        refuse, &error),
             qPrintable(error));

    // Files for the refusals: an expired and a future console, garbage, an encrypted key.
    const auto ca = PkiDirectory::loadAuthority(m_pki, &error);
    QVERIFY2(ca, qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto expired = ca->issueConsole(QStringLiteral("expired"), ConsoleAccess::Operator,
                                          Validity{now.addSecs(-50 * 60), now.addSecs(-10 * 60)}, &error);
    QVERIFY2(expired, qPrintable(error));
    QVERIFY(writeFile(path(QStringLiteral("expired.crt")), expired->certificatePem));
    QVERIFY(writeFile(path(QStringLiteral("expired.key")), expired->keyPem));
    const auto future = ca->issueConsole(QStringLiteral("future"), ConsoleAccess::Operator,
                                         Validity{now.addSecs(3600), now.addDays(2)}, &error);
    QVERIFY2(future, qPrintable(error));
    QVERIFY(writeFile(path(QStringLiteral("future.crt")), future->certificatePem));
    QVERIFY(writeFile(path(QStringLiteral("future.key")), future->keyPem));
    QVERIFY(writeFile(path(QStringLiteral("garbage.crt")), "just some text\n"));
    const QSslKey key(expired->keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!key.isNull());
    const QByteArray encrypted = key.toPem(QByteArrayLiteral("secret"));
    QVERIFY(encrypted.contains("ENCRYPTED"));
    QVERIFY(writeFile(path(QStringLiteral("encrypted.key")), encrypted));
}

TlsIdentity TestTlsIdentity::load(const QString& dir, const QString& kind, const QString& name) const
{
    QString error;
    const auto identity = TlsIdentity::loadFiles(PkiDirectory::caCertificateFile(dir),
                                                 QString(dir + u'/' + kind + u'/' + name + u".crt"),
                                                 QString(dir + u'/' + kind + u'/' + name + u".key"), &error);
    if (!identity)
        qFatal("cannot load %s: %s", qPrintable(name), qPrintable(error));
    return *identity;
}

TlsIdentity TestTlsIdentity::issuedConsole(const Validity& validity) const
{
    QString error;
    const auto ca = PkiDirectory::loadAuthority(m_pki, &error);
    const auto issued =
        ca ? ca->issueConsole(QStringLiteral("late"), ConsoleAccess::Operator, validity, &error)
           : std::nullopt;
    if (!issued)
        qFatal("cannot issue: %s", qPrintable(error));
    return TlsIdentity{QSslCertificate(ca->certificatePem(), QSsl::Pem),
                       QSslCertificate(issued->certificatePem, QSsl::Pem),
                       QSslKey(issued->keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
}

void TestTlsIdentity::loadsIdentity()
{
    QString error;
    const auto identity =
        TlsIdentity::loadFiles(PkiDirectory::caCertificateFile(m_pki),
                               PkiDirectory::agentCertificateFile(m_pki, QStringLiteral("node1")),
                               PkiDirectory::agentKeyFile(m_pki, QStringLiteral("node1")), &error);
    QVERIFY2(identity, qPrintable(error));
    QCOMPARE(identity->ca.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Our CA")});
    QCOMPARE(identity->certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("node1")});
    QCOMPARE(identity->key.algorithm(), QSsl::Ec);
    QCOMPARE(identity->key.type(), QSsl::PrivateKey);
    QVERIFY(!identity->key.isNull());
}

void TestTlsIdentity::loadFilesRefuses_data()
{
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("certificateFile");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QStringList>("expected");

    const QString ca = PkiDirectory::caCertificateFile(m_pki);
    const QString aliceCrt = PkiDirectory::consoleCertificateFile(m_pki, QStringLiteral("alice"));
    const QString aliceKey = PkiDirectory::consoleKeyFile(m_pki, QStringLiteral("alice"));
    const QString nodeCrt = PkiDirectory::agentCertificateFile(m_pki, QStringLiteral("node1"));
    const QString missing = path(QStringLiteral("missing.crt"));
    const QString garbage = path(QStringLiteral("garbage.crt"));

    QTest::newRow("missing CA") << missing << aliceCrt << aliceKey
                                << QStringList{missing, QStringLiteral("no such file")};
    QTest::newRow("missing certificate")
        << ca << missing << aliceKey << QStringList{missing, QStringLiteral("no such file")};
    QTest::newRow("missing key") << ca << aliceCrt << missing
                                 << QStringList{missing, QStringLiteral("no such file")};
    QTest::newRow("directory") << ca << m_pki << aliceKey
                               << QStringList{m_pki, QStringLiteral("is a directory")};
    QTest::newRow("not PEM") << ca << garbage << aliceKey
                             << QStringList{garbage, QStringLiteral("not a PEM file")};
    QTest::newRow("key as certificate")
        << ca << aliceKey << aliceKey << QStringList{aliceKey, QStringLiteral("no PEM certificate")};
    QTest::newRow("certificate as key")
        << ca << aliceCrt << aliceCrt
        << QStringList{aliceCrt, QStringLiteral("no unencrypted PEM private key")};
    QTest::newRow("encrypted key") << ca << path(QStringLiteral("expired.crt"))
                                   << path(QStringLiteral("encrypted.key"))
                                   << QStringList{path(QStringLiteral("encrypted.key")),
                                                  QStringLiteral("no unencrypted PEM private key")};
    QTest::newRow("key mismatch") << ca << nodeCrt << aliceKey
                                  << QStringList{aliceKey, nodeCrt, QStringLiteral("does not belong")};
    QTest::newRow("other CA") << PkiDirectory::caCertificateFile(m_other) << aliceCrt << aliceKey
                              << QStringList{aliceCrt, QStringLiteral("CN=alice"),
                                             QStringLiteral("was not issued by the CA"),
                                             QStringLiteral("CN=Their CA")};
    QTest::newRow("leaf as CA") << nodeCrt << aliceCrt << aliceKey
                                << QStringList{nodeCrt, QStringLiteral("is not a CA certificate")};
    QTest::newRow("expired") << ca << path(QStringLiteral("expired.crt"))
                             << path(QStringLiteral("expired.key"))
                             << QStringList{path(QStringLiteral("expired.crt")),
                                            QStringLiteral("expired on")};
    QTest::newRow("not yet valid") << ca << path(QStringLiteral("future.crt"))
                                   << path(QStringLiteral("future.key"))
                                   << QStringList{path(QStringLiteral("future.crt")),
                                                  QStringLiteral("is not valid before")};
}

void TestTlsIdentity::loadFilesRefuses()
{
    QFETCH(QString, caFile);
    QFETCH(QString, certificateFile);
    QFETCH(QString, keyFile);
    QFETCH(QStringList, expected);
    QString error;
    QVERIFY(!TlsIdentity::loadFiles(caFile, certificateFile, keyFile, &error));
    for (const QString& part : expected)
        QVERIFY2(error.contains(part), qPrintable(QString(u"'" + part + u"' not in: " + error)));
}

void TestTlsIdentity::unreadableFileNamed()
{
    if (::geteuid() == 0)
        QSKIP("root reads every file");
    const QString keyFile = path(QStringLiteral("unreadable.key"));
    QVERIFY(QFile::copy(PkiDirectory::consoleKeyFile(m_pki, QStringLiteral("alice")), keyFile));
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::WriteOwner));
    QString error;
    QVERIFY(!TlsIdentity::loadFiles(PkiDirectory::caCertificateFile(m_pki),
                                    PkiDirectory::consoleCertificateFile(m_pki, QStringLiteral("alice")),
                                    keyFile, &error));
    QVERIFY2(error.contains(QString(u"cannot read '" + keyFile + u'\'')), qPrintable(error));
}

void TestTlsIdentity::loadConsoleChooses()
{
    QString error;
    QVERIFY(!TlsIdentity::loadConsole(m_pki, QString(), &error));
    QVERIFY2(error.contains(QLatin1StringView("several consoles")) &&
                 error.contains(QLatin1StringView("alice, bob")),
             qPrintable(error));

    const auto bob = TlsIdentity::loadConsole(m_pki, QStringLiteral("bob"), &error);
    QVERIFY2(bob, qPrintable(error));
    QCOMPARE(bob->certificate.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("bob")});
    QCOMPARE(ConsoleRole::of(bob->certificate), ConsoleAccess::ReadOnly);

    const auto only = TlsIdentity::loadConsole(m_other, QString(), &error);
    QVERIFY2(only, qPrintable(error));
    QCOMPARE(only->certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("mallory")});
    QCOMPARE(only->ca.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Their CA")});

    QVERIFY(!TlsIdentity::loadConsole(m_pki, QStringLiteral("carol"), &error));
    QVERIFY2(error.contains(PkiDirectory::consoleCertificateFile(m_pki, QStringLiteral("carol"))),
             qPrintable(error));
    QVERIFY(!TlsIdentity::loadConsole(m_pki, QStringLiteral("../ca"), &error));
    QVERIFY2(error.contains(QLatin1StringView("bad console name '../ca'")), qPrintable(error));
    QVERIFY(!TlsIdentity::loadConsole(path(QStringLiteral("nowhere")), QString(), &error));
    QVERIFY2(error.contains(QLatin1StringView("no console certificate")), qPrintable(error));
}

void TestTlsIdentity::configurations()
{
    const TlsIdentity agent = load(m_pki, QStringLiteral("agents"), QStringLiteral("node1"));
    const QSslConfiguration server = agent.serverConfiguration();
    const QSslConfiguration client =
        load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).clientConfiguration();
    for (const QSslConfiguration* c : {&server, &client}) {
        QCOMPARE(c->protocol(), QSsl::TlsV1_3);
        QCOMPARE(c->peerVerifyMode(), QSslSocket::VerifyPeer);
        QCOMPARE(c->caCertificates(), QList<QSslCertificate>{agent.ca}); // no system roots
        QVERIFY(!c->localCertificate().isNull());
        QVERIFY(!c->privateKey().isNull());
    }
    QCOMPARE(server.localCertificate(), agent.certificate);
    QVERIFY(server.missingCertificateIsFatal());
}

void TestTlsIdentity::clientUsage()
{
    // Agents dial their partner's peer link: their certificates must allow it; consoles' do too.
    QVERIFY(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).hasClientUsage());
    QVERIFY(load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).hasClientUsage());
    // An agent's certificate as issued before the peer link existed (serverAuth only) cannot.
    QFile old(QStringLiteral(BATON_TEST_DATA_DIR "/pki/agent-server-only.crt"));
    QVERIFY(old.open(QIODevice::ReadOnly));
    TlsIdentity serverOnly = load(m_pki, QStringLiteral("agents"), QStringLiteral("node1"));
    serverOnly.certificate = QSslCertificate(old.readAll(), QSsl::Pem);
    QVERIFY(!serverOnly.certificate.isNull());
    QVERIFY(!serverOnly.hasClientUsage());
    serverOnly.certificate = QSslCertificate();
    QVERIFY(!serverOnly.hasClientUsage());
}

void TestTlsIdentity::mutualTls_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("console");
    QTest::addColumn<ConsoleAccess>("access");
    QTest::newRow("ipv4 operator") << QStringLiteral("127.0.0.1") << QStringLiteral("alice")
                                   << ConsoleAccess::Operator;
    QTest::newRow("ipv4 read-only") << QStringLiteral("127.0.0.1") << QStringLiteral("bob")
                                    << ConsoleAccess::ReadOnly;
    QTest::newRow("ipv6 operator") << QStringLiteral("::1") << QStringLiteral("alice")
                                   << ConsoleAccess::Operator;
}

void TestTlsIdentity::mutualTls()
{
    QFETCH(QString, host);
    QFETCH(QString, console);
    QFETCH(ConsoleAccess, access);
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(),
                load(m_pki, QStringLiteral("consoles"), console).clientConfiguration());
    if (!h.start(QHostAddress(host), host))
        QSKIP("no loopback for this address family here");
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY2(h.echoed(), qPrintable(h.client.errorString()));
    QCOMPARE(h.client.sessionProtocol(), QSsl::TlsV1_3);
    QCOMPARE(h.client.peerCertificate().subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("node1")});
    QCOMPARE(h.accepted, 1);
    QCOMPARE(h.serverPeer.subjectInfo(QSslCertificate::CommonName), QStringList{console});
    QCOMPARE(ConsoleRole::of(h.serverPeer), access);
    QCOMPARE(h.clientErrors, QList<QSslError::SslError>{});
    QCOMPARE(h.serverErrors, QList<QSslError::SslError>{});
}

void TestTlsIdentity::clientFromOtherCaRejected()
{
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(), [&] {
        // Mallory trusts our CA (to get past her own check) but holds a certificate of theirs.
        TlsIdentity mallory = load(m_other, QStringLiteral("consoles"), QStringLiteral("mallory"));
        mallory.ca = load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).ca;
        return mallory.clientConfiguration();
    }());
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(!h.echoed());
    QCOMPARE(h.accepted, 0);
    QVERIFY(h.serverFailed);
    QVERIFY(h.serverErrors.contains(QSslError::UnableToGetLocalIssuerCertificate) ||
            h.serverErrors.contains(QSslError::UnableToVerifyFirstCertificate));
}

void TestTlsIdentity::expiredClientRejected()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(),
                issuedConsole(Validity{now.addSecs(-50 * 60), now.addSecs(-10 * 60)}).clientConfiguration());
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(!h.echoed());
    QCOMPARE(h.accepted, 0);
    QVERIFY(h.serverErrors.contains(QSslError::CertificateExpired));

    // The control: the same CA's console, valid now, gets through.
    Handshake fresh(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(),
                    issuedConsole(Validity::days(1)).clientConfiguration());
    QVERIFY(fresh.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(fresh.done(), 10000);
    QVERIFY(fresh.echoed());
}

void TestTlsIdentity::clientWithoutCertificateRejected()
{
    QSslConfiguration anonymous =
        load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).clientConfiguration();
    anonymous.setLocalCertificate(QSslCertificate());
    anonymous.setPrivateKey(QSslKey());
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(),
                anonymous);
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(!h.echoed());
    QCOMPARE(h.accepted, 0);
    QVERIFY(h.serverFailed);
}

void TestTlsIdentity::tls12ClientRejected()
{
    QSslConfiguration old =
        load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).clientConfiguration();
    old.setProtocol(QSsl::TlsV1_2);
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(), old);
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(!h.echoed());
    QVERIFY(!h.encrypted);
    QCOMPARE(h.accepted, 0);
}

void TestTlsIdentity::agentForOtherAddressRefusedByClient()
{
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("elsewhere")).serverConfiguration(),
                load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).clientConfiguration());
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(!h.echoed());
    QVERIFY(!h.encrypted);
    QCOMPARE(h.clientErrors, QList<QSslError::SslError>{QSslError::HostNameMismatch});
    QCOMPARE(h.accepted, 0);
}

void TestTlsIdentity::consoleCertificateAsServerRefused()
{
    // Bob's certificate says clientAuth only; Alice must not accept it from a server.
    Handshake h(load(m_pki, QStringLiteral("consoles"), QStringLiteral("bob")).serverConfiguration(),
                load(m_pki, QStringLiteral("consoles"), QStringLiteral("alice")).clientConfiguration());
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(!h.echoed());
    QVERIFY(!h.encrypted);
    QVERIFY(h.clientErrors.contains(QSslError::InvalidPurpose));
    QCOMPARE(h.accepted, 0);
}

void TestTlsIdentity::agentCertificateAsClientOfItsPartner()
{
    // An agent dials its partner's peer link with its own certificate (clientAuth as well). On the
    // control channel such a certificate is refused by the session, not by TLS (TestControlServer).
    Handshake h(load(m_pki, QStringLiteral("agents"), QStringLiteral("node1")).serverConfiguration(),
                load(m_pki, QStringLiteral("agents"), QStringLiteral("elsewhere")).clientConfiguration());
    QVERIFY(h.start(QHostAddress::LocalHost, QStringLiteral("127.0.0.1")));
    QTRY_VERIFY_WITH_TIMEOUT(h.done(), 10000);
    QVERIFY(h.echoed());
    QCOMPARE(h.accepted, 1);
}

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "TestTlsIdentity.moc"
