// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillCommand.h"

#include "SignalSource.h"
#include "drill/DrillRunner.h"
#include "drill/DrillStore.h"
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

int DrillCommand::main(int argc, char** argv)
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
                                  QStringLiteral("classic (default), handover or agent-crash."),
                                  QStringLiteral("TYPE"), QStringLiteral("classic"));
    const QCommandLineOption report(
        QStringLiteral("report"),
        QStringLiteral("Folder for the reports (default: the cluster's folder in the "
                       "application data location)."),
        QStringLiteral("DIR"));
    parser.addOptions({cluster, type, report});
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
    if (!parser.isSet(cluster) || !parser.positionalArguments().isEmpty()) {
        err << "batonctl drill: --cluster FILE is required, and nothing else may follow the options\n"
            << parser.helpText();
        return Usage;
    }
    const std::optional<DrillKind> kind = drillKindFromName(parser.value(type));
    if (!kind) {
        err << "batonctl drill: --type must be classic, handover or agent-crash, got '" << parser.value(type)
            << "'\n";
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
    const QString directory =
        parser.isSet(report) ? parser.value(report) : DrillStore::directoryFor(definition->name);
    if (!QDir().mkpath(directory)) {
        err << "batonctl drill: cannot create the report folder " << directory << '\n';
        return Usage;
    }

    DrillRunner runner(*definition, *kind);
    Narrator narrator(out);
    QObject::connect(&runner, &DrillRunner::changed, &app, [&] { narrator.update(runner.record()); });
    SignalSource signalSource;
    QObject::connect(&signalSource, &SignalSource::terminate, &app, [&](int signal) {
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
