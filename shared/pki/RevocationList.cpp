// SPDX-License-Identifier: GPL-3.0-or-later
#include "RevocationList.h"

#include "CertificateAuthority.h"
#include "OpenSsl.h"
#include "util/Fail.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace baton {

namespace {
using Crl = std::unique_ptr<X509_CRL, OpenSsl::Deleter<X509_CRL_free>>;
using Revoked = std::unique_ptr<X509_REVOKED, OpenSsl::Deleter<X509_REVOKED_free>>;
using Integer = std::unique_ptr<ASN1_INTEGER, OpenSsl::Deleter<ASN1_INTEGER_free>>;
using Time = std::unique_ptr<ASN1_TIME, OpenSsl::Deleter<ASN1_TIME_free>>;

QByteArray hexOf(const ASN1_INTEGER* serial)
{
    const OpenSsl::Bignum number(ASN1_INTEGER_to_BN(serial, nullptr));
    if (!number)
        return {};
    char* hex = BN_bn2hex(number.get());
    QByteArray out = QByteArray(hex).toLower();
    OPENSSL_free(hex);
    while (out.size() > 1 && out.startsWith('0'))
        out.remove(0, 1);
    return out;
}

Integer integerOf(const QByteArray& hex)
{
    BIGNUM* raw = nullptr;
    if (hex.isEmpty() || BN_hex2bn(&raw, hex.constData()) != hex.size())
        return Integer();
    const OpenSsl::Bignum number(raw);
    return Integer(BN_to_ASN1_INTEGER(number.get(), nullptr));
}

Time timeOf(const QDateTime& when)
{
    return Time(ASN1_TIME_set(nullptr, static_cast<time_t>(when.toSecsSinceEpoch())));
}
} // namespace

QByteArray RevocationList::serialOf(const QByteArray& certificatePem)
{
    const OpenSsl::Certificate certificate = OpenSsl::readCertificate(certificatePem);
    return certificate ? hexOf(X509_get0_serialNumber(certificate.get())) : QByteArray();
}

std::optional<RevocationList> RevocationList::create(const CertificateAuthority& ca,
                                                     const QList<Entry>& entries, qint64 number,
                                                     QString* error)
{
    ERR_clear_error();
    const OpenSsl::Certificate caCertificate = OpenSsl::readCertificate(ca.certificatePem());
    const OpenSsl::Key caKey = OpenSsl::readPrivateKey(ca.keyPem());
    if (!caCertificate || !caKey)
        return fail(error, QStringLiteral("cannot read the CA '%1'").arg(ca.name()));
    const Crl crl(X509_CRL_new());
    const Time now = timeOf(QDateTime::currentDateTimeUtc());
    const Time until = timeOf(ca.notAfter());
    const Integer crlNumber(ASN1_INTEGER_new());
    if (!crl || !now || !until || !crlNumber || X509_CRL_set_version(crl.get(), 1) != 1 ||
        X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(caCertificate.get())) != 1 ||
        X509_CRL_set1_lastUpdate(crl.get(), now.get()) != 1 ||
        X509_CRL_set1_nextUpdate(crl.get(), until.get()) != 1 ||
        ASN1_INTEGER_set_int64(crlNumber.get(), number) != 1 ||
        X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, crlNumber.get(), 0, 0) != 1)
        return fail(error, QStringLiteral("cannot build the revocation list: %1").arg(OpenSsl::takeError()));
    for (const Entry& entry : entries) {
        Revoked revoked(X509_REVOKED_new());
        const Integer serial = integerOf(entry.serial);
        const Time when = timeOf(entry.revokedAt);
        if (!revoked || !serial || !when || X509_REVOKED_set_serialNumber(revoked.get(), serial.get()) != 1 ||
            X509_REVOKED_set_revocationDate(revoked.get(), when.get()) != 1 ||
            X509_CRL_add0_revoked(crl.get(), revoked.get()) != 1)
            return fail(error, QStringLiteral("cannot add serial %1 to the revocation list")
                                   .arg(QString::fromLatin1(entry.serial)));
        (void)revoked.release(); // the CRL owns it now
    }
    if (X509_CRL_sort(crl.get()) != 1 || X509_CRL_sign(crl.get(), caKey.get(), EVP_sha256()) <= 0)
        return fail(error, QStringLiteral("cannot sign the revocation list: %1").arg(OpenSsl::takeError()));
    OpenSsl::Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509_CRL(bio.get(), crl.get()) != 1)
        return fail(error, QStringLiteral("cannot write the revocation list"));
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return read(QByteArray(data, static_cast<qsizetype>(size)), ca.certificatePem(), error);
}

std::optional<RevocationList> RevocationList::read(const QByteArray& pem, const QByteArray& caCertificatePem,
                                                   QString* error)
{
    ERR_clear_error();
    OpenSsl::Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    const Crl crl(bio ? PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!crl)
        return fail(error,
                    QStringLiteral("not a PEM certificate revocation list (%1)").arg(OpenSsl::takeError()));
    const OpenSsl::Certificate ca = OpenSsl::readCertificate(caCertificatePem);
    if (!ca)
        return fail(error, QStringLiteral("cannot read the CA certificate"));
    EVP_PKEY* caKey = X509_get0_pubkey(ca.get());
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(ca.get())) != 0 || !caKey ||
        X509_CRL_verify(crl.get(), caKey) != 1) {
        ERR_clear_error();
        return fail(error, QStringLiteral("the revocation list was not signed by this cluster's CA (%1)")
                               .arg(OpenSsl::commonName(ca.get())));
    }
    RevocationList list;
    int critical = 0;
    const Integer crlNumber(
        static_cast<ASN1_INTEGER*>(X509_CRL_get_ext_d2i(crl.get(), NID_crl_number, &critical, nullptr)));
    int64_t number = 0;
    if (!crlNumber || ASN1_INTEGER_get_int64(&number, crlNumber.get()) != 1 || number < 0)
        return fail(error, QStringLiteral("the revocation list has no usable number"));
    list.m_number = number;
    const STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl.get());
    for (int i = 0; revoked && i < sk_X509_REVOKED_num(revoked); ++i) {
        const X509_REVOKED* r = sk_X509_REVOKED_value(revoked, i);
        Entry entry{hexOf(X509_REVOKED_get0_serialNumber(r)),
                    OpenSsl::dateTime(X509_REVOKED_get0_revocationDate(r))};
        list.m_serials.insert(entry.serial);
        list.m_entries << entry;
    }
    list.m_pem = pem;
    return list;
}

} // namespace baton
