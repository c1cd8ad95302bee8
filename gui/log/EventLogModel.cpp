// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

#include <algorithm>

namespace baton {

namespace {
// Before the time of rows from an agent's history (a clock face: "from before").
constexpr char16_t EarlierMark = u'\u25F7';
} // namespace

EventLogModel::EventLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

QString EventLogModel::identity(const Entry& entry)
{
    if (entry.eventId.isEmpty())
        return {};
    return entry.node + u'\x1f' + QString::number(entry.agentTimeMs) + u'\x1f' + entry.eventId;
}

bool EventLogModel::contains(const Entry& entry) const
{
    const QString id = identity(entry);
    return !id.isEmpty() && m_identities.contains(id);
}

bool EventLogModel::append(const Entry& entry)
{
    const QString id = identity(entry);
    if (!id.isEmpty() && m_identities.contains(id))
        return false;
    if (m_entries.size() >= m_capacity) {
        // An entry older than everything kept would be dropped again at once.
        if (entry.timeMs < m_entries.constFirst().timeMs)
            return false;
        const int excess = static_cast<int>(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, excess - 1);
        for (int i = 0; i < excess; ++i)
            m_identities.remove(identity(m_entries.at(i)));
        m_entries.remove(0, excess);
        endRemoveRows();
    }
    // Nearly always the end; an entry stamped a little earlier than the last one goes in its place.
    const auto at = std::upper_bound(m_entries.cbegin(), m_entries.cend(), entry.timeMs,
                                     [](qint64 time, const Entry& e) { return time < e.timeMs; });
    const int row = static_cast<int>(at - m_entries.cbegin());
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    if (!id.isEmpty())
        m_identities.insert(id);
    endInsertRows();
    return true;
}

bool EventLogModel::append(qint64 timeMs, const QString& node, Kind kind, const QString& text)
{
    return append(Entry{timeMs, node, kind, text});
}

int EventLogModel::merge(const QList<Entry>& entries)
{
    int added = 0;
    int earlier = 0;
    for (const Entry& entry : entries) {
        if (!append(entry))
            continue;
        ++added;
        earlier += entry.earlier ? 1 : 0;
    }
    if (earlier > 0) {
        m_earlierCount += earlier;
        Q_EMIT earlierCountChanged(m_earlierCount);
    }
    return added;
}

void EventLogModel::clear()
{
    if (m_earlierCount != 0) {
        m_earlierCount = 0;
        Q_EMIT earlierCountChanged(0);
    }
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    m_identities.clear();
    endResetModel();
}

std::optional<qint64> EventLogModel::newestAgentTime(const QString& node) const
{
    std::optional<qint64> newest;
    for (const Entry& e : m_entries) {
        if (!e.eventId.isEmpty() && e.node == node && (!newest || e.agentTimeMs > *newest))
            newest = e.agentTimeMs;
    }
    return newest;
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

QString EventLogModel::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::State:
        return QStringLiteral("state");
    case Kind::Reject:
        return QStringLiteral("reject");
    case Kind::Command:
        return QStringLiteral("command");
    case Kind::Agent:
        return QStringLiteral("agent");
    case Kind::Connection:
        return QStringLiteral("connection");
    case Kind::Reachability:
        return QStringLiteral("reachability");
    case Kind::Alarm:
        return QStringLiteral("alarm");
    }
    return QString();
}

std::optional<EventLogModel::Kind> EventLogModel::kindFromKey(QStringView key)
{
    for (const Kind kind : kinds()) {
        if (key == kindKey(kind))
            return kind;
    }
    return std::nullopt;
}

QList<EventLogModel::Kind> EventLogModel::kinds()
{
    return {Kind::State,      Kind::Reject,       Kind::Command, Kind::Agent,
            Kind::Connection, Kind::Reachability, Kind::Alarm};
}

QString EventLogModel::timeText(qint64 timeMs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeMs);
    if (time.date() == QDate::currentDate())
        return time.toString(QStringLiteral("HH:mm:ss.zzz"));
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
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
            return e.earlier ? QString(QChar(EarlierMark) + u' ' + timeText(e.timeMs)) : timeText(e.timeMs);
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
        if (index.column() == TextColumn)
            return e.text;
        if (index.column() == TimeColumn) {
            const QString when =
                QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
            return e.earlier ? tr("%1, from the agent's own history: it happened while this window was "
                                  "not watching (the agent's clock converted to this computer's)")
                                   .arg(when)
                             : when;
        }
        return {};
    case Qt::ForegroundRole:
        if (e.kind == Kind::Alarm)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::BackgroundRole:
        if (e.earlier)
            return QBrush(QColor(0xe3, 0xec, 0xf7));
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
    case EarlierRole:
        return e.earlier;
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
