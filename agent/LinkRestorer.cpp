// SPDX-License-Identifier: GPL-3.0-or-later
#include "LinkRestorer.h"

#include "NetlinkRoute.h"
#include "control/ControlProtocol.h"

#include <QDateTime>

namespace baton {

namespace {
constexpr qint64 RetryMs = 1000;
constexpr int LinkDownDelayMs = 200;

QCborMap makeEvent(QLatin1StringView kind, const QString& interface)
{
    QCborMap e;
    e[control::key::Kind] = QString(kind);
    e[QLatin1StringView("interface")] = interface;
    return e;
}
} // namespace

LinkRestorer::LinkRestorer(NetlinkRoute& netlink, Persist persist, QObject* parent)
    : QObject(parent)
    , m_netlink(netlink)
    , m_persist(std::move(persist))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LinkRestorer::fire);
}

void LinkRestorer::resume(const QList<PendingRestore>& restores)
{
    m_pending = restores;
    for (const PendingRestore& p : restores)
        qInfo("pending restore of %s from an earlier run, due %s", qUtf8Printable(p.interface),
              qUtf8Printable(QDateTime::fromMSecsSinceEpoch(p.deadlineMs).toString(Qt::ISODate)));
    fire();
}

std::optional<LinkRestorer::Failure> LinkRestorer::takeDown(const QString& interface, int seconds,
                                                            const QString& by)
{
    for (const PendingRestore& p : std::as_const(m_pending))
        if (p.interface == interface)
            return Failure{ControlError::RestorePending, QStringLiteral("%1 is already down").arg(interface)};
    if (!m_netlink.link(interface))
        return Failure{ControlError::UnknownInterface, QStringLiteral("%1 does not exist").arg(interface)};
    const PendingRestore restore{interface, now() + qint64{seconds} * 1000, by};
    m_pending << restore;
    if (const QString error = m_persist(); !error.isEmpty()) {
        m_pending.removeLast();
        return Failure{ControlError::StateNotSaved, error};
    }
    qInfo("link %s goes down for %s; restore in %d s", qUtf8Printable(interface), qUtf8Printable(by),
          seconds);
    QCborMap e = makeEvent(control::event::RestoreArmed, interface);
    e[QLatin1StringView("deadline")] = restore.deadlineMs;
    e[QLatin1StringView("by")] = by;
    Q_EMIT event(e);
    arm();
    Q_EMIT changed();
    // The reply goes out first: the control channel may run over this very interface.
    QTimer::singleShot(LinkDownDelayMs, this, [this, interface] {
        if (!isPending(interface))
            return; // brought up again already
        if (const QString error = m_netlink.setLinkUp(interface, false); !error.isEmpty()) {
            qCritical("taking link %s down failed: %s", qUtf8Printable(interface), qUtf8Printable(error));
            m_pending.removeIf([&](const PendingRestore& p) { return p.interface == interface; });
            m_persist();
            Q_EMIT event(makeEvent(control::event::LinkDownFailed, interface));
            arm();
            Q_EMIT changed();
        }
    });
    return std::nullopt;
}

bool LinkRestorer::isPending(const QString& interface) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
                       [&](const PendingRestore& p) { return p.interface == interface; });
}

std::optional<LinkRestorer::Failure> LinkRestorer::bringUp(const QString& interface, const QString& by)
{
    for (const PendingRestore& p : std::as_const(m_pending))
        if (p.interface == interface) {
            if (!restore(p, true, by))
                return Failure{ControlError::NetlinkFailed,
                               QStringLiteral("cannot set %1 up").arg(interface)};
            return std::nullopt;
        }
    if (const QString error = m_netlink.setLinkUp(interface, true); !error.isEmpty())
        return Failure{ControlError::NetlinkFailed, error};
    return std::nullopt;
}

bool LinkRestorer::restore(const PendingRestore& restore, bool early, const QString& by)
{
    const QString error = m_netlink.setLinkUp(restore.interface, true);
    const bool gone = !error.isEmpty() && !m_netlink.link(restore.interface);
    if (!error.isEmpty() && !gone) {
        qCritical("restoring link %s failed: %s; retrying", qUtf8Printable(restore.interface),
                  qUtf8Printable(error));
        QCborMap e = makeEvent(control::event::RestoreFailed, restore.interface);
        Q_EMIT event(e);
        return false;
    }
    if (gone)
        qWarning("pending restore of %s dropped: the interface no longer exists",
                 qUtf8Printable(restore.interface));
    else
        qInfo("link %s restored%s", qUtf8Printable(restore.interface),
              early ? qPrintable(QStringLiteral(" early by %1").arg(by)) : " at its deadline");
    m_pending.removeIf([&](const PendingRestore& p) { return p.interface == restore.interface; });
    if (const QString saveError = m_persist(); !saveError.isEmpty())
        qCritical("cannot record the restore of %s: %s", qUtf8Printable(restore.interface),
                  qUtf8Printable(saveError));
    QCborMap e = makeEvent(control::event::RestoreDone, restore.interface);
    e[QLatin1StringView("early")] = early;
    e[QLatin1StringView("late_ms")] = early ? 0 : std::max<qint64>(0, now() - restore.deadlineMs);
    if (early)
        e[QLatin1StringView("by")] = by;
    Q_EMIT event(e);
    Q_EMIT changed();
    arm();
    return true;
}

void LinkRestorer::fire()
{
    const qint64 t = now();
    const QList<PendingRestore> due = m_pending;
    for (const PendingRestore& p : due)
        if (p.deadlineMs <= t)
            restore(p, false, {});
    arm();
}

void LinkRestorer::arm()
{
    if (m_pending.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = m_pending.first().deadlineMs;
    for (const PendingRestore& p : std::as_const(m_pending))
        earliest = std::min(earliest, p.deadlineMs);
    // A deadline already past here means its restore failed: try again shortly, not in a spin.
    const qint64 wait = earliest - now();
    m_timer.start(static_cast<int>(wait <= 0 ? RetryMs : std::min<qint64>(wait, 3'600'000)));
}

} // namespace baton
