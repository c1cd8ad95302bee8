// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DrillRecord.h"

#include <QList>
#include <QString>

#include <optional>

namespace baton {

// Where drill reports live: one folder per cluster under the application data folder
// (~/.local/share/baton/drills/CLUSTER/ for the window), each drill as BASE.json (the canonical
// record), BASE.html and BASE.pdf. The history is read back from the JSON files.
class DrillStore
{
public:
    struct Entry
    {
        QString jsonPath;
        qint64 startedMs = 0;
        QString type;    // "classic", "handover"
        QString verdict; // "passed", "failed", "refused", "aborted"
        bool interrupted = false;
        std::optional<qint64> vipOutageMs;
    };

    // The folder for a cluster's reports; the name is made safe for a file system.
    static QString directoryFor(const QString& clusterName);
    // Writes the record's JSON atomically (created 0600: it names the pair's addresses).
    static bool writeJson(const DrillRecord& record, const QString& path, QString* error);
    // The drills in a folder, newest first; files that are not drill reports are left out.
    static QList<Entry> history(const QString& directory);
};

} // namespace baton
