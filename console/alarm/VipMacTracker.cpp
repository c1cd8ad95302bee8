// SPDX-License-Identifier: GPL-3.0-or-later
#include "VipMacTracker.h"

namespace baton {

VipMacTracker::VipMacTracker(QObject* parent)
    : QObject(parent)
{
}

void VipMacTracker::reset()
{
    m_nodes.clear();
    m_last.clear();
}

void VipMacTracker::nodeMacSeen(const QString& node, const QString& mac)
{
    if (!mac.isEmpty())
        m_nodes.insert(mac, node);
}

void VipMacTracker::vipMacSeen(const QString& mac)
{
    // A vanished entry (expired, resolving) is no move; the next MAC seen is compared with the last.
    if (mac.isEmpty() || mac == m_last)
        return;
    const QString from = m_last;
    m_last = mac;
    Q_EMIT moved(from, mac);
}

QString VipMacTracker::describe(const QString& mac) const
{
    const QString node = m_nodes.value(mac);
    return mac.isEmpty() || node.isEmpty() ? mac : tr("%1 (%2)").arg(mac, node);
}

QStringList VipMacTracker::describe(const QStringList& macs) const
{
    QStringList out;
    for (const QString& mac : macs)
        out << describe(mac);
    return out;
}

bool VipMacTracker::allFromNodes(const QStringList& macs) const
{
    return std::all_of(macs.cbegin(), macs.cend(),
                       [this](const QString& mac) { return m_nodes.contains(mac); });
}

} // namespace baton
