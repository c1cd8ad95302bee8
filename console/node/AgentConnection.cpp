// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentConnection.h"

namespace baton {

namespace {
AgentConnection::Clock& defaultClock()
{
    static AgentConnection::Clock clock = [] {
        static QElapsedTimer monotonic;
        if (!monotonic.isValid())
            monotonic.start();
        return monotonic.elapsed();
    };
    return clock;
}
} // namespace

void AgentConnection::setDefaultClock(Clock clock)
{
    defaultClock() = std::move(clock);
}

AgentConnection::AgentConnection(QString host, quint16 port, QSslConfiguration tls, QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_clock(defaultClock())
{
    m_client.setTlsConfiguration(tls);
    m_tick.setInterval(TickMs);
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryMs);
    connect(&m_tick, &QTimer::timeout, this, &AgentConnection::updateHealth);
    connect(&m_retry, &QTimer::timeout, this, &AgentConnection::connectNow);

    connect(&m_client, &ControlClient::ready, this, [this] {
        m_connected = true;
        m_lastError.clear();
        m_access = m_client.access();
        m_agentName = m_client.agentName();
    });
    connect(&m_client, &ControlClient::statusReceived, this, [this](const AgentStatus& status) {
        heard();
        m_status = status;
        m_statusReceivedMs = m_clock();
        updateHealth();
        Q_EMIT changed(); // every snapshot: ages and countdowns restart from it
    });
    connect(&m_client, &ControlClient::heartbeatReceived, this, [this] {
        heard();
        updateHealth();
    });
    connect(&m_client, &ControlClient::eventReceived, this, [this](const ControlEvent& event) {
        heard();
        Q_EMIT eventReceived(event);
    });
    connect(&m_client, &ControlClient::replied, this, [this](qint64 id, const QCborMap& data) {
        heard();
        Q_EMIT replied(id, data);
    });
    connect(&m_client, &ControlClient::refused, this,
            [this](qint64 id, const QString& code, const QCborMap& detail) {
                heard();
                Q_EMIT refused(id, code, detail);
            });
    connect(&m_client, &ControlClient::disconnected, this, &AgentConnection::onDisconnected);
}

AgentConnection::~AgentConnection()
{
    // Closes the socket before the timers (declared after m_client) are gone, and without
    // ControlClient reporting the close back into this half-destroyed object.
    m_client.disconnect(this);
    m_client.disconnectFromAgent();
}

void AgentConnection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_lastError.clear();
    m_tick.start();
    connectNow();
}

void AgentConnection::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_tick.stop();
    m_retry.stop();
    m_client.disconnectFromAgent();
    m_connected = false;
    m_lastError = tr("Not connected.");
    updateHealth();
}

void AgentConnection::connectNow()
{
    if (!m_running)
        return;
    m_connected = false;
    m_client.connectToAgent(m_host, m_port);
}

void AgentConnection::heard()
{
    m_lastHeardMs = m_clock();
}

void AgentConnection::onDisconnected(const QString& reason)
{
    m_connected = false;
    m_lastError = reason;
    updateHealth();
    Q_EMIT disconnected(reason);
    if (m_running)
        m_retry.start();
}

void AgentConnection::updateHealth()
{
    if (m_connected && lastHeardMsAgo() >= ReconnectAfterSilenceMs) {
        m_client.disconnectFromAgent();
        return onDisconnected(
            tr("Nothing heard from the agent for %1 s.").arg(ReconnectAfterSilenceMs / 1000));
    }
    Health health = Health::Unreachable;
    if (m_connected)
        health = lastHeardMsAgo() >= 0 && lastHeardMsAgo() < StaleAfterMs ? Health::Live : Health::Stale;
    else if (m_lastError.isEmpty())
        health = Health::Connecting;
    if (health == m_health)
        return;
    m_health = health;
    Q_EMIT changed();
}

QString AgentConnection::healthText() const
{
    switch (m_health) {
    case Health::Connecting:
        return tr("connecting");
    case Health::Live:
        return tr("live");
    case Health::Stale:
        return tr("stale");
    case Health::Unreachable:
        break;
    }
    return tr("unreachable");
}

qint64 AgentConnection::send(const ControlRequest& request)
{
    if (!m_connected)
        return 0;
    return m_client.send(request);
}

} // namespace baton
