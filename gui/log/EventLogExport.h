// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "log/EventLogModel.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace baton {

// The event log as a file for other tools, UTF-8, times in UTC (ISO 8601 with milliseconds, and
// milliseconds since the epoch), the kind as a stable English key (EventLogModel::kindKey), the
// text as shown, whether it is an earlier event from an agent's history, and the agent's own time
// for agent events.
// CSV (RFC 4180): a header row, CRLF line ends, fields with a comma, quote or line break quoted,
// quotes doubled. JSON: an array of objects, one per row.
class EventLogExport
{
    Q_DECLARE_TR_FUNCTIONS(EventLogExport)
public:
    enum class Format
    {
        Csv,
        Json,
    };

    static QByteArray csv(const QList<EventLogModel::Entry>& entries);
    static QByteArray json(const QList<EventLogModel::Entry>& entries);
    // By the file name's extension (.csv, .json, any case); nullopt for anything else.
    static std::optional<Format> formatOf(const QString& path);
    // Atomically (QSaveFile): after a failure the target is as it was, and error says why.
    static bool write(const QString& path, Format format, const QList<EventLogModel::Entry>& entries,
                      QString* error);
};

} // namespace baton
