// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalPackages.h"

#include "util/Fail.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace baton {

namespace {

struct Found
{
    QString file;
    QString version;
    QString architecture;
};

std::optional<Found> findOne(const QDir& dir, const QString& package, QString* error)
{
    const QStringList files = dir.entryList({package + QStringLiteral("_*.deb")}, QDir::Files, QDir::Name);
    if (files.size() != 1)
        return fail(error, QCoreApplication::translate("LocalPackages",
                                                       "expected one %1_VERSION_ARCH.deb in '%2', found %3")
                               .arg(package, dir.path())
                               .arg(files.size()));
    const QStringList parts = files.first().chopped(4).split(u'_');
    if (parts.size() != 3)
        return fail(error,
                    QCoreApplication::translate("LocalPackages", "'%1' is not named PACKAGE_VERSION_ARCH.deb")
                        .arg(files.first()));
    return Found{dir.filePath(files.first()), parts[1], parts[2]};
}

std::optional<QByteArray> readWhole(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QCoreApplication::translate("LocalPackages", "cannot read '%1': %2")
                               .arg(path, file.errorString()));
    if (file.size() > LocalPackages::MaxPackageBytes)
        return fail(error, QCoreApplication::translate("LocalPackages", "'%1' is larger than %2 MiB")
                               .arg(path)
                               .arg(LocalPackages::MaxPackageBytes >> 20));
    return file.readAll();
}

} // namespace

QString LocalPackages::defaultDir()
{
    if (const QString chosen = qEnvironmentVariable("BATON_PACKAGES"); !chosen.isEmpty())
        return chosen;
    const QString dir = QStringLiteral("/usr/share/baton/packages");
    return QDir(dir).exists() ? dir : QString();
}

std::optional<LocalPackages> LocalPackages::find(const QString& dirPath, QString* error)
{
    if (dirPath.isEmpty())
        return fail(error, QCoreApplication::translate(
                               "LocalPackages", "no folder with the batond and batonctl packages given"));
    const QDir dir(dirPath);
    const auto batond = findOne(dir, QStringLiteral("batond"), error);
    if (!batond)
        return std::nullopt;
    const auto batonctl = findOne(dir, QStringLiteral("batonctl"), error);
    if (!batonctl)
        return std::nullopt;
    if (batond->version != batonctl->version || batond->architecture != batonctl->architecture)
        return fail(error, QCoreApplication::translate(
                               "LocalPackages", "'%1' and '%2' are not the same version and architecture")
                               .arg(batond->file, batonctl->file));
    LocalPackages packages{batond->version, batond->architecture, batond->file, batonctl->file, {}, {}};
    const auto batondBytes = readWhole(batond->file, error);
    if (!batondBytes)
        return std::nullopt;
    const auto batonctlBytes = readWhole(batonctl->file, error);
    if (!batonctlBytes)
        return std::nullopt;
    packages.batond = *batondBytes;
    packages.batonctl = *batonctlBytes;
    return packages;
}

} // namespace baton
