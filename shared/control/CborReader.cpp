// SPDX-License-Identifier: GPL-3.0-or-later
#include "CborReader.h"

#include <QCborArray>
#include <QCborValue>

namespace baton {

CborReader::CborReader(const QCborMap& map, QString where)
    : m_map(map)
    , m_where(std::move(where))
{
}

bool CborReader::has(const char* name) const
{
    return !m_map.value(QLatin1StringView(name)).isUndefined();
}

qint64 CborReader::integer(const char* name, qint64 min, qint64 max, bool required)
{
    const QCborValue v = m_map.value(QLatin1StringView(name));
    if (v.isUndefined() && !required)
        return 0;
    if (!v.isInteger() || v.toInteger() < min || v.toInteger() > max) {
        fail(name);
        return 0;
    }
    return v.toInteger();
}

QString CborReader::string(const char* name, bool required)
{
    const QCborValue v = m_map.value(QLatin1StringView(name));
    if (v.isUndefined() && !required)
        return {};
    if (!v.isString())
        fail(name);
    return v.toString();
}

bool CborReader::boolean(const char* name, bool required)
{
    const QCborValue v = m_map.value(QLatin1StringView(name));
    if (v.isUndefined() && !required)
        return false;
    if (!v.isBool())
        fail(name);
    return v.toBool();
}

QStringList CborReader::strings(const char* name)
{
    QStringList out;
    const QCborValue v = m_map.value(QLatin1StringView(name));
    if (!v.isArray()) {
        fail(name);
        return out;
    }
    for (const QCborValue& item : v.toArray()) {
        if (!item.isString())
            fail(name);
        out << item.toString();
    }
    return out;
}

void CborReader::fail(const char* name)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: field '%2' missing or of the wrong type")
                      .arg(m_where, QLatin1StringView(name));
}

bool CborReader::finish(QString* error) const
{
    if (!m_error.isEmpty() && error)
        *error = m_error;
    return m_error.isEmpty();
}

} // namespace baton
