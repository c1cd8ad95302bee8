// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlThread.h"

#include "ControlServer.h"
#include "ControlService.h"
#include "RealtimeSetup.h"

#include <QHostAddress>

#include <sys/resource.h>
#include <unistd.h>

namespace baton {

namespace {
constexpr int ControlNice = 10; // TLS work yields the CPU to the CARP timers on the main thread
}

ControlThread::ControlThread(ControlService& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
    m_thread.setObjectName(QStringLiteral("control"));
    connect(
        &m_thread, &QThread::started, &m_thread,
        [] {
            // Never real-time: TLS work from the network must not compete with the adverts. The
            // policy is reset on fork already, unless whoever set it forgot the flag.
            if (!RealtimeSetup::normalise())
                qWarning("control: cannot return the listener thread to normal scheduling");
            // On Linux a nice value is per thread; only the listener's thread is lowered.
            if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), ControlNice) != 0)
                qWarning("control: cannot lower the listener thread's priority");
        },
        Qt::DirectConnection);
}

ControlThread::~ControlThread()
{
    stop();
}

QString ControlThread::start(const ControlConfig& config, const QSslConfiguration& tls)
{
    auto* server = new ControlServer(tls, m_service.agentName());
    if (!server->listen(QHostAddress(config.listenAddress), config.port)) {
        const QString error = QStringLiteral("control listener %1:%2: %3")
                                  .arg(config.listenAddress)
                                  .arg(config.port)
                                  .arg(server->errorString());
        delete server;
        return error;
    }
    server->setAdvertHistory(&m_service.adverts());
    server->setEventJournal(&m_service.history());
    m_port = server->serverPort();
    m_server = server;
    // The snapshot must be there before the first client is greeted.
    m_server->publishStatus(m_service.status().toCbor());
    m_server->moveToThread(&m_thread);
    connect(m_server, &ControlServer::request, &m_service, &ControlService::execute);
    connect(&m_service, &ControlService::replyReady, m_server, &ControlServer::deliverReply);
    connect(&m_service, &ControlService::statusChanged, m_server, &ControlServer::publishStatus);
    connect(&m_service, &ControlService::heartbeat, m_server, &ControlServer::publishHeartbeat);
    connect(&m_service, &ControlService::eventRaised, m_server, &ControlServer::publishEvent);
    m_thread.start();
    return {};
}

void ControlThread::setRevoked(const QSet<QByteArray>& serials)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [server = m_server, serials] { server->setRevoked(serials); });
}

void ControlThread::stop()
{
    if (!m_server)
        return;
    ControlServer* server = m_server;
    m_server = nullptr;
    QMetaObject::invokeMethod(
        server,
        [server] {
            server->closeAll();
            delete server;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace baton
