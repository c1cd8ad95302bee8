// SPDX-License-Identifier: GPL-3.0-or-later
#include "KnownHostsFile.h"

#include "util/FdWrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baton {

namespace {

constexpr int SaltBytes = 20; // SHA-1's length, as ssh-keygen -H uses

QByteArray hmac(const QByteArray& salt, const QString& name)
{
    return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1);
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

QString KnownHostsFile::hostName(const QString& host, quint16 port)
{
    return port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QByteArray KnownHostsFile::line(const QString& host, quint16 port, const QByteArray& keyType,
                                const QByteArray& keyBase64, bool hashed, QByteArray salt)
{
    const QString name = hostName(host, port);
    QByteArray field;
    if (hashed) {
        if (salt.isEmpty()) {
            salt.resize(SaltBytes);
            for (char& byte : salt)
                byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
        }
        field = "|1|" + salt.toBase64() + '|' + hmac(salt, name).toBase64();
    } else {
        field = name.toUtf8();
    }
    return field + ' ' + keyType + ' ' + keyBase64;
}

bool KnownHostsFile::hashedMatches(const QByteArray& field, const QString& host, quint16 port)
{
    const QList<QByteArray> parts = field.split('|');
    if (parts.size() != 4 || !parts[0].isEmpty() || parts[1] != "1")
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2]);
    return !salt.isEmpty() && hmac(salt, hostName(host, port)).toBase64() == parts[3];
}

bool KnownHostsFile::append(const QString& file, const QByteArray& line, QString* error)
{
    const QString dir = QFileInfo(file).absolutePath();
    if (!QFileInfo::exists(dir) && ::mkdir(QFile::encodeName(dir).constData(), 0700) != 0) {
        *error =
            QCoreApplication::translate("KnownHostsFile", "cannot create '%1': %2").arg(dir, errnoText());
        return false;
    }
    const QByteArray path = QFile::encodeName(file);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QCoreApplication::translate("KnownHostsFile", "cannot open '%1': %2").arg(file, errnoText());
        return false;
    }
    QByteArray data = line + '\n';
    struct stat info = {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, info.st_size - 1) == 1 && last != '\n')
            data.prepend('\n');
    }
    const bool ok = FdWrite::all(fd, data) && ::fsync(fd) == 0;
    if (!ok)
        *error =
            QCoreApplication::translate("KnownHostsFile", "cannot write '%1': %2").arg(file, errnoText());
    ::close(fd);
    return ok;
}

} // namespace baton
