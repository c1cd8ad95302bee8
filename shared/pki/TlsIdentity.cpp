// SPDX-License-Identifier: GPL-3.0-or-later
#include "TlsIdentity.h"

#include "OpenSsl.h"
#include "PkiDirectory.h"
#include "util/Fail.h"

#include <QFileInfo>
#include <QSslSocket>

#include <openssl/err.h>
#include <openssl/x509v3.h>

namespace baton {

namespace {

QString isoDate(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Not yet valid or expired by this host's clock: the error for `what`, empty if valid now.
QString validityProblem(const QString& what, X509* certificate)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime notBefore = OpenSsl::notBefore(certificate);
    const QDateTime notAfter = OpenSsl::notAfter(certificate);
    if (!notBefore.isValid() || !notAfter.isValid())
        return QStringLiteral("%1 has an unreadable validity period").arg(what);
    if (notAfter < now)
        return QStringLiteral("%1 expired on %2").arg(what, isoDate(notAfter));
    if (notBefore > now)
        return QStringLiteral("%1 is not valid before %2 (this host's clock says %3)")
            .arg(what, isoDate(notBefore), isoDate(now));
    return {};
}

QSslConfiguration configuration(const TlsIdentity& identity)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_3);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Replaces the system roots and turns off Qt's on-demand loading of them.
    configuration.setCaCertificates({identity.ca});
    configuration.setLocalCertificate(identity.certificate);
    configuration.setPrivateKey(identity.key);
    return configuration;
}

} // namespace

std::optional<TlsIdentity> TlsIdentity::loadFiles(const QString& caFile, const QString& certificateFile,
                                                  const QString& keyFile, QString* error)
{
    const auto caPem = PkiDirectory::readPemFile(caFile, error);
    if (!caPem)
        return std::nullopt;
    const auto certificatePem = PkiDirectory::readPemFile(certificateFile, error);
    if (!certificatePem)
        return std::nullopt;
    const auto keyPem = PkiDirectory::readPemFile(keyFile, error);
    if (!keyPem)
        return std::nullopt;

    ERR_clear_error();
    // OpenSSL for the checks Qt has no API for (key match, issuer signature); Qt's own objects for
    // the sockets.
    const OpenSsl::Certificate ca = OpenSsl::readCertificate(*caPem);
    if (!ca)
        return fail(error,
                    QStringLiteral("'%1': no PEM certificate in it (%2)").arg(caFile, OpenSsl::takeError()));
    if (!OpenSsl::isCa(ca.get()))
        return fail(error, QStringLiteral("'%1' is not a CA certificate (CN=%2)")
                               .arg(caFile, OpenSsl::commonName(ca.get())));
    const OpenSsl::Certificate certificate = OpenSsl::readCertificate(*certificatePem);
    if (!certificate)
        return fail(
            error,
            QStringLiteral("'%1': no PEM certificate in it (%2)").arg(certificateFile, OpenSsl::takeError()));
    const OpenSsl::Key key = OpenSsl::readPrivateKey(*keyPem);
    if (!key)
        return fail(error, QStringLiteral("'%1': no unencrypted PEM private key in it (%2)")
                               .arg(keyFile, OpenSsl::takeError()));
    if (X509_check_private_key(certificate.get(), key.get()) != 1) {
        ERR_clear_error();
        return fail(error, QStringLiteral("the key in '%1' does not belong to the certificate in '%2'")
                               .arg(keyFile, certificateFile));
    }
    if (!OpenSsl::isIssuedBy(certificate.get(), ca.get()))
        return fail(error,
                    QStringLiteral("the certificate in '%1' (CN=%2) was not issued by the CA in '%3' (CN=%4)")
                        .arg(certificateFile, OpenSsl::commonName(certificate.get()), caFile,
                             OpenSsl::commonName(ca.get())));
    for (const auto& [what, x509] :
         {std::pair{QStringLiteral("the CA certificate in '%1'").arg(caFile), ca.get()},
          std::pair{QStringLiteral("the certificate in '%1'").arg(certificateFile), certificate.get()}}) {
        if (const QString problem = validityProblem(what, x509); !problem.isEmpty())
            return fail(error, problem);
    }

    TlsIdentity identity;
    identity.ca = QSslCertificate(*caPem, QSsl::Pem);
    identity.certificate = QSslCertificate(*certificatePem, QSsl::Pem);
    const int keyType = EVP_PKEY_get_base_id(key.get());
    if (keyType != EVP_PKEY_EC && keyType != EVP_PKEY_RSA)
        return fail(error, QStringLiteral("the key in '%1' is neither an EC nor an RSA key").arg(keyFile));
    identity.key =
        QSslKey(*keyPem, keyType == EVP_PKEY_EC ? QSsl::Ec : QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (identity.ca.isNull() || identity.certificate.isNull() || identity.key.isNull())
        return fail(error, QStringLiteral("Qt's TLS backend (%1) cannot read '%2', '%3' or '%4'")
                               .arg(QSslSocket::activeBackend(), caFile, certificateFile, keyFile));
    return identity;
}

QStringList TlsIdentity::problems(const QString& caFile, const QString& certificateFile,
                                  const QString& keyFile, int warnDays)
{
    QStringList out;
    const QFileInfo key(keyFile);
    if (key.exists() && (key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        out << QStringLiteral("control channel: the private key '%1' is readable by group or others; "
                              "anyone who can read it can act as this agent (chmod 600)")
                   .arg(keyFile);
    QString error;
    const std::optional<TlsIdentity> identity = loadFiles(caFile, certificateFile, keyFile, &error);
    if (!identity) {
        out << QStringLiteral("control channel: %1; batond runs failover without it and retries").arg(error);
        return out;
    }
    const QDateTime soon = QDateTime::currentDateTimeUtc().addDays(warnDays);
    for (const auto& [file, certificate] :
         {std::pair{caFile, identity->ca}, std::pair{certificateFile, identity->certificate}})
        if (certificate.expiryDate() < soon)
            out << QStringLiteral(
                       "control channel: the certificate in '%1' expires on %2; issue a new one before then")
                       .arg(file, isoDate(certificate.expiryDate()));
    return out;
}

std::optional<TlsIdentity> TlsIdentity::loadConsole(const QString& pkiDir, const QString& consoleName,
                                                    QString* error)
{
    QString name = consoleName;
    if (name.isEmpty()) {
        const QStringList names = PkiDirectory::consoleNames(pkiDir);
        if (names.isEmpty())
            return fail(error, QStringLiteral("no console certificate in '%1'")
                                   .arg(PkiDirectory::consoleCertificateFile(pkiDir, QStringLiteral("*"))));
        if (names.size() > 1)
            return fail(error, QStringLiteral("several consoles in '%1' (%2): choose one")
                                   .arg(pkiDir, names.join(QStringLiteral(", "))));
        name = names.first();
    } else if (!PkiDirectory::isValidName(name)) {
        return fail(error, QStringLiteral("bad console name '%1'").arg(name));
    }
    return loadFiles(PkiDirectory::caCertificateFile(pkiDir),
                     PkiDirectory::consoleCertificateFile(pkiDir, name),
                     PkiDirectory::consoleKeyFile(pkiDir, name), error);
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration server = configuration(*this);
    // OpenSSL itself ends the handshake when a client sends no certificate, rather than Qt after it.
    server.setMissingCertificateIsFatal(true);
    return server;
}

QSslConfiguration TlsIdentity::clientConfiguration() const
{
    return configuration(*this);
}

bool TlsIdentity::hasClientUsage() const
{
    const OpenSsl::Certificate x509 = OpenSsl::readCertificate(certificate.toPem());
    if (!x509)
        return false;
    const bool restricted = (X509_get_extension_flags(x509.get()) & EXFLAG_XKUSAGE) != 0;
    return !restricted || (X509_get_extended_key_usage(x509.get()) & XKU_SSL_CLIENT) != 0;
}

} // namespace baton
