// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQueue>
#include <QStringList>

class QProcess;
class QTimer;

namespace baton {

// Runs up/down scripts one at a time, in the order asked, without blocking the event loop
// (ucarp blocked in waitpid, freezing its adverts). A script that outlives its timeout is
// killed. Output goes to the log.
class HookRunner : public QObject
{
    Q_OBJECT
public:
    explicit HookRunner(QObject* parent = nullptr);
    ~HookRunner() override;

    void run(const QString& program, const QStringList& arguments, int timeoutSeconds);
    bool idle() const { return !m_process && m_queue.isEmpty(); }

Q_SIGNALS:
    void finished(const QString& program, int exitCode, bool timedOut);

private:
    struct Job
    {
        QString program;
        QStringList arguments;
        int timeoutSeconds = 30;
    };
    void startNext();
    void onFinished(int exitCode);

    QQueue<Job> m_queue;
    QProcess* m_process = nullptr;
    QTimer* m_timeout = nullptr;
    Job m_current;
    bool m_timedOut = false;
};

} // namespace baton
