// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryFetcher.h"

#include "control/ControlError.h"
#include "control/ControlProtocol.h"
#include "log/AgentEventEntry.h"
#include "node/AgentConnection.h"

#include <QCborArray>
#include <QDateTime>

namespace baton {

HistoryFetcher::HistoryFetcher(AgentConnection* connection, QString node, EventLogModel* log, QObject* parent)
    : QObject(parent ? parent : connection)
    , m_connection(connection)
    , m_node(std::move(node))
    , m_log(log)
    , m_limit(control::HistoryMaxEvents)
{
    m_sinceMs = m_log->newestAgentTime(m_node).value_or(0);
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryMs);
    connect(&m_retry, &QTimer::timeout, this, &HistoryFetcher::connectionChanged);
    connect(connection, &AgentConnection::changed, this, &HistoryFetcher::connectionChanged);
    connect(connection, &AgentConnection::replied, this, &HistoryFetcher::replied);
    connect(connection, &AgentConnection::refused, this,
            [this](qint64 id, const QString& code, const QCborMap&) { refused(id, code); });
    connect(connection, &AgentConnection::disconnected, this, &HistoryFetcher::disconnected);
    connectionChanged();
}

void HistoryFetcher::connectionChanged()
{
    if (m_due && m_request == 0 && !m_retry.isActive() && m_connection && m_connection->isLive())
        fetch();
}

void HistoryFetcher::fetch()
{
    ControlRequest request;
    request.verb = ControlRequest::Verb::History;
    request.sinceMs = m_sinceMs;
    request.limit = m_limit;
    m_request = m_connection->send(request);
    if (m_request != 0)
        setState(State::Fetching);
}

void HistoryFetcher::replied(qint64 id, const QCborMap& data)
{
    if (id == 0 || id != m_request)
        return;
    m_request = 0;
    m_due = false;
    use(data);
}

void HistoryFetcher::use(const QCborMap& data)
{
    const QCborValue list = data.value(control::key::Events);
    if (!list.isArray()) {
        note(tr("The agent's history could not be used: its reply has no list of events."));
        return setState(State::Failed);
    }
    const QCborArray events = list.toArray();
    if (events.size() > m_limit) {
        note(tr("The agent's history could not be used: its reply holds %1 events, more than the %2 asked "
                "for.")
                 .arg(events.size())
                 .arg(m_limit));
        return setState(State::Failed);
    }
    // One offset for the whole reply, from the status just before it (AgentEventEntry::clockOffsetMs).
    qint64 offset = 0;
    if (const auto& status = m_connection->status())
        offset = AgentEventEntry::clockOffsetMs(status->timeMs, m_connection->statusAgeMs(),
                                                QDateTime::currentMSecsSinceEpoch());
    QList<EventLogModel::Entry> entries;
    entries.reserve(events.size());
    qsizetype unreadable = 0;
    QString firstProblem;
    for (qsizetype i = 0; i < events.size(); ++i) {
        QString problem = tr("not a map");
        const std::optional<ControlEvent> event =
            events.at(i).isMap() ? ControlEvent::fromMessage(events.at(i).toMap(), &problem) : std::nullopt;
        if (!event) {
            if (unreadable++ == 0)
                firstProblem = tr("event %1: %2").arg(i + 1).arg(problem);
            continue;
        }
        entries.append(AgentEventEntry::make(m_node, *event, event->timeMs - offset, true));
    }
    if (unreadable > 0)
        note(tr("Left out unreadable events from the agent's history: %1 of %2 (the first: %3).")
                 .arg(unreadable)
                 .arg(events.size())
                 .arg(firstProblem));
    if (m_log)
        m_merged += m_log->merge(entries);
    setState(State::Done);
}

void HistoryFetcher::refused(qint64 id, const QString& code)
{
    if (id == 0 || id != m_request)
        return;
    m_request = 0;
    if (code == ControlErrors::code(ControlError::RateLimited)) {
        m_retry.start();
        return setState(State::RetryLater);
    }
    m_due = false;
    if (code == ControlErrors::code(ControlError::UnknownVerb)) {
        if (!m_unsupportedSaid)
            note(tr("This agent keeps no history (it is older than this window): what happened while the "
                    "window was not watching cannot be shown."));
        m_unsupportedSaid = true;
        return setState(State::Unsupported);
    }
    note(tr("The agent refused to send its history: %1").arg(ControlErrors::describe(code)));
    setState(State::Failed);
}

void HistoryFetcher::disconnected()
{
    if (m_request != 0) {
        // Whatever the reason, a smaller reply next time: a history over the frame limit ends the
        // connection, and asking for the same again would end the next one too.
        const int smaller = std::max(MinLimit, m_limit / 2);
        if (smaller < m_limit)
            note(tr("The connection ended while the agent's history was on its way; it is asked for again, "
                    "at most %1 events, when the agent is back.")
                     .arg(smaller));
        m_limit = smaller;
    }
    m_request = 0;
    m_retry.stop();
    m_due = true;
    // From what the log has now: what arrives on the next connection before the history must
    // not move the start past events that happened during the outage.
    if (m_log)
        m_sinceMs = std::max(m_sinceMs, m_log->newestAgentTime(m_node).value_or(0));
    setState(State::Waiting);
}

void HistoryFetcher::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void HistoryFetcher::note(const QString& text)
{
    if (m_log)
        m_log->append(QDateTime::currentMSecsSinceEpoch(), m_node, EventLogModel::Kind::Connection, text);
}

} // namespace baton
