// SPDX-License-Identifier: GPL-3.0-or-later
// batond: the failover agent. Stays in the foreground and logs to stderr (journald reads it).
#include "Agent.h"
#include "AgentLog.h"
#include "EpollDispatcher.h"
#include "HostCheck.h"
#include "NetlinkRoute.h"
#include "RealtimeSetup.h"
#include "SignalSource.h"
#include "config/AgentConfigParser.h"
#include "config/ConfigSummary.h"
#include "config/IfupdownReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace baton;

int main(int argc, char** argv)
{
    SignalSource::block(); // before any thread exists, so all inherit the mask
    // The main thread sends and receives the adverts: on a loop of its own unless asked not to
    // (BATOND_EVENT_LOOP=qt, Qt's usual loop, to compare or to rule it out).
    QString loopNote;
    if (qEnvironmentVariable("BATOND_EVENT_LOOP") == QLatin1StringView("qt")) {
        loopNote = QStringLiteral("event loop: Qt's (BATOND_EVENT_LOOP=qt)");
    } else {
        auto* dispatcher = new EpollDispatcher;
        if (dispatcher->error().isEmpty()) {
            QCoreApplication::setEventDispatcher(dispatcher);
            loopNote = QStringLiteral("event loop: batond's own (epoll, adverts on its direct lane)");
        } else {
            loopNote = QStringLiteral("event loop: Qt's, epoll refused (%1)").arg(dispatcher->error());
            delete dispatcher;
        }
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batond"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Baton failover agent (CARP, wire-compatible with ucarp)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Agent configuration (default /etc/baton/batond.conf)."),
                                    QStringLiteral("file"), QStringLiteral("/etc/baton/batond.conf"));
    const QCommandLineOption interfaces(
        QStringLiteral("interfaces"),
        QStringLiteral("Run from the ucarp-* stanzas of a Debian interfaces file."), QStringLiteral("file"));
    const QCommandLineOption check(QStringLiteral("check"),
                                   QStringLiteral("Validate the configuration, print what would run, exit."));
    const QCommandLineOption offline(
        QStringLiteral("offline"),
        QStringLiteral("With --check: the file only, not this host's interfaces, "
                       "addresses and hooks (for a file meant for another machine)."));
    const QCommandLineOption debug(QStringLiteral("debug"), QStringLiteral("Log debug messages too."));
    parser.addOptions({config, interfaces, check, offline, debug});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.isSet(config) && parser.isSet(interfaces)) {
        err << "batond: --config and --interfaces exclude each other\n";
        return 2;
    }
    const bool fromInterfaces = parser.isSet(interfaces);
    const QString path = fromInterfaces ? parser.value(interfaces) : parser.value(config);
    if (parser.isSet(check)) {
        ConfigResult result =
            fromInterfaces ? IfupdownReader::readFile(path) : AgentConfigParser::parseFile(path);
        if (result.ok() && !parser.isSet(offline)) {
            NetlinkRoute netlink;
            HostCheck::check(result, path, netlink);
        }
        return ConfigSummary::report(result, QStringLiteral("batond"), out, err);
    }

    // Still the only thread: what follows inherits the mask, the slack and the locked memory, but
    // not the real-time policy (reset on fork).
    const RealtimeSetup::Report realtime = RealtimeSetup::apply();
    AgentLog::install(parser.isSet(debug));
    if (!loopNote.isEmpty())
        qInfo("%s", qUtf8Printable(loopNote));
    for (const QString& line : realtime.done)
        qInfo("%s", qUtf8Printable(line));
    for (const QString& line : realtime.refused)
        qWarning("%s", qUtf8Printable(line));
    Agent agent(fromInterfaces ? Agent::Source::Interfaces : Agent::Source::AgentConfig, path);
    QObject::connect(&agent, &Agent::finished, &app, &QCoreApplication::exit);
    if (!agent.start())
        return 1;
    return QCoreApplication::exec();
}
