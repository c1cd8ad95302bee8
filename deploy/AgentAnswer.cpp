// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentAnswer.h"

#include "control/ControlClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace baton {

bool AgentAnswer::wait(const QSslConfiguration& tls, const QString& host, quint16 port, int timeoutMs,
                       const std::atomic_bool* cancel, QString* error)
{
    return waitFor(
        tls, host, port, timeoutMs, cancel, [](const AgentStatus&) { return true; }, error);
}

bool AgentAnswer::waitFor(const QSslConfiguration& tls, const QString& host, quint16 port, int timeoutMs,
                          const std::atomic_bool* cancel,
                          const std::function<bool(const AgentStatus&)>& until, QString* error)
{
    QElapsedTimer clock;
    clock.start();
    *error = QCoreApplication::translate("AgentAnswer", "no answer");
    while (clock.elapsed() < timeoutMs) {
        if (cancel && cancel->load()) {
            *error = QCoreApplication::translate("AgentAnswer", "cancelled");
            return false;
        }
        ControlClient client;
        client.setTlsConfiguration(tls);
        client.setSoftware(QStringLiteral("baton-deploy/") + QStringLiteral(BATON_VERSION));
        QEventLoop loop;
        bool answered = false;
        QObject::connect(&client, &ControlClient::statusReceived, &loop, [&](const AgentStatus& status) {
            answered = until(status);
            if (!answered)
                *error =
                    QCoreApplication::translate("AgentAnswer", "the agent answers, but not yet as expected");
            loop.quit();
        });
        QObject::connect(&client, &ControlClient::disconnected, &loop, [&](const QString& reason) {
            *error = reason;
            loop.quit();
        });
        QTimer attempt;
        attempt.setSingleShot(true);
        QObject::connect(&attempt, &QTimer::timeout, &loop, &QEventLoop::quit);
        attempt.start(
            static_cast<int>(std::min<qint64>(3000, std::max<qint64>(100, timeoutMs - clock.elapsed()))));
        client.connectToAgent(host, port);
        loop.exec();
        if (answered)
            return true;
        client.disconnectFromAgent();
        QEventLoop pause;
        QTimer::singleShot(300, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return false;
}

} // namespace baton
