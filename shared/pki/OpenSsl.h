// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace baton {

// Internal to shared/pki: owning handles for the OpenSSL objects the PKI code builds and reads, and
// the conversions they all need. Only .cpp files include it, so the public headers stay OpenSSL-free.
class OpenSsl
{
public:
    template <auto Free>
    struct Deleter
    {
        template <typename T>
        void operator()(T* object) const
        {
            Free(object);
        }
    };
    using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;
    using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
    using Bio = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
    using Bignum = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
    using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
    using GeneralName = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME_free>>;
    using GeneralNames = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;

    // The first PEM block of its kind; null if there is none. Encrypted keys are refused rather than
    // prompted for on the terminal (OpenSSL's default when no password callback is given).
    static Certificate readCertificate(const QByteArray& pem);
    static Key readPrivateKey(const QByteArray& pem);
    static Key readPublicKey(const QByteArray& pem); // SubjectPublicKeyInfo
    static bool isP256(EVP_PKEY* key);
    // An encrypted PKCS#8 key with its passphrase (a plain key loads too).
    static Key readPrivateKey(const QByteArray& pem, const QByteArray& passphrase);
    static bool isEncryptedKey(const QByteArray& pem) { return pem.contains("ENCRYPTED PRIVATE KEY"); }
    static QByteArray certificatePem(X509* certificate);
    static QByteArray privateKeyPem(EVP_PKEY* key); // PKCS#8, unencrypted
    static QByteArray publicKeyPem(EVP_PKEY* key);  // SubjectPublicKeyInfo
    // PKCS#8 encrypted with AES-256-CBC under a key derived from the passphrase.
    static QByteArray encryptedPrivateKeyPem(EVP_PKEY* key, const QByteArray& passphrase);

    static QDateTime dateTime(const ASN1_TIME* time); // invalid if unreadable
    static QDateTime notBefore(const X509* certificate) { return dateTime(X509_get0_notBefore(certificate)); }
    static QDateTime notAfter(const X509* certificate) { return dateTime(X509_get0_notAfter(certificate)); }
    static QString commonName(X509* certificate);
    // basicConstraints CA:TRUE and, if keyUsage is present, keyCertSign.
    static bool isCa(X509* certificate);
    // Issued by ca by name and key identifier, and the signature checks out with ca's public key.
    static bool isIssuedBy(X509* certificate, X509* ca);

    // Drains this thread's OpenSSL error queue (which Qt's TLS backend shares) and returns the
    // reason of the first error, or fallback if the queue was empty.
    static QString takeError(const QString& fallback = QStringLiteral("unknown OpenSSL error"));
};

} // namespace baton
