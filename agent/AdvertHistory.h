// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborArray>
#include <QString>

#include <deque>

namespace baton {

// The adverts seen on (and sent to) the wire recently, decoded, with the verdict each got:
// the `adverts` verb, i.e. `batonctl adverts` run remotely. Bounded in time and in count, so a
// flood of forged packets costs a fixed amount of memory.
class AdvertHistory
{
public:
    static constexpr qsizetype Capacity = 2048;
    static constexpr qint64 KeepMs = 300'000;

    struct Entry
    {
        qint64 timeMs = 0;
        bool sent = false; // our own advert, as it left
        QString interface;
        QString source;
        int vhid = 0;
        int advbase = 0;
        int advskew = 0;
        int demote = 0;
        quint64 counter = 0;
        QString verdict; // "ok", or the reject code ("bad-hmac", "bad-ttl", ...)
    };

    void record(Entry entry);
    // Entries newer than nowMs - seconds, oldest first.
    QCborArray since(qint64 nowMs, int seconds) const;
    qsizetype size() const { return static_cast<qsizetype>(m_entries.size()); }

private:
    std::deque<Entry> m_entries;
};

} // namespace baton
