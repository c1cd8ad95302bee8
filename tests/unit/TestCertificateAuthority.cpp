// SPDX-License-Identifier: GPL-3.0-or-later
// CertificateAuthority, ConsoleRole and PkiDirectory: what the certificates say, and the files.
// The certificates are inspected with OpenSSL directly, not through the code under test.
#include "pki/CertificateAuthority.h"
#include "pki/ConsoleRole.h"
#include "pki/PkiDirectory.h"
#include "pki/TlsIdentity.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

using namespace baton;

namespace {

struct X509Free
{
    void operator()(X509* certificate) const { X509_free(certificate); }
};
struct KeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

X509Ptr x509(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    X509Ptr certificate(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return certificate;
}

KeyPtr privateKey(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    KeyPtr key(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return key;
}

bool isCritical(X509* certificate, int nid)
{
    const int index = X509_get_ext_by_NID(certificate, nid, -1);
    return index >= 0 && X509_EXTENSION_get_critical(X509_get_ext(certificate, index)) == 1;
}

QByteArray keyIdentifier(const ASN1_OCTET_STRING* id)
{
    return id == nullptr
               ? QByteArray()
               : QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(id)), ASN1_STRING_length(id));
}

QByteArray serialHex(X509* certificate)
{
    BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = BN_bn2hex(serial);
    const QByteArray result(hex);
    OPENSSL_free(hex);
    BN_free(serial);
    return result;
}

int serialBits(X509* certificate)
{
    BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    const int bits = BN_is_negative(serial) ? -1 : BN_num_bits(serial);
    BN_free(serial);
    return bits;
}

// A self-signed certificate with exactly these OUs, for what the CA never issues.
QSslCertificate certificateWithUnits(const QStringList& units)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3600);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME* name = X509_get_subject_name(certificate.get());
    for (const QString& unit : units) {
        const QByteArray utf8 = unit.toUtf8();
        X509_NAME_add_entry_by_txt(name, "OU", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(utf8.constData()),
                                   static_cast<int>(utf8.size()), -1, 0);
    }
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("someone"),
                               -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    X509_sign(certificate.get(), key.get(), EVP_sha256());
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, certificate.get());
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, static_cast<qsizetype>(size));
    BIO_free(bio);
    return QSslCertificate(pem, QSsl::Pem);
}

CertificateAuthority makeCa(const Validity& validity = Validity::days(CertificateAuthority::DefaultCaDays))
{
    QString error;
    auto ca = CertificateAuthority::create(QStringLiteral("Test CA"), validity, &error);
    if (!ca)
        qFatal("cannot create a CA: %s", qPrintable(error));
    return *ca;
}

int mode(const QString& path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every entry of a directory, hidden ones included: temporaries must not be left behind.
QStringList entries(const QString& path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                QDir::Name);
}

QDateTime utcNow()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // CertificateAuthority
    void createdCaIsSelfSignedCa();
    void loadRoundTrip();
    void loadRefusesMismatchedKey();
    void loadRefusesNonCa_data();
    void loadRefusesNonCa();
    void createRefusesBadInput_data();
    void createRefusesBadInput();
    void serialsAreRandom();
    void agentCertificate();
    void agentCertificateForKeyMadeElsewhere();
    void agentRefusesBadAddresses_data();
    void agentRefusesBadAddresses();
    void agentRefusesBadNameOrNoAddress();
    void consoleCertificate_data();
    void consoleCertificate();
    void validityDays();
    void leafValidityClampedToCa();
    void pastValidityInsideCaIsIssued();
    void expiredCaIssuesNothing();
    void validityOutsideCaRefused();

    // ConsoleRole
    void consoleRoleIsLeastPrivilege_data();
    void consoleRoleIsLeastPrivilege();
    void consoleRoleNames();

    // PkiDirectory
    void initCreatesPrivateLayout();
    void initRefusesExistingCa_data();
    void initRefusesExistingCa();
    void initRefusesBadDays();
    void lifetimesCapped();
    void encryptedCaKey();
    void caKeyKeptApart();
    void issuedFilesArePrivateAndSigned();
    void noOverwriteWithoutReplace();
    void replaceIsAllOrNothing();
    void badNamesRejected_data();
    void badNamesRejected();
    void badAddressesRejected_data();
    void badAddressesRejected();
    void unusableCaReported();
    void consoleNamesListed();
};

void TestCertificateAuthority::initTestCase()
{
    ::umask(022); // the modes below must come from the code, not from a tight umask
}

void TestCertificateAuthority::createdCaIsSelfSignedCa()
{
    const Validity validity = Validity::days(30);
    QString error;
    const auto ca = CertificateAuthority::create(QStringLiteral("Cluster CA"), validity, &error);
    QVERIFY2(ca, qPrintable(error));
    QCOMPARE(ca->name(), QStringLiteral("Cluster CA"));
    QCOMPARE(ca->notBefore(), validity.notBefore);
    QCOMPARE(ca->notAfter(), validity.notAfter);

    const X509Ptr certificate = x509(ca->certificatePem());
    QVERIFY(certificate);
    const QSslCertificate qt(ca->certificatePem(), QSsl::Pem);
    QCOMPARE(qt.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Cluster CA")});
    QCOMPARE(qt.subjectInfo(QSslCertificate::Organization), QStringList{QStringLiteral("Baton")});
    QCOMPARE(qt.issuerInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Cluster CA")});
    QCOMPARE(X509_get_version(certificate.get()), X509_VERSION_3);

    // basicConstraints critical CA:TRUE pathlen:0; keyUsage critical keyCertSign + cRLSign only.
    QVERIFY(X509_get_extension_flags(certificate.get()) & EXFLAG_CA);
    QVERIFY(isCritical(certificate.get(), NID_basic_constraints));
    QCOMPARE(X509_get_pathlen(certificate.get()), 0L);
    QVERIFY(isCritical(certificate.get(), NID_key_usage));
    QCOMPARE(X509_get_key_usage(certificate.get()), static_cast<uint32_t>(KU_KEY_CERT_SIGN | KU_CRL_SIGN));
    QVERIFY(!keyIdentifier(X509_get0_subject_key_id(certificate.get())).isEmpty());

    // Self-signed with SHA-256 by a P-256 key; the key is PKCS#8 and belongs to the certificate.
    EVP_PKEY* publicKey = X509_get0_pubkey(certificate.get());
    QCOMPARE(X509_verify(certificate.get(), publicKey), 1);
    QCOMPARE(X509_get_signature_nid(certificate.get()), NID_ecdsa_with_SHA256);
    QCOMPARE(EVP_PKEY_get_base_id(publicKey), EVP_PKEY_EC);
    QCOMPARE(EVP_PKEY_get_bits(publicKey), 256);
    QVERIFY(ca->keyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
    const KeyPtr key = privateKey(ca->keyPem());
    QVERIFY(key);
    QCOMPARE(X509_check_private_key(certificate.get(), key.get()), 1);
}

void TestCertificateAuthority::loadRoundTrip()
{
    const CertificateAuthority created = makeCa();
    QString error;
    const auto loaded = CertificateAuthority::load(created.certificatePem(), created.keyPem(), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->certificatePem(), created.certificatePem());
    QCOMPARE(loaded->keyPem(), created.keyPem());
    QCOMPARE(loaded->name(), created.name());
    QCOMPARE(loaded->notAfter(), created.notAfter());

    // The loaded CA signs: its certificate verifies what it issues.
    const auto issued =
        loaded->issueConsole(QStringLiteral("alice"), ConsoleAccess::Operator, Validity::days(1), &error);
    QVERIFY2(issued, qPrintable(error));
    const X509Ptr caCertificate = x509(created.certificatePem());
    const X509Ptr leaf = x509(issued->certificatePem);
    QCOMPARE(X509_verify(leaf.get(), X509_get0_pubkey(caCertificate.get())), 1);
}

void TestCertificateAuthority::loadRefusesMismatchedKey()
{
    const CertificateAuthority one = makeCa();
    const CertificateAuthority other = makeCa();
    QString error;
    QVERIFY(!CertificateAuthority::load(one.certificatePem(), other.keyPem(), &error));
    QVERIFY2(error.contains(QLatin1StringView("does not belong")), qPrintable(error));
}

void TestCertificateAuthority::loadRefusesNonCa_data()
{
    QTest::addColumn<QByteArray>("certificate");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("expected");

    const CertificateAuthority ca = makeCa();
    QString error;
    const auto agent =
        ca.issueAgent(QStringLiteral("node1"), {QStringLiteral("192.0.2.11")}, Validity::days(1), &error);
    QVERIFY2(agent, qPrintable(error));
    QTest::newRow("leaf") << agent->certificatePem << agent->keyPem << QStringLiteral("not a CA certificate");
    QTest::newRow("garbage certificate")
        << QByteArray("hello") << ca.keyPem() << QStringLiteral("not a PEM certificate");
    QTest::newRow("garbage key") << ca.certificatePem() << QByteArray("hello")
                                 << QStringLiteral("not an unencrypted PEM private key");
    QTest::newRow("key given as certificate")
        << ca.keyPem() << ca.keyPem() << QStringLiteral("not a PEM certificate");
}

void TestCertificateAuthority::loadRefusesNonCa()
{
    QFETCH(QByteArray, certificate);
    QFETCH(QByteArray, key);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!CertificateAuthority::load(certificate, key, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestCertificateAuthority::createRefusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QDateTime>("notBefore");
    QTest::addColumn<QDateTime>("notAfter");
    QTest::addColumn<QString>("expected");

    const QDateTime now = utcNow();
    QTest::newRow("empty name") << QString() << now << now.addDays(1) << QStringLiteral("name is empty");
    QTest::newRow("long name") << QString(65, u'x') << now << now.addDays(1)
                               << QStringLiteral("longer than 64 characters");
    QTest::newRow("control character")
        << QStringLiteral("a\nb") << now << now.addDays(1) << QStringLiteral("control characters");
    QTest::newRow("empty period") << QStringLiteral("CA") << now << now
                                  << QStringLiteral("empty validity period");
    QTest::newRow("reversed period") << QStringLiteral("CA") << now << now.addDays(-1)
                                     << QStringLiteral("empty validity period");
    QTest::newRow("invalid date") << QStringLiteral("CA") << QDateTime() << now
                                  << QStringLiteral("empty validity period");
}

void TestCertificateAuthority::createRefusesBadInput()
{
    QFETCH(QString, name);
    QFETCH(QDateTime, notBefore);
    QFETCH(QDateTime, notAfter);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!CertificateAuthority::create(name, Validity{notBefore, notAfter}, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestCertificateAuthority::serialsAreRandom()
{
    const CertificateAuthority ca = makeCa();
    QSet<QByteArray> serials{serialHex(x509(ca.certificatePem()).get())};
    QString error;
    for (int i = 0; i < 20; ++i) {
        const auto issued =
            ca.issueConsole(QStringLiteral("c"), ConsoleAccess::ReadOnly, Validity::days(1), &error);
        QVERIFY2(issued, qPrintable(error));
        const X509Ptr certificate = x509(issued->certificatePem);
        const int bits = serialBits(certificate.get());
        QVERIFY2(bits > 0 && bits <= 127, qPrintable(QString::number(bits)));
        serials << serialHex(certificate.get());
    }
    QCOMPARE(serials.size(), 21);
}

// The deployment's path: the key is generated on the server, only its public half reaches the CA,
// and what comes back is a certificate for exactly that key, with no private key in it.
void TestCertificateAuthority::agentCertificateForKeyMadeElsewhere()
{
    const CertificateAuthority ca = makeCa();
    QString error;
    const auto key = GeneratedKey::create(&error);
    QVERIFY2(key, qPrintable(error));
    QVERIFY(key->keyPem.contains("BEGIN PRIVATE KEY"));
    QVERIFY(key->publicKeyPem.contains("BEGIN PUBLIC KEY"));
    QVERIFY(!key->publicKeyPem.contains("PRIVATE"));
    const auto issued = ca.issueAgentForKey(QStringLiteral("node1"), {QStringLiteral("192.0.2.11")},
                                            key->publicKeyPem, Validity::days(1), &error);
    QVERIFY2(issued, qPrintable(error));
    QVERIFY(issued->keyPem.isEmpty());
    const X509Ptr certificate = x509(issued->certificatePem);
    const X509Ptr caCertificate = x509(ca.certificatePem());
    QCOMPARE(X509_verify(certificate.get(), X509_get0_pubkey(caCertificate.get())), 1);
    QCOMPARE(X509_get_extended_key_usage(certificate.get()),
             static_cast<uint32_t>(XKU_SSL_SERVER | XKU_SSL_CLIENT));
    // The certificate carries the server's key: the private key made there matches it.
    const QSslCertificate qt(issued->certificatePem, QSsl::Pem);
    const QSslKey privateKey(key->keyPem, QSsl::Ec);
    QVERIFY(!privateKey.isNull());
    QCOMPARE(qt.publicKey().toPem(),
             QSslKey(key->publicKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PublicKey).toPem());

    QVERIFY(!ca.issueAgentForKey(QStringLiteral("node1"), {QStringLiteral("192.0.2.11")}, "not a key",
                                 Validity::days(1), &error));
    QVERIFY(error.contains(QStringLiteral("not a PEM public key")));
    QVERIFY(!ca.issueAgentForKey(QStringLiteral("node1"), {}, key->publicKeyPem, Validity::days(1), &error));

    // PkiDirectory keeps the certificate as the record and writes no key.
    QTemporaryDir dir;
    QVERIFY(PkiDirectory::init(dir.path(), QStringLiteral("CA"), 10, &error));
    const auto written = PkiDirectory::issueAgentForKey(
        dir.path(), QStringLiteral("node1"), {QStringLiteral("192.0.2.11")}, key->publicKeyPem, 10, &error);
    QVERIFY2(written, qPrintable(error));
    QVERIFY(written->keyFile.isEmpty());
    QVERIFY(QFile::exists(PkiDirectory::agentCertificateFile(dir.path(), QStringLiteral("node1"))));
    QVERIFY(!QFile::exists(PkiDirectory::agentKeyFile(dir.path(), QStringLiteral("node1"))));
}

void TestCertificateAuthority::agentCertificate()
{
    const CertificateAuthority ca = makeCa();
    QString error;
    const auto issued = ca.issueAgent(QStringLiteral("node1"),
                                      {QStringLiteral("192.0.2.11"), QStringLiteral("2001:db8::11"),
                                       QStringLiteral("node1.example.org"), QStringLiteral("192.0.2.11"),
                                       QStringLiteral("node1")},
                                      Validity::days(1), &error);
    QVERIFY2(issued, qPrintable(error));
    const QSslCertificate qt(issued->certificatePem, QSsl::Pem);
    QCOMPARE(qt.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("node1")});
    QCOMPARE(qt.subjectInfo(QSslCertificate::OrganizationalUnitName), QStringList{QStringLiteral("agent")});
    QCOMPARE(qt.subjectInfo(QSslCertificate::Organization), QStringList{QStringLiteral("Baton")});
    QCOMPARE(qt.issuerInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Test CA")});

    // Every name once: DNS for the name and the host name, IP for the addresses (IPv6 in full form
    // as Qt prints it).
    const auto altNames = qt.subjectAlternativeNames();
    QStringList dns = altNames.values(QSsl::DnsEntry);
    QStringList ips = altNames.values(QSsl::IpAddressEntry);
    dns.sort();
    ips.sort();
    QCOMPARE(dns, (QStringList{QStringLiteral("node1"), QStringLiteral("node1.example.org")}));
    QCOMPARE(ips.size(), 2);
    QCOMPARE(QHostAddress(ips[0]), QHostAddress(QStringLiteral("192.0.2.11")));
    QCOMPARE(QHostAddress(ips[1]), QHostAddress(QStringLiteral("2001:db8::11")));

    const X509Ptr certificate = x509(issued->certificatePem);
    const X509Ptr caCertificate = x509(ca.certificatePem());
    // Server for consoles and its partner, client of its partner's peer link.
    QCOMPARE(X509_get_extended_key_usage(certificate.get()),
             static_cast<uint32_t>(XKU_SSL_SERVER | XKU_SSL_CLIENT));
    QCOMPARE(X509_get_key_usage(certificate.get()), static_cast<uint32_t>(KU_DIGITAL_SIGNATURE));
    QVERIFY(isCritical(certificate.get(), NID_key_usage));
    QVERIFY(!(X509_get_extension_flags(certificate.get()) & EXFLAG_CA));
    QVERIFY(isCritical(certificate.get(), NID_basic_constraints));
    QCOMPARE(keyIdentifier(X509_get0_authority_key_id(certificate.get())),
             keyIdentifier(X509_get0_subject_key_id(caCertificate.get())));
    QVERIFY(!keyIdentifier(X509_get0_subject_key_id(certificate.get())).isEmpty());
    QCOMPARE(X509_check_issued(caCertificate.get(), certificate.get()), X509_V_OK);
    QCOMPARE(X509_verify(certificate.get(), X509_get0_pubkey(caCertificate.get())), 1);
    QCOMPARE(X509_get_signature_nid(certificate.get()), NID_ecdsa_with_SHA256);
    QVERIFY(issued->keyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const KeyPtr key = privateKey(issued->keyPem);
    QCOMPARE(X509_check_private_key(certificate.get(), key.get()), 1);
    QCOMPARE(EVP_PKEY_get_bits(key.get()), 256);
}

void TestCertificateAuthority::agentRefusesBadAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("octet too big") << QStringLiteral("300.1.2.3");
    QTest::newRow("three octets") << QStringLiteral("10.0.0");
    QTest::newRow("cidr") << QStringLiteral("192.0.2.1/24");
    QTest::newRow("ipv6 with scope") << QStringLiteral("fe80::1%eth0");
    QTest::newRow("bad ipv6") << QStringLiteral("2001:db8::1::2");
    QTest::newRow("empty") << QString();
    QTest::newRow("space") << QStringLiteral("node 1");
    QTest::newRow("wildcard") << QStringLiteral("*.example.org");
    QTest::newRow("leading hyphen") << QStringLiteral("-node.example.org");
    QTest::newRow("empty label") << QStringLiteral("node..example.org");
    QTest::newRow("non-ascii") << QStringLiteral("nöde");
}

void TestCertificateAuthority::agentRefusesBadAddresses()
{
    QFETCH(QString, address);
    const CertificateAuthority ca = makeCa();
    QString error;
    QVERIFY(!ca.issueAgent(QStringLiteral("node1"), {QStringLiteral("192.0.2.11"), address},
                           Validity::days(1), &error));
    QVERIFY2(error.contains(QString(u'\'' + address + u'\'')), qPrintable(error));
}

void TestCertificateAuthority::agentRefusesBadNameOrNoAddress()
{
    const CertificateAuthority ca = makeCa();
    QString error;
    QVERIFY(!ca.issueAgent(QStringLiteral("node1"), {}, Validity::days(1), &error));
    QVERIFY2(error.contains(QLatin1StringView("at least one address")), qPrintable(error));
    // The name is a DNS subjectAltName too.
    QVERIFY(
        !ca.issueAgent(QStringLiteral("node 1"), {QStringLiteral("192.0.2.11")}, Validity::days(1), &error));
    QVERIFY2(error.contains(QLatin1StringView("'node 1' is not a host name")), qPrintable(error));
    QVERIFY(!ca.issueAgent(QStringLiteral("10"), {QStringLiteral("192.0.2.11")}, Validity::days(1), &error));
    QVERIFY2(error.contains(QLatin1StringView("'10'")), qPrintable(error));
}

void TestCertificateAuthority::consoleCertificate_data()
{
    QTest::addColumn<ConsoleAccess>("access");
    QTest::addColumn<QString>("unit");
    QTest::newRow("operator") << ConsoleAccess::Operator << QStringLiteral("operator");
    QTest::newRow("read-only") << ConsoleAccess::ReadOnly << QStringLiteral("read-only");
}

void TestCertificateAuthority::consoleCertificate()
{
    QFETCH(ConsoleAccess, access);
    QFETCH(QString, unit);
    const CertificateAuthority ca = makeCa();
    QString error;
    const auto issued = ca.issueConsole(QStringLiteral("alice"), access, Validity::days(1), &error);
    QVERIFY2(issued, qPrintable(error));
    const QSslCertificate qt(issued->certificatePem, QSsl::Pem);
    QCOMPARE(qt.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("alice")});
    QCOMPARE(qt.subjectInfo(QSslCertificate::OrganizationalUnitName), QStringList{unit});
    QCOMPARE(ConsoleRole::of(qt), access);
    QVERIFY(qt.subjectAlternativeNames().isEmpty());

    const X509Ptr certificate = x509(issued->certificatePem);
    QCOMPARE(X509_get_extended_key_usage(certificate.get()), static_cast<uint32_t>(XKU_SSL_CLIENT));
    QCOMPARE(X509_get_key_usage(certificate.get()), static_cast<uint32_t>(KU_DIGITAL_SIGNATURE));
    QVERIFY(!(X509_get_extension_flags(certificate.get()) & EXFLAG_CA));
    QCOMPARE(X509_verify(certificate.get(), X509_get0_pubkey(x509(ca.certificatePem()).get())), 1);
}

void TestCertificateAuthority::validityDays()
{
    const QDateTime before = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    const Validity validity = Validity::days(7);
    const QDateTime after = utcNow();
    QCOMPARE(validity.notBefore.timeSpec(), Qt::UTC);
    QVERIFY(validity.notBefore >= before.addSecs(-3600) && validity.notBefore <= after.addSecs(-3600));
    QCOMPARE(validity.notAfter, validity.notBefore.addSecs(3600).addDays(7));
    QCOMPARE(validity.notBefore.time().msec(), 0);
}

void TestCertificateAuthority::leafValidityClampedToCa()
{
    const CertificateAuthority ca = makeCa(Validity::days(30));
    QString error;
    const auto issued =
        ca.issueAgent(QStringLiteral("node1"), {QStringLiteral("192.0.2.11")},
                      Validity{ca.notBefore().addDays(-5), ca.notAfter().addDays(700)}, &error);
    QVERIFY2(issued, qPrintable(error));
    const QSslCertificate qt(issued->certificatePem, QSsl::Pem);
    QCOMPARE(qt.effectiveDate(), ca.notBefore());
    QCOMPARE(qt.expiryDate(), ca.notAfter());
}

void TestCertificateAuthority::pastValidityInsideCaIsIssued()
{
    const CertificateAuthority ca = makeCa(Validity{utcNow().addDays(-30), utcNow().addDays(30)});
    QString error;
    const Validity past{utcNow().addDays(-10), utcNow().addDays(-1)};
    const auto issued = ca.issueConsole(QStringLiteral("old"), ConsoleAccess::Operator, past, &error);
    QVERIFY2(issued, qPrintable(error));
    const QSslCertificate qt(issued->certificatePem, QSsl::Pem);
    QVERIFY(qt.expiryDate() < utcNow());
    QCOMPARE(qt.expiryDate(), QDateTime::fromSecsSinceEpoch(past.notAfter.toSecsSinceEpoch(), Qt::UTC));
}

void TestCertificateAuthority::expiredCaIssuesNothing()
{
    const CertificateAuthority ca = makeCa(Validity{utcNow().addDays(-20), utcNow().addDays(-10)});
    QString error;
    QVERIFY(!ca.issueConsole(QStringLiteral("alice"), ConsoleAccess::Operator, Validity::days(1), &error));
    QVERIFY2(error.contains(QLatin1StringView("expired")), qPrintable(error));
    // It still loads, to be inspected.
    QVERIFY2(CertificateAuthority::load(ca.certificatePem(), ca.keyPem(), &error), qPrintable(error));
}

void TestCertificateAuthority::validityOutsideCaRefused()
{
    const CertificateAuthority ca = makeCa(Validity::days(30));
    QString error;
    QVERIFY(!ca.issueConsole(QStringLiteral("alice"), ConsoleAccess::Operator,
                             Validity{ca.notAfter().addDays(1), ca.notAfter().addDays(2)}, &error));
    QVERIFY2(error.contains(QLatin1StringView("outside the CA's")), qPrintable(error));
    QVERIFY(!ca.issueConsole(QStringLiteral("alice"), ConsoleAccess::Operator,
                             Validity{utcNow(), utcNow().addDays(-1)}, &error));
    QVERIFY2(error.contains(QLatin1StringView("empty validity period")), qPrintable(error));
}

void TestCertificateAuthority::consoleRoleIsLeastPrivilege_data()
{
    QTest::addColumn<QStringList>("units");
    QTest::addColumn<ConsoleAccess>("expected");
    QTest::newRow("operator") << QStringList{QStringLiteral("operator")} << ConsoleAccess::Operator;
    QTest::newRow("read-only") << QStringList{QStringLiteral("read-only")} << ConsoleAccess::ReadOnly;
    QTest::newRow("no unit") << QStringList{} << ConsoleAccess::ReadOnly;
    QTest::newRow("agent") << QStringList{QStringLiteral("agent")} << ConsoleAccess::ReadOnly;
    QTest::newRow("capitalised") << QStringList{QStringLiteral("Operator")} << ConsoleAccess::ReadOnly;
    QTest::newRow("trailing space") << QStringList{QStringLiteral("operator ")} << ConsoleAccess::ReadOnly;
    QTest::newRow("two units") << QStringList{QStringLiteral("operator"), QStringLiteral("read-only")}
                               << ConsoleAccess::ReadOnly;
    QTest::newRow("operator twice") << QStringList{QStringLiteral("operator"), QStringLiteral("operator")}
                                    << ConsoleAccess::ReadOnly;
}

void TestCertificateAuthority::consoleRoleIsLeastPrivilege()
{
    QFETCH(QStringList, units);
    QFETCH(ConsoleAccess, expected);
    const QSslCertificate certificate = certificateWithUnits(units);
    QVERIFY(!certificate.isNull());
    QStringList inCertificate = certificate.subjectInfo(QSslCertificate::OrganizationalUnitName);
    QStringList sortedUnits = units;
    inCertificate.sort();
    sortedUnits.sort();
    QCOMPARE(inCertificate, sortedUnits);
    QCOMPARE(ConsoleRole::of(certificate), expected);
}

void TestCertificateAuthority::consoleRoleNames()
{
    QCOMPARE(ConsoleRole::name(ConsoleAccess::Operator), QStringLiteral("operator"));
    QCOMPARE(ConsoleRole::name(ConsoleAccess::ReadOnly), QStringLiteral("read-only"));
    QCOMPARE(ConsoleRole::of(QSslCertificate()), ConsoleAccess::ReadOnly);
}

void TestCertificateAuthority::initCreatesPrivateLayout()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("cluster/pki")); // two missing levels
    QString error;
    const auto written = PkiDirectory::init(dir, QStringLiteral("Lab CA"), 30, &error);
    QVERIFY2(written, qPrintable(error));
    QCOMPARE(written->certificateFile, QString(dir + u"/ca.crt"));
    QCOMPARE(written->keyFile, QString(dir + u"/ca.key"));
    QCOMPARE(entries(dir), (QStringList{QStringLiteral("agents"), QStringLiteral("ca.crt"),
                                        QStringLiteral("ca.key"), QStringLiteral("consoles")}));
    QCOMPARE(mode(tmp.filePath(QStringLiteral("cluster"))), 0700);
    QCOMPARE(mode(dir), 0700);
    QCOMPARE(mode(QString(dir + u"/agents")), 0700);
    QCOMPARE(mode(QString(dir + u"/consoles")), 0700);
    QCOMPARE(mode(QString(dir + u"/ca.key")), 0600);
    QCOMPARE(mode(QString(dir + u"/ca.crt")), 0644);
    QCOMPARE(contents(written->certificateFile), written->certificatePem);

    const auto ca = PkiDirectory::loadAuthority(dir, &error);
    QVERIFY2(ca, qPrintable(error));
    QCOMPARE(ca->name(), QStringLiteral("Lab CA"));
    QVERIFY(qAbs(ca->notAfter().secsTo(utcNow().addDays(30))) < 3600 + 60);
}

void TestCertificateAuthority::initRefusesExistingCa_data()
{
    QTest::addColumn<QStringList>("remove");
    QTest::newRow("both there") << QStringList{};
    QTest::newRow("only ca.crt") << QStringList{QStringLiteral("ca.key")};
    QTest::newRow("only ca.key") << QStringList{QStringLiteral("ca.crt")};
}

void TestCertificateAuthority::initRefusesExistingCa()
{
    QFETCH(QStringList, remove);
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(PkiDirectory::init(tmp.path(), QStringLiteral("First"), 30, &error), qPrintable(error));
    for (const QString& file : remove)
        QVERIFY(QFile::remove(tmp.filePath(file)));
    const QStringList before = entries(tmp.path());
    const QByteArray certificate = contents(tmp.filePath(QStringLiteral("ca.crt")));
    const QByteArray key = contents(tmp.filePath(QStringLiteral("ca.key")));

    QVERIFY(!PkiDirectory::init(tmp.path(), QStringLiteral("Second"), 30, &error));
    QVERIFY2(error.contains(QLatin1StringView("refusing to overwrite a CA")), qPrintable(error));
    QVERIFY2(error.contains(remove.contains(QStringLiteral("ca.crt")) ? QLatin1StringView("ca.key")
                                                                      : QLatin1StringView("ca.crt")),
             qPrintable(error));
    QCOMPARE(entries(tmp.path()), before);
    QCOMPARE(contents(tmp.filePath(QStringLiteral("ca.crt"))), certificate);
    QVERIFY(contents(tmp.filePath(QStringLiteral("ca.key"))) == key);
}

void TestCertificateAuthority::initRefusesBadDays()
{
    QTemporaryDir tmp;
    QString error;
    for (const int days : {0, -1, PkiDirectory::MaxCaDays + 1}) {
        QVERIFY(!PkiDirectory::init(tmp.path(), QStringLiteral("CA"), days, &error));
        QVERIFY2(error.contains(QString::number(days)), qPrintable(error));
    }
    QVERIFY(!PkiDirectory::init(tmp.path(), QString(), 30, &error));
    QVERIFY2(error.contains(QLatin1StringView("name is empty")), qPrintable(error));
    QCOMPARE(entries(tmp.path()), QStringList{});
}

void TestCertificateAuthority::lifetimesCapped()
{
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(PkiDirectory::init(tmp.path(), QStringLiteral("CA"), PkiDirectory::MaxCaDays, &error),
             qPrintable(error));
    QVERIFY(!PkiDirectory::issueAgent(tmp.path(), QStringLiteral("node1"), {QStringLiteral("192.0.2.11")},
                                      PkiDirectory::MaxAgentDays + 1, PkiDirectory::IfExists::Refuse,
                                      &error));
    QVERIFY2(error.contains(QString::number(PkiDirectory::MaxAgentDays)), qPrintable(error));
    QVERIFY(!PkiDirectory::issueConsole(tmp.path(), QStringLiteral("alice"), ConsoleAccess::Operator,
                                        PkiDirectory::MaxConsoleDays + 1, PkiDirectory::IfExists::Refuse,
                                        &error));
    QVERIFY2(error.contains(QString::number(PkiDirectory::MaxConsoleDays)), qPrintable(error));
    QVERIFY2(PkiDirectory::issueConsole(tmp.path(), QStringLiteral("alice"), ConsoleAccess::Operator,
                                        PkiDirectory::MaxConsoleDays, PkiDirectory::IfExists::Refuse, &error),
             qPrintable(error));
}

void TestCertificateAuthority::encryptedCaKey()
{
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(PkiDirectory::init(tmp.path(), QStringLiteral("CA"), 30, &error, "correct horse"),
             qPrintable(error));
    const QByteArray key = contents(PkiDirectory::caKeyFile(tmp.path()));
    QVERIFY(key.contains("ENCRYPTED PRIVATE KEY"));
    QVERIFY(!key.contains("BEGIN PRIVATE KEY"));
    const auto issue = [&] {
        return PkiDirectory::issueConsole(tmp.path(), QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                          PkiDirectory::IfExists::Replace, &error);
    };
    PkiDirectory::setPassphraseSource({});
    QVERIFY(!issue());
    QVERIFY2(error.contains(QLatin1StringView("passphrase is needed")), qPrintable(error));
    PkiDirectory::setPassphraseSource([](const QString&) { return std::optional<QByteArray>("wrong"); });
    QVERIFY(!issue());
    QVERIFY2(error.contains(QLatin1StringView("wrong passphrase")), qPrintable(error));
    QString asked;
    PkiDirectory::setPassphraseSource([&asked](const QString& file) {
        asked = file;
        return std::optional<QByteArray>("correct horse");
    });
    QVERIFY2(issue(), qPrintable(error));
    QCOMPARE(asked, PkiDirectory::caKeyFile(tmp.path()));
    // The consoles' own keys are never encrypted (a console must start unattended), and the CA key
    // on disk stays encrypted after use.
    QVERIFY(contents(PkiDirectory::consoleKeyFile(tmp.path(), QStringLiteral("alice")))
                .contains("BEGIN PRIVATE KEY"));
    QCOMPARE(contents(PkiDirectory::caKeyFile(tmp.path())), key);
    PkiDirectory::setPassphraseSource({});
}

void TestCertificateAuthority::caKeyKeptApart()
{
    QTemporaryDir pki;
    QTemporaryDir offline;
    QString error;
    const QString key = offline.filePath(QStringLiteral("vault/ca.key"));
    QVERIFY2(PkiDirectory::init(pki.path(), QStringLiteral("CA"), 30, &error, {}, key), qPrintable(error));
    QVERIFY(!QFile::exists(pki.filePath(QStringLiteral("ca.key"))));
    QVERIFY(QFile::exists(key));
    QCOMPARE(PkiDirectory::caKeyFile(pki.path()), key);
    const auto issue = [&] {
        return PkiDirectory::issueConsole(pki.path(), QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                          PkiDirectory::IfExists::Replace, &error);
    };
    QVERIFY2(issue(), qPrintable(error));
    // The key taken offline: issuing says where it looked; back in place, it works again.
    QVERIFY(QFile::rename(key, offline.filePath(QStringLiteral("elsewhere"))));
    QVERIFY(!issue());
    QVERIFY2(error.contains(key), qPrintable(error));
    QVERIFY(QFile::rename(offline.filePath(QStringLiteral("elsewhere")), key));
    QVERIFY2(issue(), qPrintable(error));
    // A console needs none of it.
    QVERIFY2(TlsIdentity::loadConsole(pki.path(), QStringLiteral("alice"), &error), qPrintable(error));
    QVERIFY(!PkiDirectory::init(pki.path(), QStringLiteral("CA"), 30, &error, {},
                                QStringLiteral("relative.key")));
}

void TestCertificateAuthority::issuedFilesArePrivateAndSigned()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    const auto agent = PkiDirectory::issueAgent(dir, QStringLiteral("node1"), {QStringLiteral("192.0.2.11")},
                                                10, PkiDirectory::IfExists::Refuse, &error);
    QVERIFY2(agent, qPrintable(error));
    const auto console = PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::ReadOnly, 10,
                                                    PkiDirectory::IfExists::Refuse, &error);
    QVERIFY2(console, qPrintable(error));

    QCOMPARE(agent->certificateFile, PkiDirectory::agentCertificateFile(dir, QStringLiteral("node1")));
    QCOMPARE(agent->keyFile, PkiDirectory::agentKeyFile(dir, QStringLiteral("node1")));
    QCOMPARE(console->certificateFile, PkiDirectory::consoleCertificateFile(dir, QStringLiteral("alice")));
    QCOMPARE(console->keyFile, PkiDirectory::consoleKeyFile(dir, QStringLiteral("alice")));
    QCOMPARE(entries(QString(dir + u"/agents")),
             (QStringList{QStringLiteral("node1.crt"), QStringLiteral("node1.key")}));
    QCOMPARE(entries(QString(dir + u"/consoles")),
             (QStringList{QStringLiteral("alice.crt"), QStringLiteral("alice.key")}));
    for (const auto* written : {&*agent, &*console}) {
        QCOMPARE(mode(written->keyFile), 0600);
        QCOMPARE(mode(written->certificateFile), 0644);
        QCOMPARE(contents(written->certificateFile), written->certificatePem);
        const X509Ptr certificate = x509(contents(written->certificateFile));
        const KeyPtr key = privateKey(contents(written->keyFile));
        QVERIFY(certificate && key);
        QCOMPARE(X509_check_private_key(certificate.get(), key.get()), 1);
        const X509Ptr ca = x509(contents(PkiDirectory::caCertificateFile(dir)));
        QCOMPARE(X509_verify(certificate.get(), X509_get0_pubkey(ca.get())), 1);
    }
    const QSslCertificate consoleCertificate(console->certificatePem, QSsl::Pem);
    QCOMPARE(ConsoleRole::of(consoleCertificate), ConsoleAccess::ReadOnly);
    QVERIFY(qAbs(consoleCertificate.expiryDate().secsTo(utcNow().addDays(10))) < 3600 + 60);
}

void TestCertificateAuthority::noOverwriteWithoutReplace()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    const auto first = PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                                  PkiDirectory::IfExists::Refuse, &error);
    QVERIFY2(first, qPrintable(error));
    const QByteArray key = contents(first->keyFile);

    QVERIFY(!PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::ReadOnly, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("'alice' already exists")), qPrintable(error));
    QCOMPARE(contents(first->certificateFile), first->certificatePem);
    QVERIFY(contents(first->keyFile) == key); // QVERIFY: no key material in the log

    // A key alone (a half-copied directory) also counts as existing.
    QVERIFY(QFile::remove(first->certificateFile));
    QVERIFY(!PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::ReadOnly, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("alice.key")), qPrintable(error));

    const auto replaced = PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::ReadOnly,
                                                     10, PkiDirectory::IfExists::Replace, &error);
    QVERIFY2(replaced, qPrintable(error));
    QVERIFY(contents(replaced->keyFile) != key);
    QCOMPARE(contents(replaced->certificateFile), replaced->certificatePem);
    QCOMPARE(mode(replaced->keyFile), 0600);
    QCOMPARE(ConsoleRole::of(QSslCertificate(replaced->certificatePem, QSsl::Pem)), ConsoleAccess::ReadOnly);
    QCOMPARE(entries(QString(dir + u"/consoles")),
             (QStringList{QStringLiteral("alice.crt"), QStringLiteral("alice.key")}));
    // Replace also works over a complete pair.
    QVERIFY2(PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                        PkiDirectory::IfExists::Replace, &error),
             qPrintable(error));
    QCOMPARE(entries(QString(dir + u"/consoles")),
             (QStringList{QStringLiteral("alice.crt"), QStringLiteral("alice.key")}));
}

// The key is moved into place first; when the certificate then cannot be, the old key comes back.
void TestCertificateAuthority::replaceIsAllOrNothing()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    const auto first = PkiDirectory::issueAgent(dir, QStringLiteral("node1"), {QStringLiteral("192.0.2.11")},
                                                10, PkiDirectory::IfExists::Refuse, &error);
    QVERIFY2(first, qPrintable(error));
    const QByteArray key = contents(first->keyFile);
    // A directory where the certificate goes: rename(2) over it fails.
    QVERIFY(QFile::remove(first->certificateFile));
    QVERIFY(QDir().mkdir(first->certificateFile));
    QVERIFY(QFile::copy(PkiDirectory::caCertificateFile(dir), QString(first->certificateFile + u"/keep")));

    QVERIFY(!PkiDirectory::issueAgent(dir, QStringLiteral("node1"), {QStringLiteral("192.0.2.11")}, 10,
                                      PkiDirectory::IfExists::Replace, &error));
    QVERIFY2(error.contains(first->certificateFile), qPrintable(error));
    QVERIFY(contents(first->keyFile) == key); // QVERIFY: no key material in the log
    QCOMPARE(mode(first->keyFile), 0600);
    QCOMPARE(entries(QString(dir + u"/agents")),
             (QStringList{QStringLiteral("node1.crt"), QStringLiteral("node1.key")}));

    // Without Replace, a new name is written whole or not at all in the same way.
    QVERIFY(QDir().mkdir(PkiDirectory::agentCertificateFile(dir, QStringLiteral("node2"))));
    QVERIFY(!PkiDirectory::issueAgent(dir, QStringLiteral("node2"), {QStringLiteral("192.0.2.12")}, 10,
                                      PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("node2.crt")), qPrintable(error));
    QVERIFY(!QFile::exists(PkiDirectory::agentKeyFile(dir, QStringLiteral("node2"))));
}

void TestCertificateAuthority::badNamesRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("leading dot") << QStringLiteral(".hidden");
    QTest::newRow("leading hyphen") << QStringLiteral("-x");
    QTest::newRow("slash") << QStringLiteral("a/b");
    QTest::newRow("parent") << QStringLiteral("../x");
    QTest::newRow("space") << QStringLiteral("a b");
    QTest::newRow("non-ascii") << QStringLiteral("zoë");
    QTest::newRow("65 characters") << QString(65, u'a');
}

void TestCertificateAuthority::badNamesRejected()
{
    QFETCH(QString, name);
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    QVERIFY(!PkiDirectory::isValidName(name));
    QVERIFY(!PkiDirectory::issueConsole(dir, name, ConsoleAccess::Operator, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QString(u"bad console name '" + name + u'\'')), qPrintable(error));
    QVERIFY(!PkiDirectory::issueAgent(dir, name, {QStringLiteral("192.0.2.11")}, 10,
                                      PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QString(u"bad agent name '" + name + u'\'')), qPrintable(error));
    QCOMPARE(entries(QString(dir + u"/agents")), QStringList{});
    QCOMPARE(entries(QString(dir + u"/consoles")), QStringList{});
    QCOMPARE(entries(tmp.path()), (QStringList{QStringLiteral("agents"), QStringLiteral("ca.crt"),
                                               QStringLiteral("ca.key"), QStringLiteral("consoles")}));

    // The longest and the oddest legal names pass.
    QVERIFY(PkiDirectory::isValidName(QString(64, u'a')));
    QVERIFY(PkiDirectory::isValidName(QStringLiteral("0a.b_c-d")));
}

void TestCertificateAuthority::badAddressesRejected_data()
{
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QStringList{} << QStringLiteral("at least one address");
    QTest::newRow("bad ipv4") << QStringList{QStringLiteral("192.0.2.11"), QStringLiteral("192.0.2.300")}
                              << QStringLiteral("'192.0.2.300'");
    QTest::newRow("bad ipv6") << QStringList{QStringLiteral("2001:db8:::1")}
                              << QStringLiteral("'2001:db8:::1'");
    QTest::newRow("bad name") << QStringList{QStringLiteral("node_1.example.org."), QStringLiteral("a,b")}
                              << QStringLiteral("'node_1.example.org.'");
}

void TestCertificateAuthority::badAddressesRejected()
{
    QFETCH(QStringList, addresses);
    QFETCH(QString, expected);
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    QVERIFY(!PkiDirectory::issueAgent(dir, QStringLiteral("node1"), addresses, 10,
                                      PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(entries(QString(dir + u"/agents")), QStringList{});
}

void TestCertificateAuthority::unusableCaReported()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    // Not initialised at all.
    QVERIFY(!PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("ca.crt': no such file")), qPrintable(error));
    QCOMPARE(entries(dir), QStringList{});

    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    const QString keyFile = PkiDirectory::caKeyFile(dir);
    const QByteArray key = contents(keyFile);
    const auto rewrite = [&](const QByteArray& data) {
        QFile file(keyFile);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
    };

    QVERIFY(rewrite("not a key"));
    QVERIFY(!PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("ca.key' is not a PEM file")), qPrintable(error));

    QVERIFY(rewrite(makeCa().keyPem()));
    QVERIFY(!PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("does not belong")), qPrintable(error));
    QVERIFY2(error.contains(dir), qPrintable(error));

    QVERIFY(rewrite(key));
    QVERIFY(QFile::remove(PkiDirectory::caCertificateFile(dir)));
    QVERIFY(QDir().mkdir(PkiDirectory::caCertificateFile(dir)));
    QVERIFY(!PkiDirectory::issueConsole(dir, QStringLiteral("alice"), ConsoleAccess::Operator, 10,
                                        PkiDirectory::IfExists::Refuse, &error));
    QVERIFY2(error.contains(QLatin1StringView("ca.crt' is a directory")), qPrintable(error));
    QCOMPARE(entries(QString(dir + u"/consoles")), QStringList{});
}

void TestCertificateAuthority::consoleNamesListed()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QString error;
    QCOMPARE(PkiDirectory::consoleNames(dir), QStringList{});
    QVERIFY2(PkiDirectory::init(dir, QStringLiteral("CA"), 30, &error), qPrintable(error));
    QCOMPARE(PkiDirectory::consoleNames(dir), QStringList{});
    for (const QString& name : {QStringLiteral("zed"), QStringLiteral("Bob"), QStringLiteral("alice")})
        QVERIFY2(PkiDirectory::issueConsole(dir, name, ConsoleAccess::Operator, 10,
                                            PkiDirectory::IfExists::Refuse, &error),
                 qPrintable(error));
    QVERIFY2(PkiDirectory::issueAgent(dir, QStringLiteral("node1"), {QStringLiteral("192.0.2.11")}, 10,
                                      PkiDirectory::IfExists::Refuse, &error),
             qPrintable(error));
    // Strays that are not consoles.
    QFile stray(QString(dir + u"/consoles/notes.txt"));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.close();
    QVERIFY(QFile::copy(PkiDirectory::caCertificateFile(dir), QString(dir + u"/consoles/.hidden.crt")));

    QCOMPARE(PkiDirectory::consoleNames(dir),
             (QStringList{QStringLiteral("Bob"), QStringLiteral("alice"), QStringLiteral("zed")}));
    QCOMPARE(PkiDirectory::agentNames(dir), QStringList{QStringLiteral("node1")});
}

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "TestCertificateAuthority.moc"
