// SPDX-License-Identifier: GPL-3.0-or-later
#include "LinkRestorer.h"

#include "AgentClock.h"
#include "LinkControl.h"
#include "control/ControlProtocol.h"

#include <QDateTime>

namespace baton {

namespace {
constexpr qint64 RetryMs = 1000;
constexpr int LinkDownDelayMs = 200;
constexpr qint64 MaxWaitMs = qint64{control::RestoreMaxSeconds} * 1000;

QString clockText(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs).toString(Qt::ISODate);
}
} // namespace

LinkRestorer::LinkRestorer(LinkControl& links, const AgentClock& clock, Persist persist, QObject* parent)
    : QObject(parent)
    , m_links(links)
    , m_clock(clock)
    , m_persist(std::move(persist))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LinkRestorer::check);
}

qint64 LinkRestorer::remainingMs(const SavedRestore& r) const
{
    // Within the boot it was taken in, the boot clock decides; the wall clock may only bring it
    // forward (a restart long after the deadline). A restore from an earlier boot is due now.
    if (r.bootId != m_clock.bootId())
        return 0;
    return std::min(r.bootDeadlineMs - m_clock.bootMs(), r.deadlineMs - m_clock.wallMs());
}

std::optional<qint64> LinkRestorer::nextDueInMs() const
{
    std::optional<qint64> next;
    for (const SavedRestore& r : m_pending)
        next = std::min(next.value_or(remainingMs(r)), remainingMs(r));
    return next;
}

QList<PendingRestore> LinkRestorer::pending() const
{
    QList<PendingRestore> out;
    const qint64 now = m_clock.wallMs();
    for (const SavedRestore& r : m_pending)
        out << PendingRestore{r.interface, now + std::max<qint64>(0, remainingMs(r)), r.requestedBy};
    return out;
}

void LinkRestorer::resume(const QList<SavedRestore>& restores)
{
    m_pending = restores;
    for (SavedRestore& r : m_pending) {
        qInfo("pending restore of %s from an earlier run, due %s%s", qUtf8Printable(r.interface),
              qUtf8Printable(clockText(r.deadlineMs)),
              !r.bootId.isEmpty() && r.bootId != m_clock.bootId() ? " (an earlier boot: now)" : "");
        // From here on the boot clock counts, and never more than the longest restore there is:
        // a file without it (or with a deadline no link-down could have set) is brought into line.
        const qint64 latest = m_clock.bootMs() + MaxWaitMs;
        if (r.bootId.isEmpty()) {
            r.bootId = m_clock.bootId();
            r.bootDeadlineMs =
                std::min(m_clock.bootMs() + std::max<qint64>(0, r.deadlineMs - m_clock.wallMs()), latest);
        } else if (r.bootId == m_clock.bootId()) {
            r.bootDeadlineMs = std::min(r.bootDeadlineMs, latest);
        }
    }
    if (!m_pending.isEmpty())
        if (const QString error = m_persist(); !error.isEmpty())
            qCritical("cannot record the pending restores: %s", qUtf8Printable(error));
    check();
}

std::optional<LinkRestorer::Failure> LinkRestorer::takeDown(const QString& interface, int seconds,
                                                            const QString& by)
{
    if (isPending(interface))
        return Failure{ControlError::RestorePending, QStringLiteral("%1 is already down").arg(interface)};
    if (!m_links.linkExists(interface))
        return Failure{ControlError::UnknownInterface, QStringLiteral("%1 does not exist").arg(interface)};
    const qint64 waitMs = qint64{seconds} * 1000;
    const SavedRestore restore{interface, m_clock.wallMs() + waitMs, m_clock.bootId(),
                               m_clock.bootMs() + waitMs, by};
    m_pending << restore;
    if (const QString error = m_persist(); !error.isEmpty()) {
        m_pending.removeLast();
        return Failure{ControlError::StateNotSaved, error};
    }
    qInfo("link %s goes down for %s; restore in %d s", qUtf8Printable(interface), qUtf8Printable(by),
          seconds);
    Q_EMIT event(ev::RestoreArmed{interface, restore.deadlineMs, by});
    arm();
    Q_EMIT changed();
    // The reply goes out first: the control channel may run over this very interface.
    m_goingDown << interface;
    QTimer::singleShot(LinkDownDelayMs, this, [this, interface] {
        m_goingDown.removeOne(interface);
        if (!isPending(interface))
            return; // brought up again already
        if (const QString error = m_links.setLinkUp(interface, false); !error.isEmpty()) {
            qCritical("taking link %s down failed: %s", qUtf8Printable(interface), qUtf8Printable(error));
            m_pending.removeIf([&](const SavedRestore& p) { return p.interface == interface; });
            m_persist();
            Q_EMIT event(ev::LinkDownFailed{interface});
            arm();
            Q_EMIT changed();
        }
    });
    return std::nullopt;
}

bool LinkRestorer::isPending(const QString& interface) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
                       [&](const SavedRestore& p) { return p.interface == interface; });
}

std::optional<LinkRestorer::Failure> LinkRestorer::bringUp(const QString& interface, const QString& by)
{
    for (const SavedRestore& p : std::as_const(m_pending))
        if (p.interface == interface) {
            if (!restore(p, true, by))
                return Failure{ControlError::NetlinkFailed,
                               QStringLiteral("cannot set %1 up").arg(interface)};
            return std::nullopt;
        }
    if (const QString error = m_links.setLinkUp(interface, true); !error.isEmpty())
        return Failure{ControlError::NetlinkFailed, error};
    return std::nullopt;
}

bool LinkRestorer::restore(const SavedRestore& restore, bool early, const QString& by)
{
    const qint64 lateMs = early ? 0 : std::max<qint64>(0, -remainingMs(restore));
    const QString error = m_links.setLinkUp(restore.interface, true);
    const bool gone = !error.isEmpty() && !m_links.linkExists(restore.interface);
    if (!error.isEmpty() && !gone) {
        qCritical("restoring link %s failed: %s; retrying", qUtf8Printable(restore.interface),
                  qUtf8Printable(error));
        Q_EMIT event(ev::RestoreFailed{restore.interface});
        return false;
    }
    if (gone)
        qWarning("pending restore of %s dropped: the interface no longer exists",
                 qUtf8Printable(restore.interface));
    else
        qInfo("link %s restored%s", qUtf8Printable(restore.interface),
              early ? qPrintable(QStringLiteral(" early by %1").arg(by)) : " at its deadline");
    const QString interface = restore.interface; // `restore` may live in m_pending
    m_pending.removeIf([&](const SavedRestore& p) { return p.interface == interface; });
    if (const QString saveError = m_persist(); !saveError.isEmpty())
        qCritical("cannot record the restore of %s: %s", qUtf8Printable(interface),
                  qUtf8Printable(saveError));
    Q_EMIT event(ev::RestoreDone{interface, early, lateMs, early ? by : QString()});
    Q_EMIT changed();
    arm();
    return true;
}

void LinkRestorer::check()
{
    const QList<SavedRestore> all = m_pending;
    for (const SavedRestore& r : all)
        if (remainingMs(r) <= 0)
            restore(r, false, {});
    arm();
}

void LinkRestorer::restoreAll(const QString& by)
{
    const QList<SavedRestore> all = m_pending;
    for (const SavedRestore& r : all)
        restore(r, true, by); // a failure is logged and stays recorded for the next start
}

void LinkRestorer::arm()
{
    const std::optional<qint64> next = nextDueInMs();
    if (!next) {
        m_timer.stop();
        return;
    }
    // A deadline already past here means its restore failed: try again shortly, not in a spin.
    m_timer.start(static_cast<int>(*next <= 0 ? RetryMs : *next));
}

} // namespace baton
