// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitBrainMonitor.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace baton {

namespace {
const GroupStatus* masterGroup(const AgentStatus& status, int vhid)
{
    for (const GroupStatus& group : status.groups) {
        if (group.vhid == vhid && group.state == CarpState::Master)
            return &group;
    }
    return nullptr;
}

bool holdsVip(const AgentStatus& status)
{
    return std::any_of(status.groups.cbegin(), status.groups.cend(),
                       [](const GroupStatus& group) { return group.vipHeld; });
}

QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

SplitBrainMonitor::SplitBrainMonitor(QObject* parent)
    : QObject(parent)
{
    m_nodes[0].name = tr("node 1");
    m_nodes[1].name = tr("node 2");
}

void SplitBrainMonitor::setNodeName(int index, const QString& name)
{
    if (index < 0 || index > 1)
        return;
    m_nodes[static_cast<std::size_t>(index)].name = name;
    evaluate();
}

void SplitBrainMonitor::setNode(int index, bool live, const std::optional<AgentStatus>& status)
{
    if (index < 0 || index > 1)
        return;
    Node& node = m_nodes[static_cast<std::size_t>(index)];
    node.live = live;
    node.status = status;
    evaluate();
}

void SplitBrainMonitor::setVipMacs(bool flapping, const QStringList& macs, bool allFromNodes)
{
    m_vipFlapping = flapping;
    m_vipMacs = macs;
    m_vipMacsFromNodes = allFromNodes;
    evaluate();
}

bool SplitBrainMonitor::agentsExplainTheFlap() const
{
    const Node& a = m_nodes[0];
    const Node& b = m_nodes[1];
    if (!m_vipMacsFromNodes || !a.live || !b.live || !a.status || !b.status)
        return false;
    return !(holdsVip(*a.status) && holdsVip(*b.status));
}

void SplitBrainMonitor::reset()
{
    for (Node& node : m_nodes) {
        node.live = false;
        node.status.reset();
    }
    m_vipFlapping = false;
    m_vipMacsFromNodes = false;
    m_vipMacs.clear();
    evaluate();
}

QList<int> SplitBrainMonitor::doubleMasters() const
{
    QList<int> vhids;
    const Node& a = m_nodes[0];
    const Node& b = m_nodes[1];
    if (!a.live || !b.live || !a.status || !b.status)
        return vhids;
    for (const GroupStatus& group : a.status->groups) {
        if (masterGroup(*a.status, group.vhid) && masterGroup(*b.status, group.vhid) &&
            !vhids.contains(group.vhid))
            vhids.append(group.vhid);
    }
    std::sort(vhids.begin(), vhids.end());
    return vhids;
}

void SplitBrainMonitor::evaluate()
{
    QStringList reasons;
    const Node& a = m_nodes[0];
    const Node& b = m_nodes[1];
    for (const int vhid : doubleMasters()) {
        const GroupStatus* first = masterGroup(*a.status, vhid);
        const GroupStatus* second = masterGroup(*b.status, vhid);
        reasons.append(tr("Both nodes claim MASTER for vhid %1: %2 since %3, %4 since %5.")
                           .arg(vhid)
                           .arg(a.name, clock(first->sinceMs), b.name, clock(second->sinceMs)));
    }
    if (isVipFlapAlarmed())
        reasons.append(tr("The VIP's MAC address keeps changing between %1: more than one machine answers "
                          "for it.")
                           .arg(QLocale().createSeparatedList(m_vipMacs)));
    if (reasons == m_reasons)
        return;
    m_reasons = reasons;
    Q_EMIT changed();
}

} // namespace baton
