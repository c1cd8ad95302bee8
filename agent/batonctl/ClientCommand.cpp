// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientCommand.h"

#include "ClientOutput.h"
#include "control/ControlClient.h"
#include "control/ControlError.h"
#include "control/ControlProtocol.h"
#include "pki/PkiDirectory.h"
#include "pki/TlsIdentity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace baton {

namespace {
struct Target
{
    QString host;
    quint16 port = control::DefaultPort;
};

std::optional<Target> parseTarget(const QString& text)
{
    // HOST, HOST:PORT, or [IPv6]:PORT.
    Target t;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        t.host = text.mid(1, close - 1);
        if (close + 1 < text.size()) {
            if (text[close + 1] != u':')
                return std::nullopt;
            portText = text.mid(close + 2);
        }
    } else if (text.count(u':') == 1) {
        t.host = text.section(u':', 0, 0);
        portText = text.section(u':', 1);
    } else {
        t.host = text;
    }
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return std::nullopt;
        t.port = static_cast<quint16>(port);
    }
    if (t.host.isEmpty())
        return std::nullopt;
    return t;
}

// Reads VERB [ARG] into a request; a message for the user when it is not one.
std::optional<ControlRequest> parseVerb(const QStringList& words, const QCommandLineParser& p,
                                        const QCommandLineOption& restore, const QCommandLineOption& seconds,
                                        const QCommandLineOption& lines, const QString& pkiDir,
                                        QString* error)
{
    using Verb = ControlRequest::Verb;
    ControlRequest r;
    const QString verb = words.value(0);
    const auto number = [&](const QCommandLineOption& o, int min, int max, int fallback, int& out) {
        if (!p.isSet(o)) {
            out = fallback;
            return fallback >= 0;
        }
        bool ok = false;
        out = p.value(o).toInt(&ok);
        if (!ok || out < min || out > max) {
            *error = QStringLiteral("--%1 must be a whole number from %2 to %3, got '%4'")
                         .arg(o.names().first())
                         .arg(min)
                         .arg(max)
                         .arg(p.value(o));
            return false;
        }
        return true;
    };
    const auto argCount = [&](qsizetype n) {
        if (words.size() == n + 1)
            return true;
        *error = QStringLiteral("'%1' takes %2 argument(s)").arg(verb).arg(n);
        return false;
    };
    if (verb == u"status" || verb == u"watch" || verb == u"handover") {
        r.verb = verb == u"handover" ? Verb::Handover : Verb::Status;
        return argCount(0) ? std::optional(r) : std::nullopt;
    }
    if (verb == u"link-down" || verb == u"link-up") {
        r.verb = verb == u"link-down" ? Verb::LinkDown : Verb::LinkUp;
        if (!argCount(1))
            return std::nullopt;
        r.interface = words[1];
        if (r.verb == Verb::LinkDown && !number(restore, control::RestoreMinSeconds,
                                                control::RestoreMaxSeconds, -1, r.restoreAfterSeconds)) {
            if (error->isEmpty())
                *error = QStringLiteral("link-down needs --restore-after SECONDS (%1 to %2): the agent "
                                        "brings the link back by itself then")
                             .arg(control::RestoreMinSeconds)
                             .arg(control::RestoreMaxSeconds);
            return std::nullopt;
        }
        return r;
    }
    if (verb == u"maintenance") {
        r.verb = Verb::Maintenance;
        if (!argCount(1))
            return std::nullopt;
        if (words[1] != u"on" && words[1] != u"off") {
            *error = QStringLiteral("maintenance takes 'on' or 'off', got '%1'").arg(words[1]);
            return std::nullopt;
        }
        r.maintenanceOn = words[1] == u"on";
        return r;
    }
    if (verb == u"adverts") {
        r.verb = Verb::Adverts;
        if (!argCount(0) || !number(seconds, 1, control::AdvertsMaxSeconds, 60, r.seconds))
            return std::nullopt;
        return r;
    }
    if (verb == u"push-revocations") {
        r.verb = Verb::SetRevocations;
        if (!argCount(0))
            return std::nullopt;
        const std::optional<QByteArray> pem =
            PkiDirectory::readPemFile(PkiDirectory::revocationListFile(pkiDir), error);
        if (!pem)
            return std::nullopt;
        r.revocationList = *pem;
        return r;
    }
    if (verb == u"history") {
        r.verb = Verb::History;
        if (!argCount(0) || !number(lines, 1, control::HistoryMaxEvents, 100, r.limit))
            return std::nullopt;
        return r;
    }
    if (verb == u"log") {
        r.verb = Verb::Log;
        if (!argCount(0) || !number(lines, 1, control::LogMaxLines, 100, r.lines))
            return std::nullopt;
        return r;
    }
    *error = verb.isEmpty() ? QStringLiteral("no verb given") : QStringLiteral("unknown verb '%1'").arg(verb);
    return std::nullopt;
}
} // namespace

int ClientCommand::run(const QStringList& arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    const QCommandLineOption agentOption(QStringLiteral("agent"), QStringLiteral("The agent."),
                                         QStringLiteral("HOST[:PORT]"));
    const QCommandLineOption pkiOption(QStringLiteral("pki"), QStringLiteral("PKI folder."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption consoleOption(QStringLiteral("console"), QStringLiteral("Console certificate."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("JSON lines."));
    const QCommandLineOption restoreOption(QStringLiteral("restore-after"), QStringLiteral("Seconds."),
                                           QStringLiteral("S"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Seconds."),
                                           QStringLiteral("N"));
    const QCommandLineOption linesOption(QStringLiteral("lines"), QStringLiteral("Lines."),
                                         QStringLiteral("N"));
    p.addOptions(
        {agentOption, pkiOption, consoleOption, jsonOption, restoreOption, secondsOption, linesOption});
    if (!p.parse(arguments)) {
        err << "batonctl: " << p.errorText() << '\n';
        return 2;
    }
    QString error;
    const std::optional<Target> target = parseTarget(p.value(agentOption));
    if (!target) {
        err << "batonctl: --agent must be HOST or HOST:PORT, got '" << p.value(agentOption) << "'\n";
        return 2;
    }
    if (!p.isSet(pkiOption)) {
        err << "batonctl: --pki DIR is needed (the folder made by 'batonctl pki init')\n";
        return 2;
    }
    const QStringList words = p.positionalArguments();
    std::optional<ControlRequest> request =
        parseVerb(words, p, restoreOption, secondsOption, linesOption, p.value(pkiOption), &error);
    if (!request) {
        err << "batonctl: " << error << '\n';
        return 2;
    }
    const std::optional<TlsIdentity> identity =
        TlsIdentity::loadConsole(p.value(pkiOption), p.value(consoleOption), &error);
    if (!identity) {
        err << "batonctl: " << error << '\n';
        return 1;
    }
    const bool watch = words.value(0) == u"watch";
    ClientOutput output(p.isSet(jsonOption));
    ControlClient client;
    client.setSoftware(QStringLiteral("batonctl " BATON_VERSION));
    client.setTlsConfiguration(identity->clientConfiguration());
    int exitCode = 1;
    qint64 pending = 0;
    QObject::connect(&client, &ControlClient::ready, &client, [&] {
        if (watch) {
            output.status(*client.status());
            return;
        }
        pending = client.send(*request);
    });
    QObject::connect(&client, &ControlClient::statusReceived, &client, [&](const AgentStatus& s) {
        if (watch)
            output.statusIfChanged(s);
    });
    QObject::connect(&client, &ControlClient::eventReceived, &client, [&](const ControlEvent& e) {
        if (watch)
            output.event(e);
    });
    QObject::connect(&client, &ControlClient::replied, &client, [&](qint64 id, const QCborMap& data) {
        if (id != pending)
            return;
        output.reply(*request, data);
        exitCode = 0;
        client.disconnectFromAgent();
        QCoreApplication::exit(0);
    });
    QObject::connect(&client, &ControlClient::refused, &client,
                     [&](qint64 id, const QString& code, const QCborMap& detail) {
                         if (id != pending)
                             return;
                         output.refusal(code, detail);
                         client.disconnectFromAgent();
                         QCoreApplication::exit(1);
                     });
    QObject::connect(&client, &ControlClient::disconnected, &client, [&](const QString& reason) {
        err << "batonctl: " << target->host << ':' << target->port << ": " << reason << '\n';
        QCoreApplication::exit(1);
    });
    client.connectToAgent(target->host, target->port);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace baton
