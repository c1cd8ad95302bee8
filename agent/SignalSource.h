// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace baton {

// Signals as Qt signals, through signalfd: no work in a signal handler. SIGTERM/SIGINT/SIGQUIT
// leave, SIGHUP reloads; SIGUSR1 logs the state and SIGUSR2 hands over, as ucarp's users expect
// (left at their default actions they would kill batond without a bow-out, VIP left behind).
// block() must run in main() before any thread starts, so every thread inherits the mask.
class SignalSource : public QObject
{
    Q_OBJECT
public:
    static void block();
    explicit SignalSource(QObject* parent = nullptr);
    ~SignalSource() override;

Q_SIGNALS:
    void terminate(int signal);
    void reload();
    void logState();
    void stepDown();

private:
    void read();

    int m_fd = -1;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace baton
