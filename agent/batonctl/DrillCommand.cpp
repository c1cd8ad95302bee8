// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillCommand.h"

#include "DeployHelper.h"
#include "SignalSource.h"
#include "drill/DrillRunner.h"
#include "drill/DrillStore.h"
#include "drill/ServerRebooter.h"
#include "report/DrillHtml.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdlib>

namespace baton {

namespace {
int exitFor(DrillRecord::Verdict verdict)
{
    switch (verdict) {
    case DrillRecord::Verdict::Passed:
        return DrillCommand::Passed;
    case DrillRecord::Verdict::Failed:
        return DrillCommand::Failed;
    case DrillRecord::Verdict::Refused:
        return DrillCommand::Refused;
    case DrillRecord::Verdict::Running:
    case DrillRecord::Verdict::Aborted:
        break;
    }
    return DrillCommand::Aborted;
}

// Prints what the engine has seen since the last call: step headers, observations, verdicts.
class Narrator
{
public:
    explicit Narrator(QTextStream& out)
        : m_out(out)
    {
    }
    void update(const DrillRecord& r)
    {
        if (!m_preflightShown && (!r.steps.isEmpty() || r.finished())) {
            m_preflightShown = true;
            for (const DrillRecord::Check& c : r.preflight)
                m_out << "preflight " << c.name << ": " << (c.ok ? "ok" : "NOT MET") << " (" << c.detail
                      << ")\n";
            for (const QString& w : r.warnings)
                m_out << "warning: " << w << '\n';
        }
        for (int i = 0; i < r.steps.size(); ++i) {
            const DrillStep& s = r.steps[i];
            if (s.result == DrillStep::Result::Pending || s.result == DrillStep::Result::Skipped)
                continue;
            if (i >= m_seen.size()) {
                m_seen.append(0);
                m_out << "step " << i + 1 << "/" << r.steps.size() << ": " << s.title
                      << "\n  expected: " << s.expected << "\n  bound: " << s.bound.formula << '\n';
            }
            for (; m_seen[i] < s.seen.size(); ++m_seen[i])
                m_out << "  " << s.seen[m_seen[i]] << '\n';
        }
        m_out.flush();
    }
    void summary(const DrillRecord& r)
    {
        update(r);
        for (int i = 0; i < r.steps.size(); ++i) {
            const DrillStep& s = r.steps[i];
            m_out << "step " << i + 1 << " " << DrillStep::resultName(s.result) << ": " << s.title;
            if (s.vipOutageMs)
                m_out << ", VIP outage " << *s.vipOutageMs << " ms (bound " << s.bound.totalMs() << " ms)";
            if (s.faultToTakeoverMs)
                m_out << ", fault to takeover " << *s.faultToTakeoverMs << " ms";
            if (s.recoveryMs)
                m_out << ", recovery " << *s.recoveryMs << " ms";
            m_out << '\n';
        }
        m_out << "verdict: " << DrillRecord::verdictName(r.verdict) << '\n';
        for (const QString& reason : r.reasons)
            m_out << "  " << reason << '\n';
        m_out.flush();
    }

private:
    QTextStream& m_out;
    bool m_preflightShown = false;
    QList<int> m_seen;
};
// The PDF comes from baton-report (package baton), so batonctl needs no Qt Gui on a server.
QString writePdf(const QString& base)
{
    QString helper = qEnvironmentVariable("BATON_REPORT_HELPER");
    if (helper.isEmpty())
        helper = QStringLiteral(BATON_REPORT_HELPER);
    if (!QFileInfo(helper).isExecutable())
        return QStringLiteral("no PDF: %1 is not installed (package baton)").arg(helper);
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(helper, {base + QStringLiteral(".json"), base + QStringLiteral(".pdf")});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QStringLiteral("no PDF: %1 failed").arg(helper);
    return base + QStringLiteral(".pdf");
}
} // namespace

int DrillCommand::main(int argc, char** argv, const RebooterFactory& rebooters)
{
    SignalSource::block();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batonctl"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs a failover drill against a cluster's two agents."));
    parser.addHelpOption();
    const QCommandLineOption cluster(
        QStringLiteral("cluster"), QStringLiteral("The cluster definition (JSON)."), QStringLiteral("FILE"));
    const QCommandLineOption type(QStringLiteral("type"),
                                  QStringLiteral("classic (default), handover, agent-crash or reboot."),
                                  QStringLiteral("TYPE"), QStringLiteral("classic"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("reboot: the SSH login where neither the server nor "
                                                 "~/.ssh/config names one (default: your user name)."),
                                  QStringLiteral("USER"));
    const QCommandLineOption trust(QStringLiteral("trust-host-key"),
                                   QStringLiteral("reboot: trust a first-contact host key with this SHA256 "
                                                  "fingerprint (repeatable)."),
                                   QStringLiteral("FP"));
    const QCommandLineOption bootLimit(
        QStringLiteral("boot-limit"),
        QStringLiteral("reboot: seconds the rebooted server may take until its agent answers (default %1).")
            .arg(DrillEngine::DefaultBootLimitMs / 1000),
        QStringLiteral("SECONDS"));
    const QCommandLineOption report(
        QStringLiteral("report"),
        QStringLiteral("Folder for the reports (default: the cluster's folder in the "
                       "application data location)."),
        QStringLiteral("DIR"));
    parser.addOptions({cluster, type, report, user, trust, bootLimit});
    parser.addPositionalArgument(
        QStringLiteral("SERVER1 SERVER2"),
        QStringLiteral("reboot: the servers of node 1 and node 2 over SSH (~/.ssh/config "
                       "aliases or [USER@]HOST[:PORT]); default: the cluster's \"ssh\"."));
    QStringList args = QCoreApplication::arguments();
    args.removeAt(1);
    args[0] = QStringLiteral("batonctl drill");
    if (!parser.parse(args)) {
        err << "batonctl drill: " << parser.errorText() << '\n' << parser.helpText();
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Passed;
    }
    const std::optional<DrillKind> kind = drillKindFromName(parser.value(type));
    const QStringList servers = parser.positionalArguments();
    if (!parser.isSet(cluster) ||
        (!servers.isEmpty() && (kind != DrillKind::Reboot || servers.size() != 2))) {
        err << "batonctl drill: --cluster FILE is required, and only the reboot drill takes SERVER1 SERVER2\n"
            << parser.helpText();
        return Usage;
    }
    if (!kind) {
        err << "batonctl drill: --type must be classic, handover, agent-crash or reboot, got '"
            << parser.value(type) << "'\n";
        return Usage;
    }
    bool limitOk = true;
    const int limitSeconds = parser.isSet(bootLimit) ? parser.value(bootLimit).toInt(&limitOk) : 0;
    if (!limitOk || limitSeconds < 0 || limitSeconds > 3600) {
        err << "batonctl drill: --boot-limit must be a number of seconds up to 3600, got '"
            << parser.value(bootLimit) << "'\n";
        return Usage;
    }
    QString error;
    std::optional<ClusterDefinition> definition = ClusterDefinition::readFile(parser.value(cluster), &error);
    if (definition && !definition->validate().isEmpty()) {
        error = parser.value(cluster) + u": " + definition->validate().first().message;
        definition.reset();
    }
    if (!definition) {
        err << "batonctl drill: " << error << '\n';
        return Usage;
    }
    std::array<QString, 2> access = definition->ssh;
    if (servers.size() == 2)
        access = {servers[0], servers[1]};
    if (*kind == DrillKind::Reboot && (access[0].isEmpty() || access[1].isEmpty())) {
        err << "batonctl drill: the reboot drill needs SSH access to both servers: give SERVER1 SERVER2 "
               "after the "
               "options, or an \"ssh\" entry for each node in "
            << parser.value(cluster) << '\n';
        return Usage;
    }
    if (*kind == DrillKind::Reboot && !rebooters)
        return DeployHelper::exec({"baton-deploy", "drill"}, argc, argv, "batonctl drill --type reboot",
                                  DrillCommand::Usage); // it logs in over SSH
    const QString directory =
        parser.isSet(report) ? parser.value(report) : DrillStore::directoryFor(definition->name);
    if (!QDir().mkpath(directory)) {
        err << "batonctl drill: cannot create the report folder " << directory << '\n';
        return Usage;
    }

    DrillRunner runner(*definition, *kind);
    if (*kind == DrillKind::Reboot) {
        ServerRebooter* rebooter = rebooters(access, parser.value(user), parser.values(trust), &error);
        if (!rebooter) {
            err << "batonctl drill: " << error << '\n';
            return Usage;
        }
        runner.setRebooter(rebooter);
        if (limitSeconds > 0)
            runner.engine()->setBootLimitMs(qint64{limitSeconds} * 1000);
        QObject::connect(&runner, &DrillRunner::progress, &app, [&err](const QString& text) {
            err << "ssh " << text << '\n';
            err.flush();
        });
    }
    Narrator narrator(out);
    QObject::connect(&runner, &DrillRunner::changed, &app, [&] { narrator.update(runner.record()); });
    SignalSource signalSource;
    QObject::connect(&signalSource, &SignalSource::terminate, &app, [&](int signal) {
        if (runner.isPreparing()) {
            // Still logging in (perhaps waiting for a typed answer): nothing was done on the servers,
            // and the thread reading the terminal cannot be interrupted.
            err << "batonctl drill: interrupted while logging in over SSH; nothing was done\n";
            err.flush();
            std::_Exit(Aborted);
        }
        runner.abort(signal == SIGINT ? QStringLiteral("interrupted (SIGINT)")
                                      : QStringLiteral("terminated (SIGTERM)"));
    });
    int status = Aborted;
    QObject::connect(&runner, &DrillRunner::finished, &app, [&] {
        const DrillRecord& record = runner.record();
        narrator.summary(record);
        status = exitFor(record.verdict);
        const QString base = QDir(directory).filePath(record.fileBaseName());
        QString writeError;
        if (DrillStore::writeJson(record, base + QStringLiteral(".json"), &writeError) &&
            DrillHtml::write(record, base + QStringLiteral(".html"), &writeError)) {
            out << "report: " << base << ".json\n        " << base << ".html\n";
            if (runner.progressPath() != base + QStringLiteral(".json"))
                QFile::remove(runner.progressPath());
            out << "        " << writePdf(base) << '\n';
        } else {
            err << "batonctl drill: the report was not written: " << writeError << '\n';
        }
        out.flush();
        // The restores just sent must leave before the process does.
        auto* wait = new QTimer(&app);
        int waited = 0;
        QObject::connect(wait, &QTimer::timeout, &app, [&runner, &waited] {
            waited += 50;
            if (!runner.commandsPending() || waited >= 3000)
                QCoreApplication::quit();
        });
        wait->start(50);
    });
    DrillRecord named = runner.record();
    named.startedMs = QDateTime::currentMSecsSinceEpoch();
    runner.setProgressPath(QDir(directory).filePath(named.fileBaseName() + QStringLiteral(".json")));
    if (!runner.start(&error)) {
        err << "batonctl drill: " << error << '\n';
        return Usage;
    }
    out << "drill " << drillKindName(*kind) << " of cluster " << definition->name << " (reports in "
        << directory << ")\n";
    out.flush();
    app.exec();
    return status;
}

} // namespace baton
