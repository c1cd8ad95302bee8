// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlEventText.h"

#include "ControlError.h"
#include "carp/CarpStateNames.h"

#include <QCoreApplication>
#include <QDateTime>

namespace baton {

namespace {
QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

QString upper(CarpState state)
{
    return QString::fromLatin1(CarpStateNames::state(state));
}

QString text(const ev::StateChanged& e)
{
    return QCoreApplication::translate("ControlEvent", "vhid %1 on %2: %3 → %4 (%5)")
        .arg(QString::number(e.vhid), e.interface, upper(e.from), upper(e.to), e.reason);
}
QString text(const ev::AdvertRejected& e)
{
    return QCoreApplication::translate("ControlEvent", "vhid %1: rejected an advert from %2 (%3)")
        .arg(QString::number(e.vhid), e.source, e.reason);
}
QString text(const ev::ForgerySuspected& e)
{
    return QCoreApplication::translate("ControlEvent",
                                       "vhid %1: ignored adverts from %2 that look forged (%3, %4 so far)")
        .arg(QString::number(e.vhid), e.source, e.sign, QString::number(e.count));
}
QString text(const ev::RestoreArmed& e)
{
    return QCoreApplication::translate("ControlEvent", "%1 taken down by %2; restore at %3")
        .arg(e.interface, e.by, clock(e.deadlineMs));
}
QString text(const ev::RestoreDone& e)
{
    if (e.early)
        return QCoreApplication::translate("ControlEvent", "%1 brought back up early by %2")
            .arg(e.interface, e.by);
    return QCoreApplication::translate("ControlEvent", "%1 restored at its deadline (%2 ms late)")
        .arg(e.interface, QString::number(e.lateMs));
}
QString text(const ev::RestoreFailed& e)
{
    return QCoreApplication::translate("ControlEvent", "%1 could not be restored yet; retrying")
        .arg(e.interface);
}
QString text(const ev::LinkDownFailed& e)
{
    return QCoreApplication::translate("ControlEvent", "%1 could not be taken down").arg(e.interface);
}
QString text(const ev::MaintenanceChanged& e)
{
    return e.on ? QCoreApplication::translate("ControlEvent", "maintenance switched on by %1").arg(e.by)
                : QCoreApplication::translate("ControlEvent", "maintenance switched off by %1").arg(e.by);
}
QString text(const ev::CommandDone& e)
{
    QString what = e.verb;
    if (!e.interface.isEmpty())
        what += u' ' + e.interface;
    // maintenance: whether it was asked on or off, in the words of the command line
    if (e.on)
        what += *e.on ? QStringLiteral(" on") : QStringLiteral(" off");
    if (e.ok)
        return QCoreApplication::translate("ControlEvent", "%1 asked for %2").arg(e.by, what);
    return QCoreApplication::translate("ControlEvent", "%1 asked for %2: refused (%3)")
        .arg(e.by, what, ControlErrors::describe(e.error));
}
QString text(const ev::LinkChanged& e)
{
    return e.up ? QCoreApplication::translate("ControlEvent", "vhid %1: %2 is up")
                      .arg(QString::number(e.vhid), e.interface)
                : QCoreApplication::translate("ControlEvent", "vhid %1: %2 is down")
                      .arg(QString::number(e.vhid), e.interface);
}
QString text(const ev::AgentStarted& e)
{
    return QCoreApplication::translate("ControlEvent", "batond %1 started").arg(e.version);
}
QString text(const ev::AgentStopping& e)
{
    return QCoreApplication::translate("ControlEvent", "batond stopping (signal %1)").arg(e.signal);
}
QString text(const ev::Unknown& e)
{
    return QCoreApplication::translate("ControlEvent", "event %1").arg(e.kind);
}
} // namespace

QString ControlEventText::describe(const ControlEvent& event)
{
    return std::visit([](const auto& e) { return text(e); }, event.body);
}

} // namespace baton
