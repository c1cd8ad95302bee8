// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenSsl.h"

#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace baton {

namespace {

OpenSsl::Bio memoryBio(const QByteArray& data)
{
    return OpenSsl::Bio(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

QByteArray contents(BIO* bio)
{
    BUF_MEM* buffer = nullptr;
    BIO_get_mem_ptr(bio, &buffer);
    return buffer != nullptr ? QByteArray(buffer->data, static_cast<qsizetype>(buffer->length))
                             : QByteArray();
}

// No password: an encrypted key fails to load instead of blocking on a terminal prompt.
int noPassword(char*, int, int, void*)
{
    return -1;
}

} // namespace

OpenSsl::Certificate OpenSsl::readCertificate(const QByteArray& pem)
{
    const Bio bio = memoryBio(pem);
    return Certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr) : nullptr);
}

OpenSsl::Key OpenSsl::readPrivateKey(const QByteArray& pem)
{
    const Bio bio = memoryBio(pem);
    return Key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr) : nullptr);
}

OpenSsl::Key OpenSsl::readPublicKey(const QByteArray& pem)
{
    const Bio bio = memoryBio(pem);
    return Key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassword, nullptr) : nullptr);
}

bool OpenSsl::isP256(EVP_PKEY* key)
{
    char group[32] = {};
    std::size_t length = 0;
    return EVP_PKEY_is_a(key, "EC") == 1 &&
           EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) == 1 &&
           qstrcmp(group, "prime256v1") == 0;
}

OpenSsl::Key OpenSsl::readPrivateKey(const QByteArray& pem, const QByteArray& passphrase)
{
    const Bio bio = memoryBio(pem);
    QByteArray copy = passphrase; // OpenSSL takes a non-const pointer
    return Key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, copy.data()) : nullptr);
}

QByteArray OpenSsl::encryptedPrivateKeyPem(EVP_PKEY* key, const QByteArray& passphrase)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    QByteArray copy = passphrase;
    if (!bio || passphrase.isEmpty() ||
        PEM_write_bio_PKCS8PrivateKey(bio.get(), key, EVP_aes_256_cbc(), nullptr, 0, nullptr, copy.data()) !=
            1)
        return {};
    return contents(bio.get());
}

QByteArray OpenSsl::certificatePem(X509* certificate)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return {};
    return contents(bio.get());
}

QByteArray OpenSsl::privateKeyPem(EVP_PKEY* key)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return contents(bio.get());
}

QByteArray OpenSsl::publicKeyPem(EVP_PKEY* key)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1)
        return {};
    return contents(bio.get());
}

QDateTime OpenSsl::dateTime(const ASN1_TIME* time)
{
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString OpenSsl::commonName(X509* certificate)
{
    const X509_NAME* subject = X509_get_subject_name(certificate);
    const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index < 0)
        return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    const QString name = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return name;
}

bool OpenSsl::isCa(X509* certificate)
{
    // X509_get_extension_flags() computes the cached extension data first.
    const uint32_t flags = X509_get_extension_flags(certificate);
    if ((flags & EXFLAG_INVALID) != 0 || (flags & EXFLAG_CA) == 0)
        return false;
    return (flags & EXFLAG_KUSAGE) == 0 || (X509_get_key_usage(certificate) & KU_KEY_CERT_SIGN) != 0;
}

bool OpenSsl::isIssuedBy(X509* certificate, X509* ca)
{
    EVP_PKEY* caKey = X509_get0_pubkey(ca);
    const bool issued = X509_check_issued(ca, certificate) == X509_V_OK && caKey != nullptr &&
                        X509_verify(certificate, caKey) == 1;
    ERR_clear_error();
    return issued;
}

QString OpenSsl::takeError(const QString& fallback)
{
    const unsigned long first = ERR_get_error();
    ERR_clear_error();
    if (first == 0)
        return fallback;
    const char* reason = ERR_reason_error_string(first);
    return reason != nullptr ? QString::fromUtf8(reason)
                             : QStringLiteral("OpenSSL error %1").arg(first, 0, 16);
}

} // namespace baton
