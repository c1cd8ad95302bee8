// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployEngine.h"

#include "AgentAnswer.h"
#include "DeployStep.h"
#include "LocalPackages.h"
#include "ServerDeployment.h"
#include "StanzaCluster.h"
#include "carp/CarpTiming.h"
#include "config/AgentConfigWriter.h"
#include "config/ClusterConfigGenerator.h"
#include "config/PeerPath.h"
#include "net/Ipv4.h"
#include "pki/PkiDirectory.h"
#include "pki/TlsIdentity.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QThread>

#include <algorithm>
#include <memory>

namespace baton {

namespace {

constexpr int RenewDays = 30;     // an agent certificate closer to its end than this is renewed
constexpr int UndoMarginMs = 300; // after one advert interval: scheduling and ucarp's start-up

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QStringList agentAddresses(const ClusterDefinition::Node& node)
{
    QStringList addresses{node.agentHost()};
    const QString own = Ipv4::toString(node.address);
    if (!addresses.contains(own))
        addresses << own;
    return addresses;
}

// The server's agent.pem is the certificate this desktop issued for the node, with the cluster's
// addresses, by the cluster's CA, and not about to expire.
bool certificateCurrent(const RemoteFacts& facts, const QString& pkiDir, const ClusterDefinition::Node& node,
                        const QByteArray& caPem)
{
    const RemoteFacts::File remoteCertificate = facts.files.value(QStringLiteral("/etc/baton/pki/agent.pem"));
    const RemoteFacts::File remoteKey = facts.files.value(QStringLiteral("/etc/baton/pki/agent.key"));
    const RemoteFacts::File remoteCa = facts.files.value(QStringLiteral("/etc/baton/pki/ca.pem"));
    QFile file(PkiDirectory::agentCertificateFile(pkiDir, node.name));
    if (!remoteCertificate.exists || !remoteKey.exists || remoteCa.sha256 != sha256(caPem) ||
        !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pem = file.readAll();
    if (sha256(pem) != remoteCertificate.sha256)
        return false;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem);
    if (certificates.isEmpty() ||
        certificates.first().expiryDate() < QDateTime::currentDateTimeUtc().addDays(RenewDays))
        return false;
    const auto names = certificates.first().subjectAlternativeNames();
    for (const QString& address : agentAddresses(node))
        if (!names.values(QSsl::IpAddressEntry).contains(address) &&
            !names.values(QSsl::DnsEntry).contains(address))
            return false;
    return true;
}

} // namespace

DeployEngine::DeployEngine(DeployPrompter& prompter, QObject* parent)
    : QObject(parent)
    , m_prompter(prompter)
{
}

int DeployEngine::exitCode(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Deployed:
    case Outcome::NothingToChange:
    case Outcome::Planned:
        return 0;
    case Outcome::Refused:
        return 3;
    case Outcome::RolledBack:
        return 1;
    case Outcome::Failed:
        return 5;
    case Outcome::Cancelled:
        return 4;
    }
    return 1;
}

QString DeployEngine::stepFailure(const QString& step, const QString& server, const QString& cause)
{
    // A lost connection names the SSH operation ("upload: ..."): said once when it is the step's name.
    const QString name = DeployStep::name(step);
    const QString prefix = name + QLatin1StringView(": ");
    return tr("step '%1' failed on %2: %3")
        .arg(name, server, cause.startsWith(prefix) ? cause.mid(prefix.size()) : cause);
}

DeployEngine::Outcome DeployEngine::finish(Outcome outcome, const QString& report)
{
    m_report = report;
    return outcome;
}

DeployEngine::Outcome DeployEngine::undoTakeover(const DeployRequest& request,
                                                 const ClusterDefinition& cluster,
                                                 std::array<std::unique_ptr<ServerDeployment>, 2>& servers)
{
    QStringList refusals;
    QStringList planText;
    for (auto& server : servers) {
        if (!server->facts().takeoverRecord)
            refusals
                << tr("%1 has no takeover to undo (no /var/backups/baton-takeover)").arg(server->server());
        planText << tr("%1: batond stopped and purged, /etc/network/interfaces restored from "
                       "/var/backups/baton-takeover, ucarp started as it ran")
                        .arg(server->server());
    }
    const QString plan = planText.join(u'\n');
    Q_EMIT planReady(plan);
    if (!refusals.isEmpty())
        return finish(Outcome::Refused, refusals.join(u'\n') + u'\n' + tr("Nothing was changed."));
    if (request.planOnly)
        return finish(Outcome::Planned, tr("plan only: nothing was changed"));
    if (!m_prompter.confirmPlan(plan))
        return finish(Outcome::Refused, tr("the plan was not confirmed; nothing was changed"));
    // The holder last: its batond bows out and the other server's ucarp, already back, takes the VIP
    // at once.
    const QString vip = Ipv4::toString(cluster.vip.address);
    std::array<std::size_t, 2> order{0, 1};
    if (servers[0]->facts().holdsAddress(vip))
        order = {1, 0};
    QString error;
    for (std::size_t i : order) {
        if (!servers[i]->undoTakeover(&error))
            return finish(Outcome::Failed, stepFailure(QStringLiteral("undo"), servers[i]->server(), error));
        // ucarp takes the holder's bow-out only once it listens: a bow-out sent while it starts is
        // missed, and the VIP waits for ucarp's master-down. One advert of the holder (and a margin)
        // after it started, it has heard one.
        if (i == order[0]) {
            const ClusterDefinition::Node& holding = cluster.nodes[order[1]];
            const auto interval = CarpTiming::advertInterval(cluster.advbase, holding.advskew);
            Q_EMIT progress(
                servers[i]->server(), DeployStep::name(QStringLiteral("undo")),
                tr("waiting one advert interval until ucarp hears %1").arg(servers[order[1]]->server()));
            QThread::msleep(static_cast<unsigned long>(
                std::chrono::duration_cast<std::chrono::milliseconds>(interval).count() + UndoMarginMs));
        }
    }
    return finish(Outcome::Deployed,
                  tr("the takeover is undone: ucarp runs on %1 and %2 as before, batond is removed")
                      .arg(servers[0]->server(), servers[1]->server()));
}

DeployEngine::Outcome DeployEngine::run(const DeployRequest& request)
{
    m_cancel = false;
    ClusterDefinition cluster = request.cluster;
    if (const ConfigErrors errors = cluster.validate(); !errors.isEmpty())
        return finish(Outcome::Refused,
                      tr("the cluster definition is not valid: %1").arg(errors.first().toString()));
    QString error;
    const auto packages = LocalPackages::find(request.packageDir, &error);
    if (!packages)
        return finish(Outcome::Refused, error);
    const std::optional<TlsIdentity> console =
        TlsIdentity::loadConsole(cluster.pkiDir, cluster.console, &error);
    if (!console)
        return finish(Outcome::Refused, tr("the console certificate: %1").arg(error));
    QFile caFile(PkiDirectory::caCertificateFile(cluster.pkiDir));
    if (!caFile.open(QIODevice::ReadOnly))
        return finish(Outcome::Refused,
                      tr("cannot read '%1': %2").arg(caFile.fileName(), caFile.errorString()));
    const QByteArray caPem = caFile.readAll();
    QByteArray crl;
    QFile crlFile(PkiDirectory::revocationListFile(cluster.pkiDir));
    if (crlFile.exists()) {
        if (!crlFile.open(QIODevice::ReadOnly))
            return finish(Outcome::Refused,
                          tr("cannot read '%1': %2").arg(crlFile.fileName(), crlFile.errorString()));
        crl = crlFile.readAll();
    }

    const QString runId = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const auto reporter = [this](const QString& server, const QString& step, const QString& detail) {
        Q_EMIT progress(server, step, detail);
    };
    std::array<std::unique_ptr<ServerDeployment>, 2> servers;
    for (int i = 0; i < 2; ++i) {
        const QString server = request.targets[static_cast<std::size_t>(i)].alias;
        servers[static_cast<std::size_t>(i)] = std::make_unique<ServerDeployment>(
            request.targets[static_cast<std::size_t>(i)], server, m_prompter, &m_cancel, reporter, runId);
    }
    // Both servers reached and known before anything changes on either.
    for (auto& server : servers) {
        if (!server->open(&error) || !server->gatherFacts(&error))
            return finish(m_cancel ? Outcome::Cancelled : Outcome::Refused,
                          tr("%1; nothing was changed").arg(error));
    }

    if (request.mode == DeployRequest::Mode::UndoTakeover)
        return undoTakeover(request, cluster, servers);

    const bool takeover = request.mode == DeployRequest::Mode::Takeover;
    const QString vip = Ipv4::toString(cluster.vip.address);
    std::size_t holder = 0;
    std::size_t taker = 1;
    ClusterDefinition brief;
    if (takeover) {
        // The cluster is what the ucarp-* stanzas say; the PKI, names and ports are the request's.
        const auto fromStanzas = StanzaCluster::fromStanzas(
            cluster, {servers[0]->facts().interfaces, servers[1]->facts().interfaces}, &error);
        if (!fromStanzas)
            return finish(Outcome::Refused, tr("%1; nothing was changed").arg(error));
        cluster = *fromStanzas;
        Q_EMIT clusterResolved(cluster);
        const QString address = Ipv4::toString(cluster.vip.address);
        const bool first = servers[0]->facts().holdsAddress(address);
        const bool second = servers[1]->facts().holdsAddress(address);
        if (first == second)
            return finish(
                Outcome::Refused,
                (first ? tr("both servers hold the VIP %1: a takeover starts from a settled ucarp pair; "
                            "nothing was changed")
                       : tr("neither server holds the VIP %1: a takeover starts from a settled ucarp pair; "
                            "nothing was changed"))
                    .arg(address));
        holder = first ? 0 : 1;
        taker = 1 - holder;
        const auto taking = StanzaCluster::takingOver(cluster, static_cast<int>(taker), &error);
        if (!taking)
            return finish(Outcome::Refused, tr("%1; nothing was changed").arg(error));
        brief = *taking;
        Q_EMIT progress(
            QString(), DeployStep::name(QStringLiteral("cluster")),
            tr("from the ucarp-* stanzas: vhid %1, VIP %2, advbase %3, advskew %4 and %5, preempt %6")
                .arg(cluster.vhid)
                .arg(cluster.vip.toString())
                .arg(cluster.advbase)
                .arg(cluster.nodes[0].advskew)
                .arg(cluster.nodes[1].advskew)
                .arg(cluster.preempt ? tr("on") : tr("off")));
    }
    const auto agentConfigFor = [](const ClusterDefinition& definition, std::size_t index) {
        const ConfigResult config = ClusterConfigGenerator::generate(definition, static_cast<int>(index));
        return config.ok() ? AgentConfigWriter::write(config.config).toUtf8() : QByteArray();
    };

    std::array<DesiredServer, 2> desired;
    std::array<DeployPlan, 2> plans;
    QStringList planText;
    QStringList refusals;
    for (std::size_t i = 0; i < 2; ++i) {
        const ClusterDefinition::Node& node = cluster.nodes[i];
        const ConfigResult config =
            ClusterConfigGenerator::generate(takeover && i == taker ? brief : cluster, static_cast<int>(i));
        if (!config.ok())
            return finish(Outcome::Refused, config.errors.first().toString());
        DesiredServer& d = desired[i];
        d.name = node.name;
        d.server = servers[i]->server();
        d.version = packages->version;
        d.architecture = packages->architecture;
        d.packageBytes = packages->batond.size() + packages->batonctl.size();
        d.files << DesiredServer::File{QStringLiteral("/etc/baton/batond.conf"),
                                       AgentConfigWriter::write(config.config).toUtf8(),
                                       QStringLiteral("600"), false}
                << DesiredServer::File{QStringLiteral("/etc/baton/pki/ca.pem"), caPem, QStringLiteral("644"),
                                       false}
                << DesiredServer::File{QStringLiteral("/etc/baton/pki/agent.pem"),
                                       {},
                                       QStringLiteral("644"),
                                       true}
                << DesiredServer::File{
                       QStringLiteral("/etc/baton/pki/agent.key"), {}, QStringLiteral("600"), true};
        if (!crl.isEmpty())
            d.files << DesiredServer::File{QStringLiteral("/var/lib/baton/revoked.crl"), crl,
                                           QStringLiteral("600"), false};
        const RemoteFacts& facts = servers[i]->facts();
        if (takeover) {
            const QString note =
                QStringLiteral("The ucarp-* lines below are commented out: batond runs this address "
                               "now (Baton, %1). The file as it was: /var/backups/baton-takeover/interfaces")
                    .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            d.files << DesiredServer::File{QStringLiteral("/etc/network/interfaces"),
                                           StanzaCluster::commentedOut(facts.interfaces, note),
                                           facts.files.value(QStringLiteral("/etc/network/interfaces")).mode,
                                           false};
            servers[i]->setTakeover(true);
        }
        plans[i] =
            DeployPlan::make(facts, d, certificateCurrent(facts, cluster.pkiDir, node, caPem), takeover);
        if (!facts.holdsAddress(node.agentHost()) && !facts.holdsAddress(Ipv4::toString(node.address)))
            plans[i].refusals << tr("%1 does not have node %2's address %3: is it the right server?")
                                     .arg(d.server, node.name, Ipv4::toString(node.address));
        // With the peer link the agent listens on its management address, which must be there.
        if (PeerPath::of(cluster).available() && !facts.holdsAddress(node.agentHost()))
            plans[i].refusals << tr("%1 does not have node %2's agent address %3, where its agent is to "
                                    "listen for consoles and its partner")
                                     .arg(d.server, node.name, node.agentHost());
        refusals << plans[i].refusals;
        planText << QStringLiteral("%1 — %2").arg(d.server, servers[i]->elevationText()) + u'\n' +
                        plans[i].text();
    }
    planText << tr("Fast failover (the peer link): %1").arg(PeerPath::of(cluster).describe(cluster));
    if (takeover)
        planText << tr("The takeover, while the VIP keeps answering:\n"
                       "  1. %1: batond starts advertising more often than ucarp on %2 (advskew %3%4, "
                       "preempt): it takes the VIP at once, and ucarp yields to the better advert\n"
                       "  2. %2: ucarp (then BACKUP) is stopped, batond starts with the stanzas' settings\n"
                       "  3. %1: settled to the stanzas' settings: a graceful hand-over of the VIP to %2")
                        .arg(servers[taker]->server(), servers[holder]->server())
                        .arg(brief.nodes[taker].advskew)
                        .arg(brief.advbase != cluster.advbase ? tr(", advbase %1").arg(brief.advbase)
                                                              : QString());
    const QString plan = planText.join(QStringLiteral("\n\n"));
    Q_EMIT planReady(plan);
    if (!refusals.isEmpty())
        return finish(Outcome::Refused, refusals.join(u'\n') + u'\n' + tr("Nothing was changed."));
    if (plans[0].nothingToChange() && plans[1].nothingToChange())
        return finish(Outcome::NothingToChange,
                      tr("nothing to change: both agents run batond %1 with this cluster's configuration "
                         "and certificates")
                          .arg(packages->version));
    if (request.planOnly)
        return finish(Outcome::Planned, tr("plan only: nothing was changed"));
    if (!m_prompter.confirmPlan(plan))
        return finish(Outcome::Refused, tr("the plan was not confirmed; nothing was changed"));

    // The server holding the VIP last, so that a running service keeps its address. With neither
    // holding it, the intended MASTER (the lower advskew) first: it takes the address, and the other
    // joins as BACKUP (without preemption the first one up keeps it).
    std::array<std::size_t, 2> order{0, 1};
    const bool firstHolds = servers[0]->facts().holdsAddress(vip);
    const bool secondHolds = servers[1]->facts().holdsAddress(vip);
    if (firstHolds != secondHolds ? firstHolds : cluster.nodes[1].advskew < cluster.nodes[0].advskew)
        order = {1, 0};
    if (takeover)
        order = {taker, holder};

    // A batond takes a bow-out only from the master it follows: one that just started must hear the
    // holder's adverts before the holder hands over, or it ignores the hand-over and the VIP waits for
    // master-down.
    const auto followsMaster = [&](std::size_t follower, std::size_t master, QString* why) {
        const ClusterDefinition::Node& node = cluster.nodes[follower];
        const QString masterAddress = Ipv4::toString(cluster.nodes[master].address);
        const auto follows = [&](const AgentStatus& status) {
            return std::any_of(status.groups.cbegin(), status.groups.cend(), [&](const GroupStatus& g) {
                return g.vhid == cluster.vhid && g.state == CarpState::Backup && g.peer == masterAddress;
            });
        };
        Q_EMIT progress(servers[follower]->server(), DeployStep::name(QStringLiteral("agent")),
                        tr("waiting until it follows %1 as MASTER").arg(servers[master]->server()));
        if (AgentAnswer::waitFor(console->clientConfiguration(), node.agentHost(), node.agentPort,
                                 request.agentTimeoutMs, &m_cancel, follows, why))
            return true;
        *why = tr("its agent does not follow %1 as MASTER (%2)").arg(servers[master]->server(), *why);
        return false;
    };
    QList<std::size_t> done;
    const auto rollBack = [&](const QString& failure) {
        QStringList lines{failure};
        bool complete = true;
        for (qsizetype k = done.size() - 1; k >= 0; --k) {
            QString why;
            if (!servers[done[k]]->rollback(&why)) {
                complete = false;
                lines << why;
            } else {
                lines << tr("%1 was rolled back to where it was").arg(servers[done[k]]->server());
            }
        }
        for (std::size_t i : order)
            if (!done.contains(i))
                lines << tr("%1 was not touched").arg(servers[i]->server());
        if (m_cancel && complete)
            return finish(Outcome::Cancelled, lines.join(u'\n'));
        return finish(complete ? Outcome::RolledBack : Outcome::Failed, lines.join(u'\n'));
    };
    for (std::size_t i : order) {
        ServerDeployment& server = *servers[i];
        const ClusterDefinition::Node& node = cluster.nodes[i];
        done << i;
        if (plans[i].nothingToChange()) {
            Q_EMIT progress(server.server(), DeployStep::name(QStringLiteral("done")),
                            tr("nothing to change"));
            continue;
        }
        QString step;
        const ServerDeployment::Issuer issuer = [&](const QByteArray& publicKey,
                                                    QString* why) -> std::optional<QByteArray> {
            const auto written = PkiDirectory::issueAgentForKey(
                cluster.pkiDir, node.name, agentAddresses(node), publicKey, PkiDirectory::MaxAgentDays, why);
            if (!written)
                return std::nullopt;
            return written->certificatePem;
        };
        // The holder's ucarp must have yielded before it is stopped: as BACKUP it holds nothing.
        if (takeover && i == holder && !servers[holder]->waitForAddress(vip, false, 10000, &error))
            return rollBack(stepFailure(QStringLiteral("takeover"), server.server(), error));
        if (!server.apply(plans[i], desired[i], *packages, issuer, &step, &error))
            return rollBack(stepFailure(step, server.server(), error));
        Q_EMIT progress(server.server(), DeployStep::name(QStringLiteral("agent")),
                        tr("waiting for %1:%2 over mutual TLS").arg(node.agentHost()).arg(node.agentPort));
        if (!AgentAnswer::wait(console->clientConfiguration(), node.agentHost(), node.agentPort,
                               request.agentTimeoutMs, &m_cancel, &error))
            return rollBack(stepFailure(QStringLiteral("agent"), server.server(),
                                        tr("the agent at %1:%2 did not answer over mutual TLS (%3). Its "
                                           "journal:\n%4")
                                            .arg(node.agentHost())
                                            .arg(node.agentPort)
                                            .arg(error, server.agentJournal())));
        Q_EMIT progress(server.server(), DeployStep::name(QStringLiteral("done")), tr("the agent answers"));
        if (takeover && i == taker && !server.waitForAddress(vip, true, 10000, &error))
            return rollBack(stepFailure(QStringLiteral("takeover"), server.server(), error));
        const std::size_t next = 1 - i;
        const bool nextHolds = next == 0 ? firstHolds : secondHolds;
        if (!takeover && !done.contains(next) && nextHolds && !plans[next].nothingToChange() &&
            !followsMaster(i, next, &error))
            return rollBack(stepFailure(QStringLiteral("agent"), server.server(), error));
    }
    if (takeover) {
        // Settled: the taker's brief settings replaced by the stanzas' own; its group restarts and
        // hands the VIP over to the holder's batond gracefully.
        ServerDeployment& server = *servers[taker];
        const ClusterDefinition::Node& node = cluster.nodes[taker];
        if (!followsMaster(holder, taker, &error))
            return rollBack(stepFailure(QStringLiteral("settle"), servers[holder]->server(), error));
        if (!server.settle(agentConfigFor(cluster, taker), &error))
            return rollBack(stepFailure(QStringLiteral("settle"), server.server(), error));
        if (!AgentAnswer::wait(console->clientConfiguration(), node.agentHost(), node.agentPort,
                               request.agentTimeoutMs, &m_cancel, &error))
            return rollBack(stepFailure(QStringLiteral("settle"), server.server(),
                                        tr("the agent did not answer (%1)").arg(error)));
        if (!servers[holder]->waitForAddress(vip, true, 10000, &error))
            return rollBack(stepFailure(QStringLiteral("settle"), servers[holder]->server(), error));
    }
    for (auto& server : servers)
        server->finish();
    if (takeover)
        return finish(Outcome::Deployed,
                      tr("taken over: batond %1 runs on %2 and %3 with the ucarp-* stanzas' settings, ucarp "
                         "is stopped and its lines commented out; %4 holds the VIP")
                          .arg(packages->version, servers[0]->server(), servers[1]->server(),
                               servers[holder]->server()));
    return finish(Outcome::Deployed, tr("deployed: batond %1 runs on %2 and %3 and answers over mutual TLS")
                                         .arg(packages->version, servers[0]->server(), servers[1]->server()));
}

} // namespace baton
