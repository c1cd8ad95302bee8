// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcmpProber.h"

#include "probe/IcmpSocketBackend.h"
#include "probe/PingProcessBackend.h"

#include <unistd.h>

namespace baton {

namespace {
QHostAddress normalised(const QHostAddress& address)
{
    bool ok = false;
    const quint32 ipv4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(ipv4) : QHostAddress();
}
} // namespace

IcmpProber::IcmpProber(QObject* parent)
    : IcmpProber(defaultOrder(), parent)
{
}

IcmpProber::IcmpProber(const QList<Method>& order, QObject* parent, const QString& pingProgram)
    : QObject(parent)
    , m_order(order)
    , m_pingProgram(pingProgram)
{
    m_order.removeAll(Method::None);
    selectFrom(0);
}

IcmpProber::~IcmpProber() = default;

void IcmpProber::setTargets(const QList<QHostAddress>& targets)
{
    QList<QHostAddress> next;
    for (const QHostAddress& address : targets) {
        const QHostAddress ipv4 = normalised(address);
        if (!ipv4.isNull() && !next.contains(ipv4))
            next.append(ipv4);
    }
    m_targets = next;
    if (m_backend)
        m_backend->setTargets(m_targets);
}

void IcmpProber::addTarget(const QHostAddress& target)
{
    setTargets(QList<QHostAddress>(m_targets) << target);
}

void IcmpProber::removeTarget(const QHostAddress& target)
{
    QList<QHostAddress> next = m_targets;
    next.removeAll(normalised(target));
    setTargets(next);
}

int IcmpProber::intervalMs() const
{
    return m_backend ? m_backend->intervalMs() : IntervalMs;
}

QString IcmpProber::methodName() const
{
    return methodName(m_method);
}

QString IcmpProber::methodName(Method method)
{
    switch (method) {
    case Method::DatagramSocket:
        return tr("ICMP socket");
    case Method::PingProcess:
        return tr("system ping");
    case Method::RawSocket:
        return tr("raw ICMP socket");
    case Method::None:
        break;
    }
    return tr("none");
}

void IcmpProber::setIntervalMs(int ms)
{
    m_requestedIntervalMs = ms;
    if (m_backend)
        m_backend->setIntervalMs(ms);
}

QString IcmpProber::methodExplanation() const
{
    const QString widen = tr("set net.ipv4.ping_group_range to include your group (gid %1): "
                             "sysctl -w net.ipv4.ping_group_range='0 2147483647', and the same in a file "
                             "in /etc/sysctl.d/ to keep it")
                              .arg(::getgid());
    QString text;
    switch (m_method) {
    case Method::DatagramSocket:
        text = tr("Using the unprivileged ICMP socket: the best method, nothing to change.");
        break;
    case Method::PingProcess:
        text = tr("Using the system's ping, one process per address. For the faster ICMP socket, %1.")
                   .arg(widen);
        if (intervalMs() > IntervalMs)
            text += QLatin1Char(' ') +
                    tr("This ping allows unprivileged users one echo every %1 ms only, so each address is "
                       "probed %2 times a second instead of 10.")
                        .arg(intervalMs())
                        .arg(1000.0 / intervalMs(), 0, 'f', 1);
        break;
    case Method::RawSocket:
        text = tr("Using a raw ICMP socket, because this program has the CAP_NET_RAW privilege. The window "
                  "should run without privileges; for the unprivileged ICMP socket, %1.")
                   .arg(widen);
        break;
    case Method::None:
        text = tr("No way to send ICMP echo requests: %1, or install the system's ping (Debian package "
                  "iputils-ping). Addresses are not probed.")
                   .arg(widen);
        break;
    }
    if (!m_rejections.isEmpty())
        text += QLatin1Char(' ') + tr("Not used: %1.").arg(m_rejections.join(QStringLiteral("; ")));
    return text;
}

void IcmpProber::selectFrom(qsizetype index)
{
    for (; index < m_order.size(); ++index) {
        const Method method = m_order[index];
        ProbeBackend* backend = nullptr;
        if (method == Method::DatagramSocket)
            backend = new IcmpSocketBackend(IcmpSocketBackend::Kind::Datagram, this);
        else if (method == Method::RawSocket)
            backend = new IcmpSocketBackend(IcmpSocketBackend::Kind::Raw, this);
        else
            backend = new PingProcessBackend(this, m_pingProgram);
        const QString error = backend->open();
        if (!error.isEmpty()) {
            m_rejections.append(QStringLiteral("%1: %2").arg(methodName(method), error));
            delete backend;
            continue;
        }
        m_backend = backend;
        m_index = index;
        m_method = method;
        connect(backend, &ProbeBackend::sampleReady, this, &IcmpProber::sampleReady);
        connect(backend, &ProbeBackend::unusable, this, &IcmpProber::backendUnusable);
        connect(backend, &ProbeBackend::intervalChanged, this, [this] { Q_EMIT methodChanged(m_method); });
        if (m_requestedIntervalMs != IntervalMs)
            backend->setIntervalMs(m_requestedIntervalMs);
        backend->setTargets(m_targets);
        Q_EMIT methodChanged(m_method);
        return;
    }
    m_index = m_order.size();
    m_method = Method::None;
    Q_EMIT methodChanged(m_method);
}

void IcmpProber::backendUnusable(const QString& reason)
{
    m_rejections.append(QStringLiteral("%1: %2").arg(methodName(m_method), reason));
    if (m_backend) {
        m_backend->disconnect(this);
        m_backend->deleteLater();
        m_backend = nullptr;
    }
    selectFrom(m_index + 1);
}

} // namespace baton
