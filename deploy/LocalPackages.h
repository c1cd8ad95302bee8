// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// The agent's two packages on the desktop (batond_VERSION_ARCH.deb, batonctl_VERSION_ARCH.deb in one
// folder), read whole: they are uploaded as they are and checked by SHA-256 on the server.
struct LocalPackages
{
    QString version;
    QString architecture;
    QString batondFile;
    QString batonctlFile;
    QByteArray batond;
    QByteArray batonctl;

    static constexpr qint64 MaxPackageBytes = 64 * 1024 * 1024;
    // Exactly one of each, same version and architecture; the error names the folder.
    static std::optional<LocalPackages> find(const QString& dir, QString* error);
    // $BATON_PACKAGES, else /usr/share/baton/packages if it exists, else empty.
    static QString defaultDir();
};

} // namespace baton
