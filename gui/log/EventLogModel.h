// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace baton {

// One time-ordered log for the whole cluster: both agents' events, the window's own commands,
// agent connections coming and going, reachability changes and alarms. Bounded: the oldest rows
// go when the capacity is reached, so a flood of rejected packets cannot grow it without limit.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        NodeColumn,
        KindColumn,
        TextColumn,
        ColumnCount,
    };
    enum class Kind
    {
        State,        // an agent's CARP state changed
        Reject,       // an agent rejected a packet
        Command,      // a command sent from this window, or one the agent reports
        Agent,        // any other agent event (restores, maintenance, reload)
        Connection,   // an agent connection became live, stale or unreachable
        Reachability, // an address stopped or resumed answering, the VIP's MAC moved
        Alarm,        // split brain
    };
    Q_ENUM(Kind)
    enum Role
    {
        TimeRole = Qt::UserRole + 1, // qint64, ms since the epoch
        NodeRole,                    // QString
        KindRole,                    // int(Kind)
    };

    struct Entry
    {
        qint64 timeMs = 0; // this desktop's clock: one clock orders both nodes' rows
        QString node;      // a node's name, the VIP's label, or empty for the cluster as a whole
        Kind kind = Kind::Agent;
        QString text;
    };

    static constexpr int DefaultCapacity = 5000;

    explicit EventLogModel(QObject* parent = nullptr, int capacity = DefaultCapacity);

    // Inserted in time order (after rows with the same time), dropping the oldest beyond capacity.
    void append(const Entry& entry);
    void append(qint64 timeMs, const QString& node, Kind kind, const QString& text);
    void clear();
    const Entry& entry(int row) const { return m_entries.at(row); }
    int capacity() const { return m_capacity; }

    static QString kindName(Kind kind);
    static QList<Kind> kinds();
    static QString timeText(qint64 timeMs);
    // One line of plain text, the columns separated by tabs: what Copy puts on the clipboard.
    static QString toText(const Entry& entry);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    QList<Entry> m_entries;
};

} // namespace baton
