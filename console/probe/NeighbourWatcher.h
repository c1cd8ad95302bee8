// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/ArpTable.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <optional>

namespace baton {

// Which MAC address this desktop's neighbour table holds for each watched IPv4 address, read from
// /proc/net/arp every 500 ms. A failover moves the VIP's MAC once; two nodes both answering for it
// (split brain) make it flip back and forth as each one's ARP traffic wins. So an address is
// flapping for 10 s after its MAC changed back to one it had within the 10 s before that change.
// Periods without an entry (deleted, resolving, failed) are no MAC at all: A, none, A is not a flap.
class NeighbourWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 500;
    static constexpr qint64 FlapWindowMs = 10'000;

    explicit NeighbourWatcher(QObject* parent = nullptr);

    // Polling runs while there are addresses. IPv4 only.
    void setAddresses(const QList<QHostAddress>& addresses);
    QList<QHostAddress> addresses() const;
    // Default /proc/net/arp; tests point it at a file of their own.
    void setTablePath(const QString& path) { m_tablePath = path; }

    // "aa:bb:cc:dd:ee:ff", or empty while the table has no complete entry for the address.
    QString mac(const QHostAddress& address) const;
    // The distinct MACs the address had within the last 10 s, in the order first seen.
    QStringList recentMacs(const QHostAddress& address) const;
    bool isFlapping(const QHostAddress& address) const;

    // Reads the table now; the timer calls it.
    void poll();
    // One look at the table at nowMs (any monotonic millisecond clock): what poll() does with the
    // file's contents, public so tests can drive the clock.
    void update(const QList<ArpEntry>& table, qint64 nowMs);

Q_SIGNALS:
    void macChanged(const QHostAddress& address, const QString& mac, const QString& previous);
    void flappingChanged(const QHostAddress& address, bool flapping);

private:
    struct Run
    {
        QString mac;
        qint64 lastSeenMs = 0;
    };
    struct Watch
    {
        QString mac;
        std::deque<Run> runs; // consecutive distinct MACs, newest last, seen within the window
        std::optional<qint64> lastFlipBackMs;
        bool flapping = false;
    };

    QString m_tablePath = QStringLiteral("/proc/net/arp");
    QHash<quint32, Watch> m_watches;
    QList<quint32> m_order;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace baton
