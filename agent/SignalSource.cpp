// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignalSource.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/signalfd.h>
#include <unistd.h>

namespace baton {

namespace {
sigset_t handledSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigaddset(&set, SIGUSR1); // ucarp: log the state
    sigaddset(&set, SIGUSR2); // ucarp: step down
    return set;
}
} // namespace

void SignalSource::block()
{
    const sigset_t set = handledSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalSource::SignalSource(QObject* parent)
    : QObject(parent)
{
    const sigset_t set = handledSignals();
    m_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (m_fd < 0) {
        // Unblocked again, so that SIGTERM at least still stops batond (without a bow-out).
        pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        qCritical("signalfd failed: signals will stop batond without a bow-out");
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalSource::read);
}

SignalSource::~SignalSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void SignalSource::read()
{
    signalfd_siginfo info{};
    while (::read(m_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        const int signal = static_cast<int>(info.ssi_signo);
        if (signal == SIGHUP)
            Q_EMIT reload();
        else if (signal == SIGUSR1)
            Q_EMIT logState();
        else if (signal == SIGUSR2)
            Q_EMIT stepDown();
        else
            Q_EMIT terminate(signal);
    }
}

} // namespace baton
