// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "log/EventLogModel.h"

#include <QCborMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace baton {

class AgentConnection;

// What one agent did while the window was not watching: each time its connection becomes live
// (the first time, and after every reconnect) the agent's history is asked for, from the newest of
// its events the log already had when the connection last began (the whole history the first
// time), and merged into the log, converted to this desktop's clock and marked earlier. Events
// that arrived live meanwhile, or were in the saved log, are kept once (EventLogModel::merge).
// Refusals: rate-limited is asked again a second later; an agent without the verb is said once and
// not asked again on that connection. A connection lost mid-fetch fetches again when it is back,
// asking for half as many events (a reply over the channel's frame limit ends the connection).
class HistoryFetcher : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Waiting,     // for the connection to become live
        Fetching,    // asked, no answer yet
        RetryLater,  // refused as rate-limited: asked again after RetryMs
        Done,        // merged
        Unsupported, // the agent does not know the verb
        Failed,      // refused otherwise, or a reply that could not be used (said in the log)
    };
    Q_ENUM(State)

    static constexpr int RetryMs = 1000;
    static constexpr int MinLimit = 250;

    // Owned by the connection unless a parent is given: it lives as long as what it listens to.
    HistoryFetcher(AgentConnection* connection, QString node, EventLogModel* log, QObject* parent = nullptr);

    State state() const { return m_state; }
    // What the next request asks for.
    qint64 sinceMs() const { return m_sinceMs; }
    int limit() const { return m_limit; }
    // Events merged, over every fetch.
    int merged() const { return m_merged; }

Q_SIGNALS:
    void stateChanged(baton::HistoryFetcher::State state);

private:
    void connectionChanged();
    void fetch();
    void replied(qint64 id, const QCborMap& data);
    void refused(qint64 id, const QString& code);
    void disconnected();
    void use(const QCborMap& data);
    void setState(State state);
    void note(const QString& text);

    QPointer<AgentConnection> m_connection;
    QString m_node;
    QPointer<EventLogModel> m_log;
    QTimer m_retry;
    State m_state = State::Waiting;
    bool m_due = true; // this connection's history is still to be fetched
    qint64 m_request = 0;
    qint64 m_sinceMs = 0;
    int m_limit;
    int m_merged = 0;
    bool m_unsupportedSaid = false;
};

} // namespace baton
