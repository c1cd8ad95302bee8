// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QString>
#include <QStringList>

namespace baton {

// Reads the fields of one CBOR map of the control protocol and remembers the first one that is
// missing or of the wrong type, so a bad message names the field that made it bad.
class CborReader
{
public:
    // Wall-clock milliseconds fit a double exactly below 2^53, which JSON output relies on.
    static constexpr qint64 MaxTime = qint64{1} << 53;

    CborReader(const QCborMap& map, QString where);

    qint64 integer(const char* name, qint64 min, qint64 max, bool required = true);
    QString string(const char* name, bool required = true);
    bool boolean(const char* name, bool required = true);
    QStringList strings(const char* name);
    bool has(const char* name) const;

    void fail(const char* name);
    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    // Copies the error out (when asked for) and says whether the map was good.
    bool finish(QString* error) const;

private:
    const QCborMap& m_map;
    QString m_where;
    QString m_error;
};

} // namespace baton
