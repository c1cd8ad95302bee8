// SPDX-License-Identifier: GPL-3.0-or-later
#include "RevocationStore.h"

#include "StateDirectory.h"
#include "pki/PkiDirectory.h"

#include <QFileInfo>
#include <QSaveFile>

namespace baton {

RevocationStore::RevocationStore(QString path, QByteArray caCertificatePem)
    : m_path(std::move(path))
    , m_caPem(std::move(caCertificatePem))
{
}

const QSet<QByteArray>& RevocationStore::revoked() const
{
    static const QSet<QByteArray> none;
    return m_list ? m_list->serials() : none;
}

QString RevocationStore::load()
{
    m_list.reset();
    if (!QFileInfo::exists(m_path))
        return {};
    QString error;
    const std::optional<QByteArray> pem = PkiDirectory::readPemFile(m_path, &error);
    if (!pem)
        return error;
    m_list = RevocationList::read(*pem, m_caPem, &error);
    return m_list ? QString() : QStringLiteral("%1: %2").arg(m_path, error);
}

std::optional<CommandFailure> RevocationStore::replace(const QByteArray& pem)
{
    QString error;
    std::optional<RevocationList> next = RevocationList::read(pem, m_caPem, &error);
    if (!next)
        return CommandFailure{ControlError::RevocationRefused, error};
    if (m_list && next->number() < m_list->number())
        return CommandFailure{ControlError::RevocationRefused,
                              QStringLiteral("revocation list %1 is older than the one in force (%2)")
                                  .arg(next->number())
                                  .arg(m_list->number())};
    if (const QString folderError = StateDirectory::ensure(QFileInfo(m_path).absolutePath());
        !folderError.isEmpty())
        return CommandFailure{ControlError::StateNotSaved, folderError};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit())
        return CommandFailure{ControlError::StateNotSaved,
                              QStringLiteral("%1: %2").arg(m_path, file.errorString())};
    m_list = std::move(next);
    return std::nullopt;
}

} // namespace baton
