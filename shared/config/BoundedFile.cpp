// SPDX-License-Identifier: GPL-3.0-or-later
#include "BoundedFile.h"

#include "util/Fail.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace baton {

namespace {
QString sizeText(qint64 bytes)
{
    return bytes >= 1024 * 1024 ? QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024))
                                : QStringLiteral("%1 KiB").arg(std::max<qint64>(1, bytes / 1024));
}
} // namespace

std::optional<QByteArray> BoundedFile::read(const QString& path, qint64 maxBytes, QString* error)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(error, QStringLiteral("'%1': no such file").arg(path));
    if (info.isDir())
        return fail(error, QStringLiteral("'%1' is a directory").arg(path));
    if (!info.isFile())
        return fail(error, QStringLiteral("'%1' is not a regular file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    // Read one byte past the limit rather than trusting the size: /proc files report 0.
    QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return fail(error, QStringLiteral("'%1' is larger than %2").arg(path, sizeText(maxBytes)));
    return data;
}

std::optional<QJsonObject> BoundedFile::jsonObject(const QByteArray& text, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("line %1: not valid JSON (%2)")
                               .arg(text.left(parseError.offset).count('\n') + 1)
                               .arg(parseError.errorString()));
    if (!document.isObject())
        return fail(error, QStringLiteral("not a JSON object"));
    return document.object();
}

} // namespace baton
