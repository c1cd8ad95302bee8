// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace baton {

// One time-ordered log for the whole cluster: both agents' events, the window's own commands,
// agent connections coming and going, reachability changes and alarms. Bounded: the oldest rows
// go when the capacity is reached, so a flood of rejected packets cannot grow it without limit.
// An agent's event is kept once however it arrives (pushed live, from the agent's history, from
// the saved log): see Entry::eventId.
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
        EarlierRole,                 // bool
    };

    struct Entry
    {
        qint64 timeMs = 0; // this desktop's clock: one clock orders both nodes' rows
        QString node;      // a node's name, the VIP's label, or empty for the cluster as a whole
        Kind kind = Kind::Agent;
        QString text;
        // An agent's event: the agent's own time and its identity (AgentEventEntry::eventId, the
        // event's kind and a digest of its fields). Agent events carry no sequence number, so the
        // node, the agent's time and this identity together tell whether the log has it already.
        // Empty: a row of the window's own, never taken for a duplicate.
        qint64 agentTimeMs = 0;
        QString eventId{};
        // Learnt from the agent's history, not seen as it happened: while the window was closed
        // or the agent out of reach.
        bool earlier = false;
    };

    static constexpr int DefaultCapacity = 5000;

    explicit EventLogModel(QObject* parent = nullptr, int capacity = DefaultCapacity);

    // Inserted in time order (after rows with the same time), dropping the oldest beyond capacity.
    // False when it is not kept: an agent event the log has already, or older than a full log.
    bool append(const Entry& entry);
    bool append(qint64 timeMs, const QString& node, Kind kind, const QString& text);
    // Events from an agent's history, each where its time puts it; those already here are skipped.
    // Returns how many were added; those marked earlier count towards earlierCount().
    int merge(const QList<Entry>& entries);
    void clear();
    const Entry& entry(int row) const { return m_entries.at(row); }
    const QList<Entry>& entries() const { return m_entries; }
    int capacity() const { return m_capacity; }
    bool contains(const Entry& entry) const;
    // The newest agent time among that node's agent events: where its history continues.
    std::optional<qint64> newestAgentTime(const QString& node) const;
    // Earlier events merged since the log was last cleared: "12 events since you last looked".
    int earlierCount() const { return m_earlierCount; }

    static QString kindName(Kind kind);
    // A stable English word for files and exports: "state", "reject", "command", ...
    static QString kindKey(Kind kind);
    static std::optional<Kind> kindFromKey(QStringView key);
    static QList<Kind> kinds();
    // The time of day, with the date in front when it is not today.
    static QString timeText(qint64 timeMs);
    // One line of plain text, the columns separated by tabs: what Copy puts on the clipboard.
    static QString toText(const Entry& entry);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void earlierCountChanged(int count);

private:
    static QString identity(const Entry& entry);

    int m_capacity;
    QList<Entry> m_entries;
    QSet<QString> m_identities; // of the agent events in m_entries
    int m_earlierCount = 0;
};

} // namespace baton
