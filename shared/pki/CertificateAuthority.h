// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsoleRole.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace baton {

// A certificate's validity period (UTC, whole seconds).
struct Validity
{
    QDateTime notBefore;
    QDateTime notAfter;

    // From an hour ago (a peer whose clock is a little behind still accepts it) to n days ahead.
    static Validity days(int n);
};

// A key pair made where it is used (an agent's server): the private half stays there, the public
// half travels to the CA.
struct GeneratedKey
{
    QByteArray keyPem;       // PKCS#8, unencrypted
    QByteArray publicKeyPem; // SubjectPublicKeyInfo
    static std::optional<GeneratedKey> create(QString* error);
};

struct IssuedCertificate
{
    QByteArray certificatePem;
    QByteArray keyPem; // PKCS#8, unencrypted: protect the file, not the bytes
};

// The control channel's private certificate authority: one per cluster, owned by the desktop tool.
// It signs the agents' TLS server certificates and the consoles' TLS client certificates; the
// agents and consoles trust only it. All keys are ECDSA P-256, all signatures SHA-256, all serials
// random 127-bit numbers.
class CertificateAuthority
{
public:
    static constexpr int DefaultCaDays = 3650;  // 10 years
    static constexpr int DefaultLeafDays = 730; // 2 years
    static constexpr int MaxNameLength = 64;    // X.520's upper bound for a common name

    // A new self-signed CA: CN=name, O=Baton; basicConstraints critical CA:TRUE pathlen:0, keyUsage
    // critical keyCertSign+cRLSign, subjectKeyIdentifier.
    static std::optional<CertificateAuthority> create(const QString& name, const Validity& validity,
                                                      QString* error);
    // An existing CA. Refused unless the key belongs to the certificate and the certificate is a CA.
    // An expired CA loads (to be inspected) but issues nothing.
    static std::optional<CertificateAuthority> load(const QByteArray& certificatePem,
                                                    const QByteArray& keyPem, QString* error);

    QByteArray certificatePem() const { return m_certificatePem; }
    QByteArray keyPem() const { return m_keyPem; }
    QString name() const { return m_name; }
    QDateTime notBefore() const { return m_notBefore; }
    QDateTime notAfter() const { return m_notAfter; }

    // Issued certificates never outlive the CA: the requested period is clamped to the CA's own (a
    // certificate valid past its CA would fail verification then anyway); if nothing of it is left,
    // for instance because the CA has expired, issuing is refused with an error saying so.
    //
    // Agent (TLS server, and client of its partner's peer link): CN=name, OU=agent, O=Baton;
    // subjectAltName DNS:name plus, for each address, IP: if it is an IPv4 (dotted quad) or IPv6
    // address, DNS: if it is a host name; at least one address. EKU serverAuth and clientAuth,
    // keyUsage digitalSignature, CA:FALSE, SKI, AKI.
    std::optional<IssuedCertificate> issueAgent(const QString& name, const QStringList& addresses,
                                                const Validity& validity, QString* error) const;
    // The same certificate for a public key made elsewhere (GeneratedKey on the agent's server):
    // the private key never reaches the CA's machine. keyPem of the result is empty. Only P-256
    // keys are taken, as for every other certificate of this CA.
    std::optional<IssuedCertificate> issueAgentForKey(const QString& name, const QStringList& addresses,
                                                      const QByteArray& publicKeyPem,
                                                      const Validity& validity, QString* error) const;
    // Console (TLS client): CN=name, OU="operator" or "read-only" (ConsoleRole), O=Baton;
    // EKU clientAuth only, otherwise as an agent's, without subjectAltName.
    std::optional<IssuedCertificate> issueConsole(const QString& name, ConsoleAccess access,
                                                  const Validity& validity, QString* error) const;

private:
    struct Leaf;

    CertificateAuthority() = default;
    std::optional<IssuedCertificate> issue(const Leaf& leaf, const Validity& validity, QString* error,
                                           const QByteArray& publicKeyPem = {}) const;
    std::optional<Leaf> agentLeaf(const QString& name, const QStringList& addresses, QString* error) const;

    // Kept as PEM: copyable, and re-read per issue (microseconds) instead of owning OpenSSL objects.
    QByteArray m_certificatePem;
    QByteArray m_keyPem;
    QString m_name;
    QDateTime m_notBefore;
    QDateTime m_notAfter;
};

} // namespace baton
