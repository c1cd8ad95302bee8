// SPDX-License-Identifier: GPL-3.0-or-later
#include "CertificateAuthority.h"

#include "OpenSsl.h"
#include "net/Ipv4.h"
#include "util/Fail.h"

#include <QHostAddress>
#include <QtEndian>

#include <algorithm>
#include <openssl/err.h>

namespace baton {

namespace {

constexpr int SerialBits = 127; // positive in 16 DER bytes; RFC 5280 allows at most 20

// One subjectAltName entry: the host name's text (GEN_DNS) or the address's bytes (GEN_IPADD).
struct AltName
{
    int type = GEN_DNS;
    QByteArray value;
    bool operator==(const AltName&) const = default;
};

// OpenSSL's reason appended: these failures are out of memory or a broken install, not bad input.
std::nullopt_t failOpenSsl(QString* error, const QString& what)
{
    return fail(error, QString(what + QStringLiteral(": ") + OpenSsl::takeError()));
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHostNameCharacter(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-' || c == u'_';
}

// Labels of letters, digits, '-' and '_' (as found in real names), joined by dots. A name whose last
// label is all digits is a mistyped IPv4 address ("10.0.0", "192.0.2.300"), never a host.
bool isHostName(const QString& text)
{
    if (text.isEmpty() || text.size() > 253)
        return false;
    const QStringList labels = text.split(u'.');
    for (const QString& label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        if (!std::all_of(label.begin(), label.end(), isHostNameCharacter))
            return false;
    }
    return !std::all_of(labels.last().begin(), labels.last().end(), isAsciiDigit);
}

std::optional<AltName> altNameFor(const QString& address, QString* error)
{
    if (const auto v4 = Ipv4::parse(address)) {
        QByteArray bytes(4, Qt::Uninitialized);
        qToBigEndian(*v4, bytes.data());
        return AltName{GEN_IPADD, bytes};
    }
    if (address.contains(u':')) {
        // A scope ("%eth0") means nothing to a peer checking the certificate.
        QHostAddress ip;
        if (address.contains(u'%') || !ip.setAddress(address) ||
            ip.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(error, QStringLiteral("address '%1' is not a valid IPv6 address").arg(address));
        const Q_IPV6ADDR raw = ip.toIPv6Address();
        return AltName{GEN_IPADD, QByteArray(reinterpret_cast<const char*>(raw.c), sizeof raw.c)};
    }
    if (isHostName(address))
        return AltName{GEN_DNS, address.toLatin1()};
    return fail(error, QStringLiteral("address '%1' is neither an IPv4 address (dotted quad), an IPv6 "
                                      "address nor a host name")
                           .arg(address));
}

bool checkName(const QString& name, const QString& what, QString* error)
{
    if (name.isEmpty()) {
        *error = QStringLiteral("the %1 name is empty").arg(what);
        return false;
    }
    if (name.size() > CertificateAuthority::MaxNameLength) {
        *error = QStringLiteral("the %1 name '%2' is longer than %3 characters")
                     .arg(what, name)
                     .arg(CertificateAuthority::MaxNameLength);
        return false;
    }
    if (std::any_of(name.begin(), name.end(), [](QChar c) { return c.category() == QChar::Other_Control; })) {
        *error = QStringLiteral("the %1 name '%2' contains control characters").arg(what, name);
        return false;
    }
    return true;
}

QString isoDate(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

bool checkValidity(const Validity& validity, QString* error)
{
    if (validity.notBefore.isValid() && validity.notAfter.isValid() && validity.notBefore < validity.notAfter)
        return true;
    *error = QStringLiteral("empty validity period (%1 to %2)")
                 .arg(isoDate(validity.notBefore), isoDate(validity.notAfter));
    return false;
}

bool setRandomSerial(X509* certificate)
{
    const OpenSsl::Bignum serial(BN_new());
    if (!serial)
        return false;
    do {
        if (BN_rand(serial.get(), SerialBits, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
            return false;
    } while (BN_is_zero(serial.get()));
    return BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

bool addNameEntry(X509_NAME* name, const char* field, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(utf8.constData()),
                                      static_cast<int>(utf8.size()), -1, 0) == 1;
}

bool setTime(ASN1_TIME* field, const QDateTime& time)
{
    return ASN1_TIME_set(field, static_cast<time_t>(time.toSecsSinceEpoch())) != nullptr;
}

// Version 3, random serial, subject O=Baton[, OU=unit], CN=commonName, the period and the key.
OpenSsl::Certificate newCertificate(const QString& commonName, const QString& unit, EVP_PKEY* key,
                                    const QDateTime& notBefore, const QDateTime& notAfter)
{
    OpenSsl::Certificate certificate(X509_new());
    if (!certificate)
        return {};
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    const bool ok =
        X509_set_version(certificate.get(), X509_VERSION_3) == 1 && setRandomSerial(certificate.get()) &&
        addNameEntry(subject, "O", QStringLiteral("Baton")) &&
        (unit.isEmpty() || addNameEntry(subject, "OU", unit)) && addNameEntry(subject, "CN", commonName) &&
        setTime(X509_getm_notBefore(certificate.get()), notBefore) &&
        setTime(X509_getm_notAfter(certificate.get()), notAfter) &&
        X509_set_pubkey(certificate.get(), key) == 1;
    return ok ? std::move(certificate) : OpenSsl::Certificate();
}

// Only fixed strings go through OpenSSL's configuration syntax; names are added as structures.
bool addExtension(X509* certificate, X509V3_CTX* context, int nid, const char* value)
{
    const OpenSsl::Extension extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool addSubjectAltNames(X509* certificate, const QList<AltName>& names)
{
    const OpenSsl::GeneralNames list(sk_GENERAL_NAME_new_null());
    if (!list)
        return false;
    for (const AltName& name : names) {
        OpenSsl::GeneralName entry(GENERAL_NAME_new());
        ASN1_STRING* value = name.type == GEN_DNS ? ASN1_IA5STRING_new() : ASN1_OCTET_STRING_new();
        if (!entry || value == nullptr ||
            ASN1_STRING_set(value, name.value.constData(), static_cast<int>(name.value.size())) != 1) {
            ASN1_STRING_free(value);
            return false;
        }
        GENERAL_NAME_set0_value(entry.get(), name.type, value); // entry owns value now
        if (sk_GENERAL_NAME_push(list.get(), entry.get()) == 0)
            return false;
        entry.release(); // list owns entry now
    }
    return X509_add1_ext_i2d(certificate, NID_subject_alt_name, list.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

OpenSsl::Key newKey()
{
    return OpenSsl::Key(EVP_EC_gen("P-256"));
}

} // namespace

struct CertificateAuthority::Leaf
{
    QString name;
    QString unit;
    const char* extendedKeyUsage = nullptr;
    QList<AltName> altNames;
};

Validity Validity::days(int n)
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    return {now.addSecs(-3600), now.addDays(n)};
}

std::optional<CertificateAuthority> CertificateAuthority::create(const QString& name,
                                                                 const Validity& validity, QString* error)
{
    if (!checkName(name, QStringLiteral("CA"), error) || !checkValidity(validity, error))
        return std::nullopt;
    ERR_clear_error();
    const OpenSsl::Key key = newKey();
    if (!key)
        return failOpenSsl(error, QStringLiteral("cannot generate a P-256 key"));
    const OpenSsl::Certificate certificate =
        newCertificate(name, {}, key.get(), validity.notBefore, validity.notAfter);
    if (!certificate)
        return failOpenSsl(error, QStringLiteral("cannot build the CA certificate"));
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    // pathlen:0: the CA signs agents and consoles only, never another CA.
    if (X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate.get())) != 1 ||
        !addExtension(certificate.get(), &context, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(certificate.get(), &context, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(certificate.get(), &context, NID_subject_key_identifier, "hash") ||
        X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return failOpenSsl(error, QStringLiteral("cannot build the CA certificate"));
    return load(OpenSsl::certificatePem(certificate.get()), OpenSsl::privateKeyPem(key.get()), error);
}

std::optional<CertificateAuthority> CertificateAuthority::load(const QByteArray& certificatePem,
                                                               const QByteArray& keyPem, QString* error)
{
    ERR_clear_error();
    const OpenSsl::Certificate certificate = OpenSsl::readCertificate(certificatePem);
    if (!certificate)
        return fail(error,
                    QStringLiteral("CA certificate: not a PEM certificate (%1)").arg(OpenSsl::takeError()));
    const OpenSsl::Key key = OpenSsl::readPrivateKey(keyPem);
    if (!key)
        return fail(
            error,
            QStringLiteral("CA key: not an unencrypted PEM private key (%1)").arg(OpenSsl::takeError()));
    const QString name = OpenSsl::commonName(certificate.get());
    if (X509_check_private_key(certificate.get(), key.get()) != 1) {
        ERR_clear_error();
        return fail(error,
                    QStringLiteral("the CA key does not belong to the CA certificate (CN=%1)").arg(name));
    }
    if (!OpenSsl::isCa(certificate.get()))
        return fail(error,
                    QStringLiteral("certificate CN=%1 is not a CA certificate (it needs basicConstraints "
                                   "CA:TRUE and keyCertSign)")
                        .arg(name));
    CertificateAuthority ca;
    ca.m_certificatePem = OpenSsl::certificatePem(certificate.get());
    ca.m_keyPem = OpenSsl::privateKeyPem(key.get());
    ca.m_name = name;
    ca.m_notBefore = OpenSsl::notBefore(certificate.get());
    ca.m_notAfter = OpenSsl::notAfter(certificate.get());
    if (ca.m_certificatePem.isEmpty() || ca.m_keyPem.isEmpty() || !ca.m_notBefore.isValid() ||
        !ca.m_notAfter.isValid())
        return failOpenSsl(error, QStringLiteral("cannot read the CA certificate CN=%1").arg(name));
    return ca;
}

std::optional<CertificateAuthority::Leaf>
CertificateAuthority::agentLeaf(const QString& name, const QStringList& addresses, QString* error) const
{
    if (!checkName(name, QStringLiteral("agent"), error))
        return std::nullopt;
    // The name goes into subjectAltName as a DNS name too, so it has to be one.
    if (!isHostName(name))
        return fail(error, QStringLiteral("the agent name '%1' is not a host name (letters, digits, '-' and "
                                          "'_', dot-separated)")
                               .arg(name));
    if (addresses.isEmpty())
        return fail(
            error,
            QStringLiteral("agent '%1' needs at least one address (the one consoles connect to)").arg(name));
    // clientAuth too: an agent dials its partner's peer link. The control channel refuses an agent's
    // certificate from a console all the same (ControlSession), so a stolen agent key is no console.
    Leaf leaf{name, QStringLiteral("agent"), "serverAuth,clientAuth", {AltName{GEN_DNS, name.toLatin1()}}};
    for (const QString& address : addresses) {
        const auto altName = altNameFor(address, error);
        if (!altName)
            return std::nullopt;
        if (!leaf.altNames.contains(*altName))
            leaf.altNames << *altName;
    }
    return leaf;
}

std::optional<IssuedCertificate> CertificateAuthority::issueAgent(const QString& name,
                                                                  const QStringList& addresses,
                                                                  const Validity& validity,
                                                                  QString* error) const
{
    const auto leaf = agentLeaf(name, addresses, error);
    if (!leaf)
        return std::nullopt;
    return issue(*leaf, validity, error);
}

std::optional<IssuedCertificate> CertificateAuthority::issueAgentForKey(const QString& name,
                                                                        const QStringList& addresses,
                                                                        const QByteArray& publicKeyPem,
                                                                        const Validity& validity,
                                                                        QString* error) const
{
    const auto leaf = agentLeaf(name, addresses, error);
    if (!leaf)
        return std::nullopt;
    if (publicKeyPem.isEmpty())
        return fail(error, QStringLiteral("no public key for agent '%1'").arg(name));
    return issue(*leaf, validity, error, publicKeyPem);
}

std::optional<GeneratedKey> GeneratedKey::create(QString* error)
{
    ERR_clear_error();
    const OpenSsl::Key key = newKey();
    if (!key)
        return failOpenSsl(error, QStringLiteral("cannot generate a P-256 key"));
    GeneratedKey generated{OpenSsl::privateKeyPem(key.get()), OpenSsl::publicKeyPem(key.get())};
    if (generated.keyPem.isEmpty() || generated.publicKeyPem.isEmpty())
        return failOpenSsl(error, QStringLiteral("cannot write the generated key"));
    return generated;
}

std::optional<IssuedCertificate> CertificateAuthority::issueConsole(const QString& name, ConsoleAccess access,
                                                                    const Validity& validity,
                                                                    QString* error) const
{
    if (!checkName(name, QStringLiteral("console"), error))
        return std::nullopt;
    return issue(Leaf{name, ConsoleRole::name(access), "clientAuth", {}}, validity, error);
}

std::optional<IssuedCertificate> CertificateAuthority::issue(const Leaf& leaf, const Validity& validity,
                                                             QString* error,
                                                             const QByteArray& publicKeyPem) const
{
    if (!checkValidity(validity, error))
        return std::nullopt;
    const QDateTime notBefore = std::max(validity.notBefore, m_notBefore);
    const QDateTime notAfter = std::min(validity.notAfter, m_notAfter);
    if (notAfter <= notBefore) {
        if (m_notAfter <= QDateTime::currentDateTimeUtc())
            return fail(error,
                        QStringLiteral("the CA '%1' expired on %2; it cannot issue certificates any more")
                            .arg(m_name, isoDate(m_notAfter)));
        return fail(error,
                    QStringLiteral("the requested validity (%1 to %2) lies outside the CA's (%3 to %4)")
                        .arg(isoDate(validity.notBefore), isoDate(validity.notAfter), isoDate(m_notBefore),
                             isoDate(m_notAfter)));
    }
    ERR_clear_error();
    const OpenSsl::Certificate caCertificate = OpenSsl::readCertificate(m_certificatePem);
    const OpenSsl::Key caKey = OpenSsl::readPrivateKey(m_keyPem);
    if (!caCertificate || !caKey)
        return failOpenSsl(error, QStringLiteral("cannot read the CA '%1'").arg(m_name));
    const bool ownKey = publicKeyPem.isEmpty();
    const OpenSsl::Key key = ownKey ? newKey() : OpenSsl::readPublicKey(publicKeyPem);
    if (!key)
        return ownKey ? failOpenSsl(error, QStringLiteral("cannot generate a P-256 key"))
                      : fail(error, QStringLiteral("the public key for '%1' is not a PEM public key (%2)")
                                        .arg(leaf.name, OpenSsl::takeError()));
    if (!ownKey && !OpenSsl::isP256(key.get()))
        return fail(error,
                    QStringLiteral("the public key for '%1' is not an ECDSA P-256 key").arg(leaf.name));
    const OpenSsl::Certificate certificate =
        newCertificate(leaf.name, leaf.unit, key.get(), notBefore, notAfter);
    const QString what = QStringLiteral("cannot build the certificate for '%1'").arg(leaf.name);
    if (!certificate)
        return failOpenSsl(error, what);
    X509V3_CTX context;
    X509V3_set_ctx(&context, caCertificate.get(), certificate.get(), nullptr, nullptr, 0);
    // TLS 1.3 uses the key for signatures only: no keyEncipherment, no keyAgreement.
    if (X509_set_issuer_name(certificate.get(), X509_get_subject_name(caCertificate.get())) != 1 ||
        !addExtension(certificate.get(), &context, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature") ||
        !addExtension(certificate.get(), &context, NID_ext_key_usage, leaf.extendedKeyUsage) ||
        !addExtension(certificate.get(), &context, NID_subject_key_identifier, "hash") ||
        !addExtension(certificate.get(), &context, NID_authority_key_identifier, "keyid:always") ||
        (!leaf.altNames.isEmpty() && !addSubjectAltNames(certificate.get(), leaf.altNames)) ||
        X509_sign(certificate.get(), caKey.get(), EVP_sha256()) <= 0)
        return failOpenSsl(error, what);
    IssuedCertificate issued{OpenSsl::certificatePem(certificate.get()),
                             ownKey ? OpenSsl::privateKeyPem(key.get()) : QByteArray()};
    if (issued.certificatePem.isEmpty() || (ownKey && issued.keyPem.isEmpty()))
        return failOpenSsl(error, what);
    return issued;
}

} // namespace baton
