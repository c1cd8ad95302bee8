// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

#include <algorithm>

namespace baton {

EventLogModel::EventLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

void EventLogModel::append(const Entry& entry)
{
    if (m_entries.size() >= m_capacity) {
        // An entry older than everything kept would be dropped again at once.
        if (entry.timeMs < m_entries.constFirst().timeMs)
            return;
        const int excess = static_cast<int>(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.remove(0, excess);
        endRemoveRows();
    }
    // Nearly always the end; an entry stamped a little earlier than the last one goes in its place.
    const auto at = std::upper_bound(m_entries.cbegin(), m_entries.cend(), entry.timeMs,
                                     [](qint64 time, const Entry& e) { return time < e.timeMs; });
    const int row = static_cast<int>(at - m_entries.cbegin());
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
}

void EventLogModel::append(qint64 timeMs, const QString& node, Kind kind, const QString& text)
{
    append(Entry{timeMs, node, kind, text});
}

void EventLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString EventLogModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::State:
        return tr("state");
    case Kind::Reject:
        return tr("rejected packet");
    case Kind::Command:
        return tr("command");
    case Kind::Agent:
        return tr("agent");
    case Kind::Connection:
        return tr("connection");
    case Kind::Reachability:
        return tr("reachability");
    case Kind::Alarm:
        return tr("alarm");
    }
    return QString();
}

QList<EventLogModel::Kind> EventLogModel::kinds()
{
    return {Kind::State,      Kind::Reject,       Kind::Command, Kind::Agent,
            Kind::Connection, Kind::Reachability, Kind::Alarm};
}

QString EventLogModel::timeText(qint64 timeMs)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString EventLogModel::toText(const Entry& entry)
{
    return QStringList{timeText(entry.timeMs), entry.node, kindName(entry.kind), entry.text}.join(u'\t');
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(e.timeMs);
        case NodeColumn:
            return e.node;
        case KindColumn:
            return kindName(e.kind);
        case TextColumn:
            return e.text;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == TextColumn ? QVariant(e.text) : QVariant();
    case Qt::ForegroundRole:
        if (e.kind == Kind::Alarm)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::FontRole:
        if (e.kind == Kind::Alarm) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case TimeRole:
        return e.timeMs;
    case NodeRole:
        return e.node;
    case KindRole:
        return static_cast<int>(e.kind);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NodeColumn:
        return tr("Node");
    case KindColumn:
        return tr("Kind");
    case TextColumn:
        return tr("Event");
    default:
        return {};
    }
}

} // namespace baton
