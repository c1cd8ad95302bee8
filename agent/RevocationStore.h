// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CommandFailure.h"
#include "pki/RevocationList.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// The agent's copy of the cluster's revocation list, at STATE-DIR/revoked.crl: read at start and
// replaced by the deployment or by an operator (`set-revocations`). Only a list the cluster's CA
// signed, and not older than the one in force, is taken; it is written atomically before it counts.
class RevocationStore
{
public:
    RevocationStore(QString path, QByteArray caCertificatePem);

    // Reads the file; a missing file is an empty list. Returns an error (logged by the caller) if
    // the file is there but unusable: then nothing is revoked until a good list arrives.
    QString load();
    std::optional<CommandFailure> replace(const QByteArray& pem);
    const QSet<QByteArray>& revoked() const;
    qint64 number() const { return m_list ? m_list->number() : -1; }
    const QString& path() const { return m_path; }

private:
    QString m_path;
    QByteArray m_caPem;
    std::optional<RevocationList> m_list;
};

} // namespace baton
