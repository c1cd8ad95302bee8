// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeSample.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

namespace baton {

class ProbeBackend;

// ICMP echo to each target every 100 ms (setIntervalMs() for another rate), reply timeout 1 s (a later reply
// is ignored: the echo is reported lost), one sampleReady() per echo: answered at once, lost when its timeout
// ends (or at once when it could not be sent, e.g. no route). IPv4 only. Nothing here blocks the event loop.
//
// Methods, tried in this order when constructed (and again from the next one if the one in use
// stops working):
//   DatagramSocket  the unprivileged ICMP socket; needs the user's group in net.ipv4.ping_group_range
//                   (Debian 12 ships "1 0": nobody)
//   PingProcess     the system's ping, one process per target (Debian's has cap_net_raw)
//   RawSocket       a raw ICMP socket; only works with CAP_NET_RAW, which the window should not have
class IcmpProber : public QObject
{
    Q_OBJECT
public:
    enum class Method
    {
        None,
        DatagramSocket,
        PingProcess,
        RawSocket,
    };
    Q_ENUM(Method)
    static constexpr int IntervalMs = 100;
    static constexpr int TimeoutMs = 1000;
    static QList<Method> defaultOrder()
    {
        return {Method::DatagramSocket, Method::PingProcess, Method::RawSocket};
    }

    explicit IcmpProber(QObject* parent = nullptr);
    // Only these methods, in this order (tests, diagnostics). PingProcess runs pingProgram if given.
    explicit IcmpProber(const QList<Method>& order, QObject* parent = nullptr,
                        const QString& pingProgram = {});
    ~IcmpProber() override;

    void setTargets(const QList<QHostAddress>& targets);
    void addTarget(const QHostAddress& target);
    void removeTarget(const QHostAddress& target);
    QList<QHostAddress> targets() const { return m_targets; }

    Method method() const { return m_method; }
    // The interval really used: 100 ms, unless the system's ping refuses that to unprivileged users.
    int intervalMs() const;
    // Asks for another interval (default IntervalMs); intervalMs() says what the method granted.
    void setIntervalMs(int ms);
    // A short name for the status line: "ICMP socket", "system ping", "raw ICMP socket", "none".
    QString methodName() const;
    static QString methodName(Method method);
    // Which method is in use, and what to change on this machine to get a better one.
    QString methodExplanation() const;
    // Why the methods before the one in use were not taken, one line each.
    QStringList rejections() const { return m_rejections; }

Q_SIGNALS:
    void sampleReady(const QHostAddress& target, const baton::ProbeSample& sample);
    // After a fallback at runtime, or when the interval changes.
    void methodChanged(baton::IcmpProber::Method method);

private:
    void selectFrom(qsizetype index);
    void backendUnusable(const QString& reason);

    QList<Method> m_order;
    QString m_pingProgram;
    qsizetype m_index = -1; // of m_method in m_order
    Method m_method = Method::None;
    QPointer<ProbeBackend> m_backend;
    QList<QHostAddress> m_targets;
    QStringList m_rejections;
    int m_requestedIntervalMs = IntervalMs;
};

} // namespace baton
