// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployPlan.h"

#include "config/AgentConfigParser.h"

#include <QCryptographicHash>

namespace baton {

namespace {

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString changeText(DeployPlan::FileChange change)
{
    switch (change) {
    case DeployPlan::FileChange::Create:
        return DeployPlan::tr("create");
    case DeployPlan::FileChange::Replace:
        return DeployPlan::tr("replace");
    case DeployPlan::FileChange::Keep:
        break;
    }
    return DeployPlan::tr("keep");
}

// Whether the control channel's settings differ: batond applies those only when it starts.
bool controlChanged(const QByteArray& running, const DesiredServer& desired)
{
    const auto wanted =
        std::find_if(desired.files.begin(), desired.files.end(), [](const DesiredServer::File& f) {
            return f.path == QLatin1StringView("/etc/baton/batond.conf");
        });
    if (wanted == desired.files.end() || running == wanted->contents)
        return false;
    const ConfigResult before =
        AgentConfigParser::parseText(QString::fromUtf8(running), QStringLiteral("batond.conf"));
    const ConfigResult after =
        AgentConfigParser::parseText(QString::fromUtf8(wanted->contents), QStringLiteral("batond.conf"));
    return !before.ok() || !after.ok() || before.config.control != after.config.control ||
           before.config.stateDir != after.config.stateDir;
}

} // namespace

qint64 DeployPlan::requiredKiB(const DesiredServer& desired)
{
    // The packages twice (uploaded, then unpacked and kept for a later rollback) and 16 MiB spare.
    return desired.packageBytes * 3 / 1024 + 16 * 1024;
}

DeployPlan DeployPlan::make(const RemoteFacts& facts, const DesiredServer& desired, bool certificateCurrent,
                            bool takeover)
{
    DeployPlan plan;
    plan.server = desired.server;
    plan.name = desired.name;
    plan.version = desired.version;
    if (!facts.isDebian12())
        plan.refusals << tr("%1 runs %2 (ID=%3, VERSION_ID=%4); only Debian 12 is supported")
                             .arg(desired.server,
                                  facts.osPretty.isEmpty() ? tr("an unknown system") : facts.osPretty,
                                  facts.osId, facts.osVersion.isEmpty() ? tr("none") : facts.osVersion);
    if (!desired.architecture.isEmpty() && facts.architecture != desired.architecture)
        plan.refusals << tr("%1 is %2, the packages are built for %3")
                             .arg(desired.server, facts.architecture, desired.architecture);
    plan.takeover = takeover;
    if (takeover) {
        if (!facts.ucarpRunning || facts.ucarpLines.isEmpty())
            plan.refusals << tr("%1 runs no ucarp from ucarp-* stanzas: there is nothing to take over")
                                 .arg(desired.server);
        else if (std::any_of(facts.ucarpLines.begin(), facts.ucarpLines.end(), [](const QString& line) {
                     return !line.startsWith(QLatin1StringView("/etc/network/interfaces:"));
                 }))
            plan.refusals << tr("%1 has ucarp-* lines outside /etc/network/interfaces (%2): take them "
                                "over by hand")
                                 .arg(desired.server, facts.ucarpLines.first());
        if (facts.packages.value(QStringLiteral("batond")).installed)
            plan.refusals << tr("%1 has batond installed already: a takeover starts from ucarp alone")
                                 .arg(desired.server);
    } else if (facts.ucarpRunning || !facts.ucarpLines.isEmpty()) {
        plan.refusals << tr("%1 runs ucarp or has ucarp-* stanzas (%2): take the pair over instead "
                            "(batonctl deploy --takeover, or Take over in the window)")
                             .arg(desired.server, facts.ucarpLines.isEmpty() ? tr("ucarp running")
                                                                             : facts.ucarpLines.first());
    }
    if (facts.keepalivedRunning)
        plan.refusals
            << tr("%1 runs keepalived, which may hold the same address; stop it first").arg(desired.server);
    if (!facts.defaultOpts.isEmpty())
        plan.refusals << tr("%1 runs batond with BATOND_OPTS=\"%2\" from /etc/default/batond; the "
                            "deployment writes /etc/baton/batond.conf, which those options would override")
                             .arg(desired.server, facts.defaultOpts);

    const RemoteFacts::Package batond = facts.packages.value(QStringLiteral("batond"));
    const RemoteFacts::Package batonctl = facts.packages.value(QStringLiteral("batonctl"));
    plan.previousVersion = batond.installed ? batond.version : QString();
    plan.installPackages = !batond.installed || !batonctl.installed || batond.version != desired.version ||
                           batonctl.version != desired.version;
    if (plan.installPackages && facts.freeKiB >= 0 && facts.freeKiB < requiredKiB(desired))
        plan.refusals << tr("%1 has %2 MiB free on /var, the deployment needs %3 MiB")
                             .arg(desired.server)
                             .arg(facts.freeKiB / 1024)
                             .arg(requiredKiB(desired) / 1024);
    // A failed upgrade puts the previous packages back from the copy an earlier deployment kept; a
    // Baton installed some other way has none, and a failure would leave the server half-upgraded.
    if (plan.installPackages && (batond.installed || batonctl.installed) && !facts.cacheHasPackages)
        plan.refusals << tr("%1 has Baton %2 installed, but not by this deployment: there is no copy of its "
                            "packages in /var/cache/baton-deploy, so a failed upgrade could not put it back. "
                            "Copy the installed version's batond and batonctl .deb files there, or remove "
                            "Baton from %1 first (apt purge batond batonctl)")
                             .arg(desired.server, batond.installed ? batond.version : batonctl.version);
    else if (plan.installPackages && !plan.previousVersion.isEmpty() &&
             plan.previousVersion != desired.version)
        plan.warnings << tr("batond %1 is replaced by %2; a failure reinstalls %1 from the copy this "
                            "deployment kept in /var/cache/baton-deploy")
                             .arg(plan.previousVersion, desired.version);

    bool configChanged = false;
    for (const DesiredServer::File& wanted : desired.files) {
        const RemoteFacts::File have = facts.files.value(wanted.path);
        PlannedFile file{wanted.path, QStringLiteral("root:root"), wanted.mode, FileChange::Keep};
        if (!have.exists)
            file.change = FileChange::Create;
        else if (wanted.generated ? !certificateCurrent
                                  : (have.sha256 != sha256(wanted.contents) || have.mode != wanted.mode ||
                                     have.owner != file.owner))
            file.change = FileChange::Replace;
        if (wanted.generated && file.change != FileChange::Keep)
            plan.newAgentKey = true;
        if (file.change != FileChange::Keep)
            configChanged = true;
        plan.files << file;
    }
    // A new key needs its certificate, whatever the old one was.
    if (plan.newAgentKey) {
        for (PlannedFile& file : plan.files)
            if (file.path.endsWith(QLatin1StringView("/agent.pem")) && file.change == FileChange::Keep)
                file.change = FileChange::Replace;
    }
    const bool running = facts.unitActive == QLatin1StringView("active");
    plan.enableUnit = facts.unitEnabled != QLatin1StringView("enabled");
    if (!running)
        plan.service = Service::Start;
    else if (plan.installPackages || plan.newAgentKey || controlChanged(facts.agentConfig, desired))
        plan.service = Service::Restart; // batond takes a new listener or certificate when it starts
    else if (configChanged)
        plan.service = Service::Reload;
    if (!takeover)
        plan.untouched << QStringLiteral("/etc/network/interfaces");
    plan.untouched << QStringLiteral("/etc/default/batond") << tr("every other package and service");
    if (takeover)
        plan.warnings << tr("ucarp is stopped here and its ucarp-* lines are commented out; the file and "
                            "ucarp's command are kept in /var/backups/baton-takeover for an undo");
    return plan;
}

bool DeployPlan::nothingToChange() const
{
    if (installPackages || newAgentKey || service != Service::Keep || enableUnit)
        return false;
    for (const PlannedFile& file : files)
        if (file.change != FileChange::Keep)
            return false;
    return true;
}

QString DeployPlan::text() const
{
    QStringList lines;
    lines << QStringLiteral("%1 (%2):").arg(server, name);
    for (const QString& refusal : refusals)
        lines << tr("  refused: %1").arg(refusal);
    if (!refusals.isEmpty())
        return lines.join(u'\n');
    if (nothingToChange()) {
        lines << tr("  nothing to change (batond %1 running, files as they should be)").arg(version);
        return lines.join(u'\n');
    }
    if (installPackages)
        lines << (previousVersion.isEmpty()
                      ? tr("  packages: install batond %1 and batonctl %1").arg(version)
                      : tr("  packages: upgrade batond and batonctl %1 -> %2").arg(previousVersion, version));
    else
        lines << tr("  packages: keep batond and batonctl %1").arg(version);
    for (const PlannedFile& file : files)
        lines << tr("  file %1 %2 (%3, mode %4)%5")
                     .arg(changeText(file.change), file.path, file.owner, file.mode,
                          file.path.endsWith(QLatin1StringView(".key")) && file.change != FileChange::Keep
                              ? tr(", generated on the server")
                              : QString());
    QString serviceText;
    switch (service) {
    case Service::Keep:
        serviceText = tr("keep running");
        break;
    case Service::Start:
        serviceText = tr("start");
        break;
    case Service::Restart:
        serviceText = tr("restart (a graceful hand-over if it holds the address)");
        break;
    case Service::Reload:
        serviceText = tr("reload (the address stays where it is unless CARP settings changed: then a "
                         "graceful hand-over)");
        break;
    }
    lines << tr("  service batond: %1%2").arg(enableUnit ? tr("enable, ") : QString(), serviceText);
    for (const QString& warning : warnings)
        lines << tr("  note: %1").arg(warning);
    lines << tr("  untouched: %1").arg(untouched.join(QStringLiteral(", ")));
    return lines.join(u'\n');
}

} // namespace baton
