// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployStep.h"

#include <QCoreApplication>

namespace baton {

namespace {

// Every step of ServerLogin, ServerDeployment, DeployEngine and SshRebooter, for lupdate.
const char* const Steps[] = {
    QT_TRANSLATE_NOOP("DeployStep", "connect"),     QT_TRANSLATE_NOOP("DeployStep", "host key"),
    QT_TRANSLATE_NOOP("DeployStep", "log in"),      QT_TRANSLATE_NOOP("DeployStep", "root"),
    QT_TRANSLATE_NOOP("DeployStep", "facts"),       QT_TRANSLATE_NOOP("DeployStep", "prepare"),
    QT_TRANSLATE_NOOP("DeployStep", "ucarp"),       QT_TRANSLATE_NOOP("DeployStep", "upload"),
    QT_TRANSLATE_NOOP("DeployStep", "install"),     QT_TRANSLATE_NOOP("DeployStep", "configuration"),
    QT_TRANSLATE_NOOP("DeployStep", "certificate"), QT_TRANSLATE_NOOP("DeployStep", "service"),
    QT_TRANSLATE_NOOP("DeployStep", "address"),     QT_TRANSLATE_NOOP("DeployStep", "settle"),
    QT_TRANSLATE_NOOP("DeployStep", "undo"),        QT_TRANSLATE_NOOP("DeployStep", "reconnect"),
    QT_TRANSLATE_NOOP("DeployStep", "rollback"),    QT_TRANSLATE_NOOP("DeployStep", "cluster"),
    QT_TRANSLATE_NOOP("DeployStep", "agent"),       QT_TRANSLATE_NOOP("DeployStep", "takeover"),
    QT_TRANSLATE_NOOP("DeployStep", "done"),
};

} // namespace

QString DeployStep::name(const QString& step)
{
    for (const char* known : Steps)
        if (step == QLatin1StringView(known))
            return QCoreApplication::translate("DeployStep", known);
    return step;
}

} // namespace baton
