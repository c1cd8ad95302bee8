// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeSample.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

namespace baton {

// One way of sending ICMP echoes (ping socket, raw socket, the system's ping). It probes each of
// its IPv4 targets once per interval and reports every echo once: answered at once, lost when the
// timeout has ended (or at once if it could not even be sent). Never blocks the event loop.
class ProbeBackend : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 100;
    static constexpr int TimeoutMs = 1000;

    using QObject::QObject;

    // Prepares the method: an empty string when it can be used, else why not.
    virtual QString open() = 0;
    // Targets come and go at runtime. Echoes in flight to a removed target are forgotten: no sample
    // for it arrives after this call.
    virtual void setTargets(const QList<QHostAddress>& targets) = 0;
    // What the method really does; the system's ping may refuse 10 Hz to unprivileged users.
    virtual int intervalMs() const { return IntervalMs; }
    // Probes every ms from now on (a drill measures at a finer resolution than the window shows).
    virtual void setIntervalMs(int ms) = 0;

Q_SIGNALS:
    void sampleReady(const QHostAddress& target, const baton::ProbeSample& sample);
    // The method stopped working as a whole (ping refused to open its socket): try another one.
    void unusable(const QString& reason);
    void intervalChanged(int intervalMs);
};

} // namespace baton
