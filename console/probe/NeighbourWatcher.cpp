// SPDX-License-Identifier: GPL-3.0-or-later
#include "NeighbourWatcher.h"

#include <QFile>

#include <algorithm>

namespace baton {

namespace {
std::optional<quint32> ipv4(const QHostAddress& address)
{
    bool ok = false;
    const quint32 value = address.toIPv4Address(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}
} // namespace

NeighbourWatcher::NeighbourWatcher(QObject* parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setInterval(PollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &NeighbourWatcher::poll);
}

void NeighbourWatcher::setAddresses(const QList<QHostAddress>& addresses)
{
    QList<quint32> order;
    for (const QHostAddress& address : addresses) {
        const auto value = ipv4(address);
        if (value && !order.contains(*value))
            order.append(*value);
    }
    QHash<quint32, Watch> watches;
    for (const quint32 value : std::as_const(order))
        watches.insert(value, m_watches.value(value));
    m_watches = watches;
    m_order = order;
    if (m_order.isEmpty()) {
        m_timer.stop();
    } else if (!m_timer.isActive()) {
        m_timer.start();
        poll();
    }
}

QList<QHostAddress> NeighbourWatcher::addresses() const
{
    QList<QHostAddress> result;
    for (const quint32 value : m_order)
        result.append(QHostAddress(value));
    return result;
}

QString NeighbourWatcher::mac(const QHostAddress& address) const
{
    const auto value = ipv4(address);
    return value ? m_watches.value(*value).mac : QString();
}

QStringList NeighbourWatcher::recentMacs(const QHostAddress& address) const
{
    QStringList result;
    const auto value = ipv4(address);
    if (!value)
        return result;
    const auto it = m_watches.constFind(*value);
    if (it == m_watches.cend())
        return result;
    for (const Run& run : it->runs) {
        if (!result.contains(run.mac))
            result.append(run.mac);
    }
    return result;
}

bool NeighbourWatcher::isFlapping(const QHostAddress& address) const
{
    const auto value = ipv4(address);
    return value && m_watches.value(*value).flapping;
}

void NeighbourWatcher::poll()
{
    // procfs: generated on read, never waits for a device.
    QFile file(m_tablePath);
    QList<ArpEntry> table;
    if (file.open(QIODevice::ReadOnly))
        table = ArpTable::parse(file.readAll());
    update(table, m_clock.elapsed());
}

void NeighbourWatcher::update(const QList<ArpEntry>& table, qint64 nowMs)
{
    const QList<quint32> order = m_order; // slots may change the addresses
    for (const quint32 value : order) {
        auto it = m_watches.find(value);
        if (it == m_watches.end())
            continue;
        Watch& w = *it;
        const QString mac = ArpTable::hardwareAddressFor(table, value);
        while (!w.runs.empty() && w.runs.front().lastSeenMs < nowMs - FlapWindowMs)
            w.runs.pop_front();
        if (!mac.isEmpty()) {
            if (w.runs.empty() || w.runs.back().mac != mac) {
                const auto same = [&](const Run& run) { return run.mac == mac; };
                if (std::any_of(w.runs.cbegin(), w.runs.cend(), same))
                    w.lastFlipBackMs = nowMs;
                w.runs.push_back({mac, nowMs});
            }
            w.runs.back().lastSeenMs = nowMs;
        }
        const bool flapping = w.lastFlipBackMs && nowMs - *w.lastFlipBackMs <= FlapWindowMs;
        const QString previous = w.mac;
        const bool macChangedNow = previous != mac;
        const bool flappingChangedNow = flapping != w.flapping;
        w.mac = mac;
        w.flapping = flapping;
        // Signals last: a slot may change the addresses and so invalidate w.
        if (macChangedNow)
            Q_EMIT macChanged(QHostAddress(value), mac, previous);
        if (flappingChangedNow)
            Q_EMIT flappingChanged(QHostAddress(value), flapping);
    }
}

} // namespace baton
