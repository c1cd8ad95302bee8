// SPDX-License-Identifier: GPL-3.0-or-later
#include "HookRunner.h"

#include "RealtimeSetup.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace baton {

HookRunner::HookRunner(QObject* parent)
    : QObject(parent)
    , m_settle(new QTimer(this))
    , m_timeout(new QTimer(this))
{
    m_clock.start();
    m_settle->setSingleShot(true);
    connect(m_settle, &QTimer::timeout, this, &HookRunner::startNext);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        m_timedOut = true;
        qWarning("hook %s timed out after %d s: killed", qUtf8Printable(m_process->program()),
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

void HookRunner::run(const QString& group, const QString& kind, const QList<Invocation>& invocations,
                     int timeoutSeconds)
{
    if (invocations.isEmpty())
        return;
    QList<qint64>& asked = m_asked[group];
    const qint64 now = m_clock.elapsed();
    asked.removeIf([now](qint64 t) { return now - t > FlapWindowMs; });
    asked << now;
    if (!m_order.contains(group))
        m_order << group;
    m_waiting.insert(group, Batch{group, kind, invocations, timeoutSeconds});
    if (!m_process)
        startNext();
}

qint64 HookRunner::heldFor(const QString& group) const
{
    const QList<qint64> asked = m_asked.value(group);
    if (m_flushing || asked.size() < FlapRequests)
        return 0;
    return std::max<qint64>(0, asked.last() + SettleMs - m_clock.elapsed());
}

void HookRunner::flushHeld()
{
    m_flushing = true;
    startNext();
}

void HookRunner::startNext()
{
    if (m_process)
        return;
    if (m_next < m_current.invocations.size())
        return start(m_current.invocations.at(m_next++));
    qint64 wait = -1; // until the first held group settles
    for (qsizetype i = 0; i < m_order.size();) {
        if (const qint64 held = heldFor(m_order.at(i)); held > 0) {
            wait = wait < 0 ? held : std::min(wait, held);
            ++i;
            continue;
        }
        Batch batch = m_waiting.take(m_order.takeAt(i));
        // The group went through states whose hooks were passed over and is back where its hooks
        // last left it: nothing to run.
        if (m_ran.value(batch.group) == batch.kind) {
            qInfo("hooks: %s %s skipped, the last ones run were for that state already",
                  qUtf8Printable(batch.group), qUtf8Printable(batch.kind));
            continue;
        }
        m_ran.insert(batch.group, batch.kind);
        m_current = std::move(batch);
        m_next = 0;
        return start(m_current.invocations.at(m_next++));
    }
    if (wait >= 0)
        m_settle->start(static_cast<int>(wait));
}

void HookRunner::start(const Invocation& invocation)
{
    m_timedOut = false;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // batond blocks SIGTERM/SIGINT/SIGHUP for its signalfd, and a mask survives exec: give the
    // hook a clean one, and its own process group so a timeout can kill everything it started.
    // A hook never runs real-time (nor with batond's timer slack), whatever the agent runs with.
    m_process->setChildProcessModifier([] {
        RealtimeSetup::normalise();
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
                qInfo("hook %s: %s", qUtf8Printable(process->program()), line.constData());
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus) { onFinished(exitCode); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            qWarning("hook %s could not start: %s", qUtf8Printable(m_process->program()),
                     qUtf8Printable(m_process->errorString()));
            onFinished(-1);
        }
    });
    qInfo("running hook %s %s", qUtf8Printable(invocation.program),
          qUtf8Printable(invocation.arguments.join(u' ')));
    m_timeout->start(m_current.timeoutSeconds * 1000);
    m_process->start(invocation.program, invocation.arguments);
}

void HookRunner::onFinished(int exitCode)
{
    if (!m_process)
        return;
    m_timeout->stop();
    const QString program = m_process->program();
    if (exitCode != 0 && !m_timedOut)
        qWarning("hook %s exited with status %d", qUtf8Printable(program), exitCode);
    m_process->deleteLater();
    m_process = nullptr;
    startNext(); // before the signal, so idle() is already right for whoever listens
    Q_EMIT finished(program, exitCode, m_timedOut);
}

} // namespace baton
