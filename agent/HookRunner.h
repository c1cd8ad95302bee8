// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

class QProcess;
class QTimer;

namespace baton {

// Runs up/down scripts one at a time without blocking the event loop (ucarp blocked in waitpid,
// freezing its adverts). A script that outlives its timeout is killed with everything it started.
// Output goes to the log.
//
// Per group only the latest state counts: a batch asked for a group replaces the one still
// waiting for it, and a batch of the kind the group's hooks last ran is skipped. A group that
// flaps (FlapRequests batches within FlapWindowMs) has its hooks held until it has been steady for
// SettleMs. Fifty flaps in a few seconds run a few hooks, the last one for the final state, and a
// shutdown never waits for hooks that no longer matter.
class HookRunner : public QObject
{
    Q_OBJECT
public:
    struct Invocation
    {
        QString program;
        QStringList arguments;
        bool operator==(const Invocation&) const = default;
    };

    static constexpr int FlapRequests = 4;
    static constexpr qint64 FlapWindowMs = 10'000;
    static constexpr qint64 SettleMs = 1'000;

    explicit HookRunner(QObject* parent = nullptr);
    ~HookRunner() override;

    // group: who asks (one key per vhid and interface); kind: "up" or "down".
    void run(const QString& group, const QString& kind, const QList<Invocation>& invocations,
             int timeoutSeconds);
    bool idle() const { return !m_process && m_order.isEmpty(); }
    // A shutdown runs what is waiting at once: holding hooks for a steady state ends here.
    void flushHeld();

Q_SIGNALS:
    void finished(const QString& program, int exitCode, bool timedOut);

private:
    struct Batch
    {
        QString group;
        QString kind;
        QList<Invocation> invocations;
        int timeoutSeconds = 30;
    };
    void startNext();
    qint64 heldFor(const QString& group) const; // ms until the group's batch may start (0: now)
    void start(const Invocation& invocation);
    void onFinished(int exitCode);

    QStringList m_order;                   // groups with a batch waiting, oldest first
    QHash<QString, Batch> m_waiting;       // the latest batch per group
    QHash<QString, QString> m_ran;         // per group, the kind its hooks last ran (or run now)
    QHash<QString, QList<qint64>> m_asked; // per group, when batches were asked (FlapWindowMs)
    QElapsedTimer m_clock;
    QTimer* m_settle = nullptr;
    bool m_flushing = false;
    Batch m_current;
    qsizetype m_next = 0; // the next invocation of m_current
    QProcess* m_process = nullptr;
    QTimer* m_timeout = nullptr;
    bool m_timedOut = false;
};

} // namespace baton
