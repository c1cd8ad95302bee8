// SPDX-License-Identifier: GPL-3.0-or-later
#include "SshRebooter.h"

#include "DeployStep.h"
#include "ServerLogin.h"

#include <QThread>

namespace baton {

SshRebooter::SshRebooter(std::array<SshTarget, 2> targets, std::array<QString, 2> servers,
                         DeployPrompter& prompter, QObject* parent)
    : ServerRebooter(parent)
    , m_prompter(prompter)
{
    for (std::size_t i = 0; i < 2; ++i) {
        m_servers[i].target = std::move(targets[i]);
        m_servers[i].name = std::move(servers[i]);
    }
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("ssh-rebooter"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

SshRebooter::~SshRebooter()
{
    m_cancel = true;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

template <typename Work>
void SshRebooter::onWorker(Work work)
{
    QMetaObject::invokeMethod(m_context, std::move(work), Qt::QueuedConnection);
}

void SshRebooter::prepare()
{
    onWorker([this] {
        QString error;
        QStringList access;
        for (Server& server : m_servers) {
            const auto report = [&](const QString& step, const QString& detail) {
                const QString text = QStringLiteral("%1: %2%3")
                                         .arg(server.name, DeployStep::name(step),
                                              detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
                QMetaObject::invokeMethod(
                    this, [this, text] { Q_EMIT progress(text); }, Qt::QueuedConnection);
            };
            if (!ServerLogin::open(server.target, server.name, m_prompter, &m_cancel, report, server.session,
                                   server.host, &error))
                break;
            access << tr("%1 over SSH as %2@%3 port %4, %5")
                          .arg(server.name, server.target.user, server.target.hostName)
                          .arg(server.target.port)
                          .arg(server.host->elevationText());
        }
        if (!error.isEmpty())
            access.clear();
        // Queued to this object: dropped if it is deleted first (the destructor waits for this thread).
        QMetaObject::invokeMethod(
            this, [this, error, text = access.join(QStringLiteral("; "))] { Q_EMIT prepared(error, text); },
            Qt::QueuedConnection);
    });
}

void SshRebooter::reboot(int node)
{
    onWorker([this, node] {
        Server& server = m_servers[static_cast<std::size_t>(node)];
        QString error;
        if (!server.host) {
            error = tr("%1 is not logged in").arg(server.name);
        } else {
            const std::optional<CommandResult> result =
                server.host->root(QStringLiteral("systemctl reboot"), CommandTimeoutMs, &error);
            if (result && !result->ok())
                error = tr("systemctl reboot on %1 failed (exit status %2): %3")
                            .arg(server.name)
                            .arg(result->exitStatus)
                            .arg(result->tail());
            else if (result || server.session->failure() == SshSession::Failure::Lost ||
                     server.session->failure() == SshSession::Failure::TimedOut)
                error.clear(); // the shutdown closes the connection, often before the answer
            else
                error = tr("systemctl reboot on %1: %2").arg(server.name, error);
        }
        QMetaObject::invokeMethod(
            this, [this, node, error] { Q_EMIT rebootSent(node, error); }, Qt::QueuedConnection);
    });
}

} // namespace baton
