// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlEventText.h"

#include "ControlError.h"
#include "ControlProtocol.h"

#include <QCoreApplication>
#include <QDateTime>

namespace baton {

namespace {
QString field(const QCborMap& e, const char* name)
{
    const QCborValue v = e.value(QLatin1StringView(name));
    return v.isInteger() ? QString::number(v.toInteger()) : v.toString();
}

QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

QString ControlEventText::describe(const QCborMap& e)
{
    using namespace control;
    const QString kind = e.value(key::Kind).toString();
    if (kind == event::State)
        return QCoreApplication::translate("ControlEvent", "vhid %1 on %2: %3 → %4 (%5)")
            .arg(field(e, "vhid"), field(e, "interface"), field(e, "from").toUpper(),
                 field(e, "to").toUpper(), field(e, "reason"));
    if (kind == event::Reject)
        return QCoreApplication::translate("ControlEvent", "vhid %1: rejected an advert from %2 (%3)")
            .arg(field(e, "vhid"), field(e, "source"), field(e, "reason"));
    if (kind == event::RestoreArmed)
        return QCoreApplication::translate("ControlEvent", "%1 taken down by %2; restore at %3")
            .arg(field(e, "interface"), field(e, "by"),
                 clock(e.value(QLatin1StringView("deadline")).toInteger()));
    if (kind == event::RestoreDone) {
        if (e.value(QLatin1StringView("early")).toBool())
            return QCoreApplication::translate("ControlEvent", "%1 brought back up early by %2")
                .arg(field(e, "interface"), field(e, "by"));
        return QCoreApplication::translate("ControlEvent", "%1 restored at its deadline (%2 ms late)")
            .arg(field(e, "interface"), field(e, "late_ms"));
    }
    if (kind == event::RestoreFailed)
        return QCoreApplication::translate("ControlEvent", "%1 could not be restored yet; retrying")
            .arg(field(e, "interface"));
    if (kind == event::LinkDownFailed)
        return QCoreApplication::translate("ControlEvent", "%1 could not be taken down")
            .arg(field(e, "interface"));
    if (kind == event::Maintenance)
        return e.value(QLatin1StringView("on")).toBool()
                   ? QCoreApplication::translate("ControlEvent", "maintenance switched on by %1")
                         .arg(field(e, "by"))
                   : QCoreApplication::translate("ControlEvent", "maintenance switched off by %1")
                         .arg(field(e, "by"));
    if (kind == event::Command) {
        QString what = field(e, "verb");
        if (e.contains(QLatin1StringView("interface")))
            what += u' ' + field(e, "interface");
        // maintenance: whether it was asked on or off, in the words of the command line
        if (const QCborValue on = e.value(QLatin1StringView("on")); on.isBool())
            what += on.toBool() ? QStringLiteral(" on") : QStringLiteral(" off");
        if (e.value(key::Ok).toBool())
            return QCoreApplication::translate("ControlEvent", "%1 asked for %2").arg(field(e, "by"), what);
        return QCoreApplication::translate("ControlEvent", "%1 asked for %2: refused (%3)")
            .arg(field(e, "by"), what, ControlErrors::describe(field(e, "error")));
    }
    return QCoreApplication::translate("ControlEvent", "event %1").arg(kind);
}

} // namespace baton
