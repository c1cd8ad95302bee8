// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStringList>

#include <optional>

namespace baton {

// What one end of the control channel needs: the cluster CA it trusts (and nothing else), its own
// certificate and its private key. The agent is the TLS server, a console the client; both sides
// verify each other (mutual TLS 1.3).
struct TlsIdentity
{
    QSslCertificate ca;
    QSslCertificate certificate;
    QSslKey key;

    // Refused, with an error naming the file and the problem, if a file is missing, unreadable or
    // not PEM; if caFile does not hold a CA certificate or the CA has expired; if the key does not
    // belong to the certificate; if the certificate was not issued by that CA; or if it is expired
    // or not yet valid by this host's clock (peers would refuse it, or this host's clock is wrong).
    static std::optional<TlsIdentity> loadFiles(const QString& caFile, const QString& certificateFile,
                                                const QString& keyFile, QString* error);
    // What an administrator should hear about an agent's TLS files, for --check and start-up: a
    // file that would not load, a private key that others may read, a certificate or CA that
    // expires within `warnDays`. Empty when all is well.
    static QStringList problems(const QString& caFile, const QString& certificateFile, const QString& keyFile,
                                int warnDays);
    // A console of a PkiDirectory. An empty name picks the only console there; with several, the
    // error lists them.
    static std::optional<TlsIdentity> loadConsole(const QString& pkiDir, const QString& consoleName,
                                                  QString* error);

    // TLS 1.3 only, our CA as the only trust anchor (no system roots), own certificate and key.
    // The server requires a client certificate; OpenSSL then also requires clientAuth in the
    // client's extended key usage (serverAuth in the server's, on the client side).
    QSslConfiguration serverConfiguration() const;
    // Qt checks that the agent's certificate names the host dialled (an IP: subjectAltName for an
    // address), so connect to the address the agent's certificate was issued for.
    QSslConfiguration clientConfiguration() const;
    // Whether the certificate may act as a TLS client (EKU clientAuth, or no EKU at all): an agent's
    // from before the peer link was added cannot dial its partner.
    bool hasClientUsage() const;
};

} // namespace baton
