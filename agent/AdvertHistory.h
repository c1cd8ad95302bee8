// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AdvertRecord.h"

#include <QList>
#include <QMutex>
#include <QString>

#include <vector>

namespace baton {

// The adverts seen on (and sent to) the wire recently, with the verdict each got: the `adverts`
// verb, i.e. `batonctl adverts` run remotely. The CARP loop records (a copy of a few numbers under
// a lock nobody holds for long); the control thread turns them into records for a console, so a
// console asking for the whole history never costs the failover loop that work. Bounded in time
// and count, so a flood of forged packets costs a fixed amount of memory.
class AdvertHistory
{
public:
    static constexpr qsizetype Capacity = 2048;
    static constexpr qint64 KeepMs = 300'000;

    enum class Verdict : quint8
    {
        Accepted,
        Sent,
        SendFailed,
        Rejected, // detail: CarpReject
        Ignored,  // authenticated but looks forged; detail: AdvertGuard::Sign
    };
    struct Entry
    {
        qint64 timeMs = 0;
        quint64 counter = 0;
        quint32 source = 0;
        quint16 interface = 0; // interfaceId()'s number for the name
        quint8 vhid = 0;
        quint8 advbase = 0;
        quint8 advskew = 0;
        quint8 demote = 0;
        Verdict verdict = Verdict::Accepted;
        quint8 detail = 0;
    };

    // A number for an interface's name, for Entry::interface: an entry then carries two bytes,
    // not a shared string whose reference count every advert would touch four times.
    quint16 interfaceId(const QString& name);
    void record(const Entry& entry);
    // Starts fetching the lines the next record() writes and reads (call from the recording thread).
    void prefetch() const;
    // Entries newer than nowMs - seconds, oldest first.
    QList<AdvertRecord> since(qint64 nowMs, int seconds) const;
    qsizetype size() const;
    static QString verdictText(Verdict verdict, quint8 detail);

private:
    // A ring of Capacity entries, allocated by the first record: recording overwrites in place,
    // so the advert thread neither allocates nor frees (glibc's allocator lock lends no priority).
    mutable QMutex m_mutex;
    std::vector<Entry> m_ring;
    QList<QString> m_interfaces; // by interfaceId(); only ever grows, by names configured
    qsizetype m_first = 0;       // index of the oldest entry kept
    qsizetype m_count = 0;
};

} // namespace baton
