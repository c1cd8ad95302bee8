// SPDX-License-Identifier: GPL-3.0-or-later
#include "HookRunner.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace baton {

HookRunner::HookRunner(QObject* parent)
    : QObject(parent)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        m_timedOut = true;
        qWarning("hook %s timed out after %d s: killed", qUtf8Printable(m_current.program),
                 m_current.timeoutSeconds);
        // The whole process group: a hook's own children (curl, sleep, ...) go with it.
        if (const auto pid = static_cast<pid_t>(m_process->processId()); pid > 0)
            ::kill(-pid, SIGKILL);
        m_process->kill();
    });
}

HookRunner::~HookRunner()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void HookRunner::run(const QString& program, const QStringList& arguments, int timeoutSeconds)
{
    m_queue.enqueue(Job{program, arguments, timeoutSeconds});
    if (!m_process)
        startNext();
}

void HookRunner::startNext()
{
    if (m_queue.isEmpty())
        return;
    m_current = m_queue.dequeue();
    m_timedOut = false;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // batond blocks SIGTERM/SIGINT/SIGHUP for its signalfd, and a mask survives exec: give the
    // hook a clean one, and its own process group so a timeout can kill everything it started.
    m_process->setChildProcessModifier([] {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        setpgid(0, 0);
    });
    QProcess* process = m_process;
    connect(process, &QProcess::readyRead, this, [this, process] {
        const QList<QByteArray> lines = process->readAll().split('\n');
        for (const QByteArray& line : lines)
            if (!line.trimmed().isEmpty())
                qInfo("hook %s: %s", qUtf8Printable(m_current.program), line.constData());
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus) { onFinished(exitCode); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            qWarning("hook %s could not start: %s", qUtf8Printable(m_current.program),
                     qUtf8Printable(m_process->errorString()));
            onFinished(-1);
        }
    });
    qInfo("running hook %s %s", qUtf8Printable(m_current.program),
          qUtf8Printable(m_current.arguments.join(u' ')));
    m_timeout->start(m_current.timeoutSeconds * 1000);
    m_process->start(m_current.program, m_current.arguments);
}

void HookRunner::onFinished(int exitCode)
{
    if (!m_process)
        return;
    m_timeout->stop();
    if (exitCode != 0 && !m_timedOut)
        qWarning("hook %s exited with status %d", qUtf8Printable(m_current.program), exitCode);
    m_process->deleteLater();
    m_process = nullptr;
    Q_EMIT finished(m_current.program, exitCode, m_timedOut);
    startNext();
}

} // namespace baton
