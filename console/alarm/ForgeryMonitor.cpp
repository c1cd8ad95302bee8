// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgeryMonitor.h"

namespace baton {

namespace {
QString keyOf(int vhid, const QString& sign)
{
    return QString::number(vhid) + u':' + sign;
}
} // namespace

ForgeryMonitor::ForgeryMonitor(QObject* parent)
    : QObject(parent)
{
}

void ForgeryMonitor::setNodeName(int index, const QString& name)
{
    m_nodes.at(static_cast<size_t>(index)).name = name;
}

void ForgeryMonitor::setStatus(int index, const AgentStatus& status)
{
    Node& node = m_nodes.at(static_cast<size_t>(index));
    QMap<QString, quint64> counts;
    for (const GroupStatus& g : status.groups)
        for (auto it = g.forgeries.cbegin(); it != g.forgeries.cend(); ++it)
            counts.insert(keyOf(g.vhid, it.key()), it.value());
    // A restarted agent counts from zero again: what was acknowledged before is not below it.
    for (auto it = node.acknowledged.begin(); it != node.acknowledged.end(); ++it)
        it.value() = std::min(it.value(), counts.value(it.key()));
    if (counts == node.counts)
        return;
    node.counts = counts;
    Q_EMIT changed();
}

void ForgeryMonitor::addEvent(int index, const ControlEvent& event)
{
    const auto* f = std::get_if<ev::ForgerySuspected>(&event.body);
    if (!f)
        return;
    Node& node = m_nodes.at(static_cast<size_t>(index));
    const QString key = keyOf(f->vhid, f->sign);
    node.lastSource.insert(key, f->source);
    node.counts.insert(key, std::max(node.counts.value(key), f->count));
    Q_EMIT changed();
}

void ForgeryMonitor::acknowledge()
{
    for (Node& node : m_nodes)
        node.acknowledged = node.counts;
    Q_EMIT changed();
}

void ForgeryMonitor::reset()
{
    for (Node& node : m_nodes)
        node = Node{node.name, {}, {}, {}};
    Q_EMIT changed();
}

QStringList ForgeryMonitor::lines() const
{
    QStringList out;
    for (const Node& node : m_nodes) {
        for (auto it = node.counts.cbegin(); it != node.counts.cend(); ++it) {
            const quint64 fresh = it.value() - std::min(it.value(), node.acknowledged.value(it.key()));
            if (fresh == 0)
                continue;
            const QString vhid = it.key().section(u':', 0, 0);
            const QString sign = it.key().section(u':', 1);
            const QString source = node.lastSource.value(it.key());
            const QString count = QString::number(fresh);
            out << (source.isEmpty()
                        ? tr("%1, vhid %2: adverts that look forged (%3) ignored: %4.")
                              .arg(node.name, vhid, sign, count)
                        : tr("%1, vhid %2: adverts that look forged (%3) ignored: %4, the last from %5.")
                              .arg(node.name, vhid, sign, count, source));
        }
    }
    return out;
}

} // namespace baton
