// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace baton {

class CertificateAuthority;

// The certificates the cluster's CA has withdrawn: an X.509 CRL signed by the CA, so an agent can
// take a new list from anyone (the deployment, a console) and trust only what the CA signed. A
// number that only grows keeps an older list from replacing a newer one. Serials are lower-case
// hex without separators or leading zeros.
class RevocationList
{
public:
    struct Entry
    {
        QByteArray serial;
        QDateTime revokedAt;
        bool operator==(const Entry&) const = default;
    };

    // Signed by `ca`, valid until the CA itself expires (an agent must never start accepting a
    // withdrawn certificate because a list went stale).
    static std::optional<RevocationList> create(const CertificateAuthority& ca, const QList<Entry>& entries,
                                                qint64 number, QString* error);
    // A PEM CRL, checked against the CA certificate (PEM): issuer, signature, number.
    static std::optional<RevocationList> read(const QByteArray& pem, const QByteArray& caCertificatePem,
                                              QString* error);
    // The serial of a PEM certificate, as the list keeps them; empty if unreadable.
    static QByteArray serialOf(const QByteArray& certificatePem);

    bool isRevoked(const QByteArray& serial) const { return m_serials.contains(serial); }
    qint64 number() const { return m_number; }
    const QList<Entry>& entries() const { return m_entries; }
    const QSet<QByteArray>& serials() const { return m_serials; }
    const QByteArray& pem() const { return m_pem; }

private:
    RevocationList() = default;

    QByteArray m_pem;
    qint64 m_number = 0;
    QList<Entry> m_entries;
    QSet<QByteArray> m_serials;
};

} // namespace baton
