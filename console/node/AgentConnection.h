// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"
#include "control/ControlClient.h"
#include "control/ControlRequest.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <optional>

namespace baton {

// The window's link to one agent: a ControlClient that reconnects by itself and judges how far
// the last snapshot can be trusted. The window must never show a confident MASTER it has not heard
// recently, and a stopped agent (SIGSTOP) keeps its TCP connection open, so silence is measured
// on a clock here, not inferred from the socket.
class AgentConnection : public QObject
{
    Q_OBJECT
public:
    enum class Health
    {
        Connecting,  // the first attempt is under way, nothing heard yet
        Live,        // connected, and a message arrived within StaleAfterMs
        Stale,       // connected, but nothing for StaleAfterMs or more (a frozen agent or path)
        Unreachable, // not connected: the attempt failed or the connection was lost (lastError())
    };
    Q_ENUM(Health)

    static constexpr int StaleAfterMs = 3000;
    // A connection silent this long is dropped and dialled again: after a crash or a reboot of
    // the node, or a path that lost its state, no error ever reaches an idle TCP connection.
    static constexpr int ReconnectAfterSilenceMs = 10000;
    static constexpr int RetryMs = 2000;
    static constexpr int TickMs = 250;

    AgentConnection(QString host, quint16 port, QSslConfiguration tls, QObject* parent = nullptr);
    ~AgentConnection() override;

    // Silence is measured on this clock (monotonic milliseconds). Tests move a fake one and call
    // recheck(), rather than wait real seconds; connections made afterwards take the default.
    using Clock = std::function<qint64()>;
    static void setDefaultClock(Clock clock);
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // Judges the health now (the tick does it every TickMs).
    void recheck() { updateHealth(); }

    // Connects; after any disconnect it retries every RetryMs until stop().
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    Health health() const { return m_health; }
    bool isLive() const { return m_health == Health::Live; }
    // The last snapshot, kept through silence and disconnects for "last seen"; check health().
    const std::optional<AgentStatus>& status() const { return m_status; }
    // Milliseconds since status() arrived (-1: none yet); with status()->timeMs it turns the
    // agent's deadlines into local countdowns without trusting this host's clock to match.
    qint64 statusAgeMs() const { return m_statusReceivedMs < 0 ? -1 : m_clock() - m_statusReceivedMs; }
    // Milliseconds since any message arrived from the agent (-1: never).
    qint64 lastHeardMsAgo() const { return m_lastHeardMs < 0 ? -1 : m_clock() - m_lastHeardMs; }
    // Why the last attempt failed or the connection ended, translated; empty while all is well.
    QString lastError() const { return m_lastError; }
    // "operator" or "read-only" as the agent sees this console; empty before the first hello.
    ConsoleAccess access() const { return m_access; }
    bool mayChange() const { return m_access == ConsoleAccess::Operator; }
    // The agent's name from its hello (its certificate's CN); empty before the first hello.
    QString agentName() const { return m_agentName; }
    QString healthText() const; // "live", "stale", … translated

    // Sends with a fresh id and returns it; 0 when not connected (nothing is queued).
    qint64 send(const ControlRequest& request);

Q_SIGNALS:
    // The status or the health changed (also when it turns stale without any message).
    void changed();
    void eventReceived(const baton::ControlEvent& event);
    void replied(qint64 id, const QCborMap& data);
    void refused(qint64 id, const QString& code, const QCborMap& detail);
    // The connection ended; requests in flight will get no reply.
    void disconnected(const QString& reason);

private:
    void connectNow();
    void heard();
    void onDisconnected(const QString& reason);
    void updateHealth();

    QString m_host;
    quint16 m_port;
    ControlClient m_client;
    QTimer m_tick;
    QTimer m_retry;
    Clock m_clock;
    qint64 m_lastHeardMs = -1;
    qint64 m_statusReceivedMs = -1;
    bool m_running = false;
    bool m_connected = false; // past the hello and the first status
    Health m_health = Health::Connecting;
    QString m_lastError;
    ConsoleAccess m_access = ConsoleAccess::ReadOnly;
    QString m_agentName;
    std::optional<AgentStatus> m_status;
};

} // namespace baton
