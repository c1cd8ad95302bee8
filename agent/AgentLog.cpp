// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentLog.h"

#include "LogRing.h"

#include <QDateTime>
#include <QtGlobal>

#include <cstdio>

namespace baton {

namespace {
bool g_debug = false;
bool g_journal = false;

void handler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtDebugMsg && !g_debug)
        return;
    int priority = 6;
    const char* name = "info";
    switch (type) {
    case QtDebugMsg:
        priority = 7;
        name = "debug";
        break;
    case QtInfoMsg:
        break;
    case QtWarningMsg:
        priority = 4;
        name = "warning";
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        priority = 3;
        name = "error";
        break;
    }
    const QByteArray text = message.toUtf8();
    const QDateTime when = QDateTime::currentDateTime();
    const QString stamp = when.toString(QStringLiteral("HH:mm:ss.zzz"));
    LogRing::instance().append(
        QStringLiteral("%1 %2: %3")
            .arg(when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")), QLatin1StringView(name), message));
    if (g_journal)
        std::fprintf(stderr, "<%d>%s\n", priority, text.constData());
    else
        std::fprintf(stderr, "%s batond %s: %s\n", qUtf8Printable(stamp), name, text.constData());
    std::fflush(stderr);
}
} // namespace

void AgentLog::install(bool debug)
{
    g_debug = debug;
    g_journal = qEnvironmentVariableIsSet("JOURNAL_STREAM");
    qInstallMessageHandler(handler);
}

} // namespace baton
