// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillEngine.h"

#include "carp/CarpStateNames.h"
#include "net/Ipv4.h"
#include "probe/ProbeAnalysis.h"

#include <QLocale>

#include <cmath>

namespace baton {

namespace {
constexpr CarpState Master = CarpState::Master;
constexpr CarpState Backup = CarpState::Backup;

QString signedMs(qint64 ms)
{
    return (ms >= 0 ? QStringLiteral("+%1 ms") : QStringLiteral("−%1 ms")).arg(std::abs(ms));
}
} // namespace

DrillEngine::DrillEngine(ClusterDefinition cluster, DrillKind kind, DrillPort* port, int probeIntervalMs,
                         QObject* parent)
    : QObject(parent)
    , m_cluster(std::move(cluster))
    , m_port(port)
    , m_probeMs(probeIntervalMs)
    , m_seen(m_cluster.vhid)
{
    m_record.cluster = m_cluster.name;
    m_record.kind = kind;
    QJsonObject configuration = m_cluster.toJson();
    configuration.remove(QStringLiteral("password")); // a report is handed to other people
    m_record.configuration = configuration;
    m_record.targets = {Ipv4::toString(m_cluster.vip.address),
                        Ipv4::toString(m_cluster.nodes[static_cast<std::size_t>(0)].address),
                        Ipv4::toString(m_cluster.nodes[static_cast<std::size_t>(1)].address)};
    m_record.nodeNames = {m_cluster.nodes[static_cast<std::size_t>(0)].name,
                          m_cluster.nodes[static_cast<std::size_t>(1)].name};
    m_record.probeIntervalMs = probeIntervalMs;
}

int DrillEngine::restoreAfterSeconds() const
{
    qint64 longest = 0;
    for (int n = 0; n < 2; ++n)
        longest = std::max(longest, DrillBound::failover(m_cluster, n, m_probeMs).totalMs());
    return static_cast<int>((longest + RecoveryLimitMs + SettleMs + 999) / 1000) + 5;
}

QString DrillEngine::nodeName(int node) const
{
    return m_cluster.nodes[static_cast<std::size_t>(node)].name;
}

QString DrillEngine::address(int target) const
{
    return m_record.targets[target];
}

void DrillEngine::start(qint64 nowMs)
{
    if (m_started)
        return;
    m_started = true;
    m_startMs = nowMs;
    m_record.startedMs = nowMs;
    Q_EMIT changed();
}

void DrillEngine::tick(qint64 nowMs)
{
    if (!isRunning())
        return;
    m_nowMs = nowMs;
    if (m_step < 0)
        preflight(nowMs);
    else
        watch(nowMs);
}

void DrillEngine::sample(int target, const ProbeSample& sample)
{
    m_seen.addSample(target, sample);
}

void DrillEngine::agentLive(int node, bool live)
{
    if (m_live[node] == live)
        return;
    m_live[node] = live;
    // A rebooting server's agent bows out and goes: what it last reported no longer holds.
    if (!live && m_step >= 0 && isRunning() && m_record.steps[m_step].action == DrillStep::Action::Reboot &&
        m_record.steps[m_step].node == node)
        m_seen.addAgentGone(node, std::max(m_nowMs, m_actedMs));
    if (m_step >= 0 && isRunning())
        see(live ? tr("%1's agent answers again").arg(nodeName(node))
                 : tr("%1's agent went silent").arg(nodeName(node)),
            std::max(m_nowMs, m_actedMs));
}

void DrillEngine::status(int node, const AgentStatus& status, qint64 receivedMs)
{
    m_seen.addStatus(node, status, receivedMs);
    m_record.agents[node].name = status.agent;
    m_record.agents[node].version = status.version;
    m_record.agents[node].clockOffsetMs = m_seen.clockOffsetMs(node);
}

void DrillEngine::event(int node, const ControlEvent& event, qint64 receivedMs)
{
    m_seen.addEvent(node, event, receivedMs);
}

void DrillEngine::vipMac(const QString& mac, int node, qint64 nowMs)
{
    m_seen.addVipMac(mac, node, nowMs);
}

void DrillEngine::refused(int node, const QString& code, qint64 nowMs)
{
    if (!isRunning() || m_step < 0)
        return;
    DrillStep& step = m_record.steps[m_step];
    const QString text = tr("%1 refused the command: %2").arg(nodeName(node), code);
    see(text, nowMs);
    step.reasons.append(text);
    step.result = DrillStep::Result::Failed;
    step.endedMs = nowMs;
    restore();
    finish(DrillRecord::Verdict::Failed, nowMs);
}

void DrillEngine::abort(qint64 nowMs, const QString& reason)
{
    if (isFinished())
        return;
    if (!m_started) { // before the preflight: a reboot drill still logging in
        m_startMs = nowMs;
        m_record.startedMs = nowMs;
    }
    m_started = true;
    if (m_step >= 0 && m_step < m_record.steps.size()) {
        DrillStep& step = m_record.steps[m_step];
        step.result = DrillStep::Result::Aborted;
        step.endedMs = nowMs;
        step.seen.append(tr("%1 aborted: %2").arg(signedMs(nowMs - m_actedMs), reason));
    }
    restore();
    m_record.reasons.append(tr("aborted: %1").arg(reason));
    finish(DrillRecord::Verdict::Aborted, nowMs);
}

void DrillEngine::refuseAccess(qint64 nowMs, const QString& reason)
{
    if (isFinished())
        return;
    if (!m_started) {
        m_started = true;
        m_startMs = nowMs;
        m_record.startedMs = nowMs;
    }
    m_record.preflight = {{QStringLiteral("ssh"), false, reason}};
    m_record.reasons.append(reason);
    finish(DrillRecord::Verdict::Refused, nowMs);
}

int DrillEngine::masterNode() const
{
    int master = -1;
    for (int n = 0; n < 2; ++n) {
        const std::optional<GroupStatus> g = m_seen.group(n);
        if (g && g->state == Master) {
            if (master >= 0)
                return -1;
            master = n;
        }
    }
    return master;
}

QList<DrillRecord::Check> DrillEngine::checks() const
{
    QList<DrillRecord::Check> list;
    QStringList silent;
    for (int n = 0; n < 2; ++n) {
        if (!m_live[n] || !m_seen.group(n))
            silent.append(nodeName(n));
    }
    list.append({QStringLiteral("agents-live"), silent.isEmpty(),
                 silent.isEmpty() ? tr("both agents answer")
                                  : tr("no live report of vhid %1 from %2")
                                        .arg(m_cluster.vhid)
                                        .arg(silent.join(QStringLiteral(", ")))});

    QStringList states;
    int masters = 0;
    int backups = 0;
    for (int n = 0; n < 2; ++n) {
        const std::optional<GroupStatus> g = m_seen.group(n);
        masters += g && g->state == Master ? 1 : 0;
        backups += g && g->state == Backup ? 1 : 0;
        states.append(QStringLiteral("%1 %2").arg(
            nodeName(n), g ? CarpStateNames::wireState(g->state).toUpper() : tr("unknown")));
    }
    list.append(
        {QStringLiteral("one-master"), masters == 1 && backups == 1,
         masters == 1 && backups == 1
             ? states.join(QStringLiteral(", "))
             : tr("not exactly one MASTER and one BACKUP: %1").arg(states.join(QStringLiteral(", ")))});

    QStringList degraded;
    for (int n = 0; n < 2; ++n) {
        const std::optional<GroupStatus> g = m_seen.group(n);
        const std::optional<AgentStatus>& s = m_seen.status(n);
        if (g && !g->linkUp)
            degraded.append(tr("%1's %2 is down").arg(nodeName(n), g->interface));
        if (s && !s->restores.isEmpty())
            degraded.append(tr("%1 has a link restore pending").arg(nodeName(n)));
        if ((s && s->maintenance) || (g && g->maintenance))
            degraded.append(tr("%1 is in maintenance").arg(nodeName(n)));
    }
    list.append({QStringLiteral("links-up"), degraded.isEmpty(),
                 degraded.isEmpty() ? tr("links up, no restore pending, no maintenance")
                                    : degraded.join(QStringLiteral("; "))});

    QStringList quiet;
    for (int t = 0; t < 3; ++t) {
        if (m_seen.answeredRun(t) < AnsweringEchoes)
            quiet.append(address(t));
    }
    list.append({QStringLiteral("addresses-answer"), quiet.isEmpty(),
                 quiet.isEmpty() ? tr("%1, %2 and %3 answer").arg(address(0), address(1), address(2))
                                 : tr("not answering %1 echoes in a row: %2")
                                       .arg(AnsweringEchoes)
                                       .arg(quiet.join(QStringLiteral(", ")))});

    bool clocksOk = true;
    QStringList offsets;
    for (int n = 0; n < 2; ++n) {
        const std::optional<qint64> offset = m_seen.clockOffsetMs(n);
        clocksOk = clocksOk && offset && std::abs(*offset) <= ClockToleranceMs;
        offsets.append(offset ? QStringLiteral("%1 %2").arg(nodeName(n), signedMs(*offset))
                              : tr("%1 not measured").arg(nodeName(n)));
    }
    list.append({QStringLiteral("clocks"), clocksOk,
                 tr("agent clock minus this one's: %1 (tolerance ±%2 ms)")
                     .arg(offsets.join(QStringLiteral(", ")))
                     .arg(ClockToleranceMs)});
    if (m_record.kind == DrillKind::Reboot)
        list.append({QStringLiteral("ssh"), !m_access.isEmpty(),
                     m_access.isEmpty() ? tr("no SSH access to the servers as root") : m_access});
    return list;
}

void DrillEngine::preflight(qint64 nowMs)
{
    const QList<DrillRecord::Check> now = checks();
    const bool ok = std::all_of(now.cbegin(), now.cend(), [](const auto& c) { return c.ok; });
    const bool changedChecks = m_record.preflight.size() != now.size() ||
                               !std::equal(now.cbegin(), now.cend(), m_record.preflight.cbegin(),
                                           [](const auto& a, const auto& b) { return a.ok == b.ok; });
    m_record.preflight = now;
    if (nowMs - m_startMs < PreflightMinMs) {
        if (changedChecks)
            Q_EMIT changed();
        return;
    }
    if (ok) {
        plan(masterNode());
        m_step = 0;
        begin(nowMs);
        return;
    }
    if (nowMs - m_startMs >= PreflightTimeoutMs) {
        for (const DrillRecord::Check& c : now) {
            if (!c.ok)
                m_record.reasons.append(c.detail);
        }
        finish(DrillRecord::Verdict::Refused, nowMs);
        return;
    }
    if (changedChecks)
        Q_EMIT changed();
}

void DrillEngine::plan(int master)
{
    const int other = 1 - master;
    using Action = DrillStep::Action;
    QList<std::pair<Action, int>> order;
    if (m_record.kind == DrillKind::Classic)
        order = {{Action::LinkDown, master},
                 {Action::LinkUp, master},
                 {Action::LinkDown, other},
                 {Action::LinkUp, other}};
    else if (m_record.kind == DrillKind::Handover)
        order = {{Action::Handover, master}, {Action::Handover, other}};
    else if (m_record.kind == DrillKind::AgentCrash)
        order = {{Action::CrashAgent, master}};
    else
        order = {{Action::Reboot, master}};
    for (const auto& [action, node] : order) {
        DrillStep step;
        step.action = action;
        step.node = node;
        step.interface = m_cluster.nodes[static_cast<std::size_t>(node)].interface;
        switch (action) {
        case Action::LinkDown:
            step.title = tr("Take %1 down on %2").arg(step.interface, nodeName(node));
            break;
        case Action::LinkUp:
            step.title = tr("Bring %1 up on %2").arg(step.interface, nodeName(node));
            break;
        case Action::Handover:
            step.title = tr("Hand the VIP over from %1").arg(nodeName(node));
            break;
        case Action::CrashAgent:
            step.title = tr("Crash the agent on %1").arg(nodeName(node));
            break;
        case Action::Reboot:
            step.title = tr("Reboot the server of %1").arg(nodeName(node));
            break;
        }
        m_record.steps.append(step);
    }
    // The bounds come from the definition; an agent running other timing is worth a warning (and
    // is what a failed bound then points at).
    for (int n = 0; n < 2; ++n) {
        const std::optional<GroupStatus> g = m_seen.group(n);
        if (g && (g->advbase != m_cluster.advbase ||
                  g->advskew != m_cluster.nodes[static_cast<std::size_t>(n)].advskew))
            m_record.warnings.append(tr("%1's agent runs advbase %2 advskew %3; the cluster definition says "
                                        "advbase %4 advskew %5, and the bounds follow the definition")
                                         .arg(nodeName(n))
                                         .arg(g->advbase)
                                         .arg(g->advskew)
                                         .arg(m_cluster.advbase)
                                         .arg(m_cluster.nodes[static_cast<std::size_t>(n)].advskew));
    }
}

void DrillEngine::begin(qint64 nowMs)
{
    DrillStep& step = m_record.steps[m_step];
    const int node = step.node;
    const int peer = 1 - node;
    const std::optional<GroupStatus> g = m_seen.group(node);
    step.heldVip = g && g->state == Master;
    step.result = DrillStep::Result::Running;
    step.startedMs = nowMs;
    m_actedMs = nowMs;
    m_doneSinceMs = 0;
    m_seenMasterStep = {-1, -1};
    using Action = DrillStep::Action;
    if (step.action == Action::LinkDown) {
        step.bound =
            step.heldVip ? DrillBound::failover(m_cluster, peer, m_probeMs) : DrillBound::quiet(m_probeMs);
        step.expected = step.heldVip ? tr("%1 takes the VIP; %2 stops answering; the VIP answers again "
                                          "within %3 ms")
                                           .arg(nodeName(peer), address(1 + node))
                                           .arg(step.bound.totalMs())
                                     : tr("%1 stops answering; the VIP stays with %2 (no outage over %3 ms)")
                                           .arg(address(1 + node), nodeName(peer))
                                           .arg(step.bound.totalMs());
        // The bound stays CARP's: the peer link is a shortcut that may be down at any moment.
        const std::optional<AgentStatus>& status = m_seen.status(node);
        if (step.heldVip && status && status->peerLink && status->peerLink->ready())
            step.expected +=
                tr("; with the peer link ready, %1 tells %2 at once and the outage is far shorter")
                    .arg(nodeName(node), nodeName(peer));
        m_linkDown[node] = true;
        m_port->linkDown(node, step.interface, restoreAfterSeconds());
        see(tr("asked %1 to take %2 down (its agent restores it after %3 s)")
                .arg(nodeName(node), step.interface)
                .arg(restoreAfterSeconds()),
            nowMs);
    } else if (step.action == Action::LinkUp) {
        const bool favoured = m_cluster.nodes[static_cast<std::size_t>(node)].advskew <
                              m_cluster.nodes[static_cast<std::size_t>(peer)].advskew;
        const bool takesBack = m_cluster.preempt && favoured;
        step.bound = takesBack ? DrillBound::handover(m_probeMs) : DrillBound::quiet(m_probeMs);
        step.expected = takesBack
                            ? tr("%1 answers again and takes the VIP back (preempt) within %2 ms of outage")
                                  .arg(address(1 + node))
                                  .arg(step.bound.totalMs())
                            : tr("%1 answers again, %2 rejoins as BACKUP; no second outage (over %3 ms)")
                                  .arg(address(1 + node), nodeName(node))
                                  .arg(step.bound.totalMs());
        m_linkDown[node] = false;
        m_port->linkUp(node, step.interface);
        see(tr("asked %1 to bring %2 up").arg(nodeName(node), step.interface), nowMs);
    } else if (step.action == Action::Handover) {
        step.bound = DrillBound::handover(m_probeMs);
        step.expected = tr("%1 takes the VIP at once; the VIP answers again within %2 ms")
                            .arg(nodeName(peer))
                            .arg(step.bound.totalMs());
        m_port->handover(node);
        see(tr("asked %1 to hand the VIP over").arg(nodeName(node)), nowMs);
    } else if (step.action == Action::Reboot) {
        beginReboot(step, nowMs);
    } else {
        // The takeover is timed from the command, so the agent's delay before it dies is added.
        step.bound = DrillBound::failoverAfter(m_cluster, peer, m_probeMs, QStringLiteral("crash delay"),
                                               CrashDelayMs);
        step.expected = tr("%1's agent dies without a bow-out; %2 takes the VIP within %3 ms; the agent is "
                           "restarted and removes the VIP it left behind within %4 ms of the takeover")
                            .arg(nodeName(node), nodeName(peer))
                            .arg(step.bound.totalMs())
                            .arg(StaleVipLimitMs);
        m_port->crashAgent(node);
        see(tr("asked %1's agent to crash (it dies %2 ms later, leaving its VIP)")
                .arg(nodeName(node))
                .arg(CrashDelayMs),
            nowMs);
    }
    Q_EMIT changed();
}

void DrillEngine::see(const QString& text, qint64 nowMs)
{
    if (m_step < 0 || m_step >= m_record.steps.size())
        return;
    m_record.steps[m_step].seen.append(QStringLiteral("%1  %2").arg(signedMs(nowMs - m_actedMs), text));
    Q_EMIT changed();
}

bool DrillEngine::done(const DrillStep& step, qint64 nowMs) const
{
    const int peer = 1 - step.node;
    const bool vipAnswers = m_seen.answeredRun(0) >= 3;
    const bool nodeLost = m_seen.lostSince(1 + step.node, m_actedMs);
    switch (step.action) {
    case DrillStep::Action::LinkDown:
        if (step.heldVip)
            return nodeLost && vipAnswers && m_seen.entered(peer, Master, m_actedMs - 1000).has_value();
        return nodeLost && vipAnswers;
    case DrillStep::Action::LinkUp: {
        const std::optional<GroupStatus> g = m_seen.group(step.node);
        const qint64 masterDown = DrillBound::failover(m_cluster, step.node, m_probeMs).masterDownMs;
        return nowMs - m_actedMs >= masterDown && g && g->linkUp && m_seen.answeredRun(1 + step.node) >= 3 &&
               vipAnswers;
    }
    case DrillStep::Action::CrashAgent:
        return vipAnswers && m_seen.entered(peer, Master, m_actedMs - 1000).has_value() &&
               restarted(step.node) && !m_seen.group(step.node)->vipHeld;
    case DrillStep::Action::Reboot: {
        // Back, and watched for a master-down interval: a returning node that takes the VIP when
        // it should not does so within it.
        const qint64 masterDown = DrillBound::failover(m_cluster, step.node, m_probeMs).masterDownMs;
        return m_backMs && nowMs - m_backMs >= masterDown && vipAnswers &&
               m_seen.entered(peer, Master, m_actedMs - 1000).has_value() &&
               m_seen.answeredRun(1 + step.node) >= 3 && masterNode() >= 0;
    }
    case DrillStep::Action::Handover:
        break;
    }
    return vipAnswers && m_seen.entered(peer, Master, m_actedMs - 1000).has_value();
}

bool DrillEngine::restarted(int node) const
{
    const std::optional<AgentStatus>& s = m_seen.status(node);
    return m_live[node] && s && m_seen.group(node) && m_seen.toLocal(node, s->startedMs) > m_actedMs;
}

qint64 DrillEngine::deadline(const DrillStep& step) const
{
    qint64 wait = step.bound.totalMs();
    if (step.action == DrillStep::Action::LinkUp)
        wait = DrillBound::failover(m_cluster, step.node, m_probeMs).masterDownMs;
    if (step.action == DrillStep::Action::CrashAgent)
        wait += StaleVipLimitMs;
    if (step.action == DrillStep::Action::Reboot)
        wait += m_bootLimitMs + DrillBound::failover(m_cluster, step.node, m_probeMs).masterDownMs;
    return m_actedMs + wait + RecoveryLimitMs + SettleMs;
}

void DrillEngine::watch(qint64 nowMs)
{
    DrillStep& step = m_record.steps[m_step];
    // Live observations, once each.
    for (int n = 0; n < 2; ++n) {
        const std::optional<qint64> at = m_seen.entered(n, Master, m_actedMs - 1000);
        if (at && m_seenMasterStep[n] != m_step) {
            m_seenMasterStep[n] = m_step;
            see(tr("%1 reports MASTER (agent time %2)").arg(nodeName(n), signedMs(*at - m_actedMs)), nowMs);
        }
    }
    if (step.action == DrillStep::Action::Reboot && !m_backMs && restarted(step.node)) {
        m_backMs = nowMs;
        see(tr("%1's agent is back: started %2 after the reboot command")
                .arg(nodeName(step.node),
                     signedMs(m_seen.toLocal(step.node, m_seen.status(step.node)->startedMs) - m_actedMs)),
            nowMs);
    }
    if (!m_doneSinceMs && done(step, nowMs)) {
        m_doneSinceMs = nowMs;
        see(tr("as expected so far; watching %1 ms more").arg(SettleMs), nowMs);
    }
    const bool settled = m_doneSinceMs && nowMs - m_doneSinceMs >= SettleMs;
    if (!settled && nowMs < deadline(step))
        return;
    judge(step, nowMs);
    const bool anyFailed =
        std::any_of(m_record.steps.cbegin(), m_record.steps.cend(),
                    [](const DrillStep& s) { return s.result == DrillStep::Result::Failed; });
    // After a failure only the step that brings the same link back up still runs.
    int next = m_step + 1;
    if (anyFailed) {
        const bool restoring = next < m_record.steps.size() && step.action == DrillStep::Action::LinkDown &&
                               m_record.steps[next].action == DrillStep::Action::LinkUp &&
                               m_record.steps[next].node == step.node;
        if (!restoring)
            next = static_cast<int>(m_record.steps.size());
    }
    if (next < m_record.steps.size()) {
        m_step = next;
        begin(nowMs);
        return;
    }
    restore();
    finish(anyFailed ? DrillRecord::Verdict::Failed : DrillRecord::Verdict::Passed, nowMs);
}

void DrillEngine::judge(DrillStep& step, qint64 nowMs)
{
    step.endedMs = nowMs;
    const int node = step.node;
    const int peer = 1 - node;
    const QList<ProbeSample>& vip = m_seen.samples(0);
    const LossCount loss = ProbeAnalysis::loss(vip, m_actedMs, nowMs);
    step.vipEchoes = loss.total;
    step.vipLost = loss.lost;
    std::optional<OutageWindow> outage;
    if (step.action == DrillStep::Action::LinkUp) {
        for (const OutageWindow& w : ProbeAnalysis::outages(vip)) {
            if (w.startMs >= m_actedMs && w.startMs <= nowMs &&
                (!outage || w.durationMs() > outage->durationMs()))
                outage = w;
        }
    } else {
        outage = ProbeAnalysis::failoverTime(vip, m_actedMs - m_probeMs, nowMs);
    }
    if (outage)
        step.vipOutageMs = outage->durationMs();
    const qint64 bound = step.bound.totalMs();
    if (outage && outage->ongoing)
        step.reasons.append(tr("the VIP %1 did not answer again (%2 echoes lost so far)")
                                .arg(address(0))
                                .arg(outage->lostCount));
    else if (outage && outage->durationMs() > bound)
        step.reasons.append((step.action == DrillStep::Action::LinkUp
                                 ? tr("second VIP outage of %1 ms, more than the %2 ms allowed (%3)")
                                 : tr("VIP outage of %1 ms exceeds the bound of %2 ms (%3)"))
                                .arg(outage->durationMs())
                                .arg(bound)
                                .arg(step.bound.formula));

    const QList<ProbeSample>& own = m_seen.samples(1 + node);
    if (const auto w = ProbeAnalysis::failoverTime(own, m_actedMs, nowMs))
        step.nodeOutageMs = w->durationMs();
    const std::optional<qint64> takeover = m_seen.entered(peer, Master, m_actedMs - 1000);
    const std::optional<qint64> fault = m_seen.left(node, Master, m_actedMs - 1000);
    if (takeover && fault)
        step.faultToTakeoverMs = *takeover - *fault;

    switch (step.action) {
    case DrillStep::Action::LinkDown:
        if (!step.nodeOutageMs)
            step.reasons.append(tr("%1 kept answering with %2 down").arg(address(1 + node), step.interface));
        if (step.heldVip && !takeover)
            step.reasons.append(tr("%1 did not report MASTER").arg(nodeName(peer)));
        else if (step.heldVip && m_seen.enteredReason(peer, Master, m_actedMs - 1000) ==
                                     QLatin1StringView("partner-link-lost"))
            see(tr("%1 took over on %2's word over the peer link (the fast path), without waiting for its "
                   "master-down interval")
                    .arg(nodeName(peer), nodeName(node)),
                nowMs);
        break;
    case DrillStep::Action::LinkUp: {
        if (const std::optional<qint64> back = m_seen.firstAnswerSince(1 + node, m_actedMs))
            step.recoveryMs = *back - m_actedMs;
        if (!step.recoveryMs || *step.recoveryMs > RecoveryLimitMs)
            step.reasons.append(tr("%1 did not answer within %2 ms of the link coming up")
                                    .arg(address(1 + node))
                                    .arg(RecoveryLimitMs));
        const std::optional<GroupStatus> g = m_seen.group(node);
        if (!g || !g->linkUp)
            step.reasons.append(tr("%1's agent does not report %2 up").arg(nodeName(node), step.interface));
        if (masterNode() < 0)
            step.reasons.append(tr("not exactly one MASTER afterwards"));
        break;
    }
    case DrillStep::Action::Handover:
        if (!takeover)
            step.reasons.append(tr("%1 did not report MASTER").arg(nodeName(peer)));
        break;
    case DrillStep::Action::Reboot:
        judgeReboot(step, takeover, outage, nowMs);
        break;
    case DrillStep::Action::CrashAgent: {
        // The dead agent cannot report its end: the takeover is timed from the command.
        step.faultToTakeoverMs.reset();
        if (!takeover)
            step.reasons.append(tr("%1 did not report MASTER").arg(nodeName(peer)));
        else if ((step.faultToTakeoverMs = *takeover - m_actedMs) > step.bound.totalMs())
            step.reasons.append(
                tr("%1 took over %2 ms after the crash command, more than the bound of %3 ms (%4)")
                    .arg(nodeName(peer))
                    .arg(*step.faultToTakeoverMs)
                    .arg(step.bound.totalMs())
                    .arg(step.bound.formula));
        if (restarted(node))
            step.recoveryMs = m_seen.toLocal(node, m_seen.status(node)->startedMs) - m_actedMs;
        else
            step.reasons.append(tr("%1's agent did not come back: the VIP it left may still answer there")
                                    .arg(nodeName(node)));
        const std::optional<GroupStatus> g = m_seen.group(node);
        if (restarted(node) && g && (g->vipHeld || g->state == Master))
            step.reasons.append(tr("%1's restarted agent holds the VIP").arg(nodeName(node)));
        break;
    }
    }
    // A crashed agent's VIP stays until it runs again: then both nodes hold it, for at most the restart.
    const qint64 twoHoldersLimit =
        step.action == DrillStep::Action::CrashAgent ? StaleVipLimitMs : TwoHoldersToleranceMs;
    step.twoHoldersAgentsMs = m_seen.twoHoldersMs(m_actedMs - 1000, nowMs);
    if (step.twoHoldersAgentsMs > twoHoldersLimit && step.action == DrillStep::Action::CrashAgent)
        step.reasons.append(
            tr("the VIP stayed on %1 for %2 ms after %3 took over (allowed: %4 ms for the agent's "
               "restart)")
                .arg(nodeName(node))
                .arg(step.twoHoldersAgentsMs)
                .arg(nodeName(peer))
                .arg(StaleVipLimitMs));
    else if (step.twoHoldersAgentsMs > twoHoldersLimit)
        step.reasons.append(tr("both agents reported MASTER for %1 ms").arg(step.twoHoldersAgentsMs));
    step.twoHoldersMacMs = m_seen.macFlapMs(m_actedMs, nowMs);
    if (step.twoHoldersMacMs > 0)
        step.reasons.append(tr("the VIP's MAC went back and forth for %1 ms: two machines answered for it")
                                .arg(step.twoHoldersMacMs));
    step.holderAfter = masterNode();
    step.result = step.reasons.isEmpty() ? DrillStep::Result::Passed : DrillStep::Result::Failed;
    see(step.result == DrillStep::Result::Passed
            ? tr("passed")
            : tr("failed: %1").arg(step.reasons.join(QStringLiteral("; "))),
        nowMs);
}

int DrillEngine::expectedHolderAfterReboot(int node) const
{
    const bool favoured = m_cluster.nodes[static_cast<std::size_t>(node)].advskew <
                          m_cluster.nodes[static_cast<std::size_t>(1 - node)].advskew;
    return m_cluster.preempt && favoured ? node : 1 - node;
}

void DrillEngine::beginReboot(DrillStep& step, qint64 nowMs)
{
    const int node = step.node;
    const int peer = 1 - node;
    m_backMs = 0;
    // Timed from the command: the agent bows out when systemd stops it, but if the bow-out is lost
    // the peer's master-down timer decides, after the command has reached the server's systemd.
    step.bound = DrillBound::failoverAfter(m_cluster, peer, m_probeMs, QStringLiteral("reboot command"),
                                           RebootCommandMs);
    const int holder = expectedHolderAfterReboot(node);
    step.expected =
        tr("%1's server reboots (systemctl reboot over SSH); %2 takes the VIP within %3 ms of the "
           "command; the server boots and its agent is back within %4 s; then %5 holds the VIP, "
           "the only MASTER")
            .arg(nodeName(node), nodeName(peer))
            .arg(step.bound.totalMs())
            .arg(m_bootLimitMs / 1000)
            .arg(nodeName(holder));
    m_port->reboot(node);
    see(tr("asked %1's server to reboot over SSH (systemctl reboot)").arg(nodeName(node)), nowMs);
}

void DrillEngine::judgeReboot(DrillStep& step, std::optional<qint64> takeover,
                              const std::optional<OutageWindow>& outage, qint64 nowMs)
{
    const int node = step.node;
    const int peer = 1 - node;
    // The agent reports leaving MASTER only if its bow-out is seen before the server goes: timed
    // from the command, as for a crash.
    step.faultToTakeoverMs.reset();
    if (!takeover)
        step.reasons.append(tr("%1 did not report MASTER").arg(nodeName(peer)));
    else if ((step.faultToTakeoverMs = *takeover - m_actedMs) > step.bound.totalMs())
        step.reasons.append(
            tr("%1 took over %2 ms after the reboot command, more than the bound of %3 ms (%4)")
                .arg(nodeName(peer))
                .arg(*step.faultToTakeoverMs)
                .arg(step.bound.totalMs())
                .arg(step.bound.formula));
    if (!step.nodeOutageMs)
        step.reasons.append(tr("%1 kept answering: the server did not go down").arg(address(1 + node)));
    if (restarted(node))
        step.recoveryMs = m_seen.toLocal(node, m_seen.status(node)->startedMs) - m_actedMs;
    else
        step.reasons.append(
            tr("%1's agent was not back within %2 s of the reboot: is batond enabled to start at "
               "boot?")
                .arg(nodeName(node))
                .arg(m_bootLimitMs / 1000));
    const int holder = masterNode();
    const int expected = expectedHolderAfterReboot(node);
    if (holder < 0)
        step.reasons.append(tr("not exactly one MASTER afterwards"));
    else if (restarted(node) && holder != expected)
        step.reasons.append(
            tr("%1 holds the VIP afterwards, not %2").arg(nodeName(holder), nodeName(expected)));
    // The rebooted node rejoining must not cost the VIP a second outage (beyond a hand-over when it
    // preempts).
    const DrillBound rejoin =
        expected == node ? DrillBound::handover(m_probeMs) : DrillBound::quiet(m_probeMs);
    for (const OutageWindow& w : ProbeAnalysis::outages(m_seen.samples(0))) {
        const qint64 after = outage ? outage->endMs : m_actedMs;
        if (w.startMs > after && w.startMs <= nowMs && w.durationMs() > rejoin.totalMs()) {
            step.reasons.append(
                tr("second VIP outage of %1 ms when %2 came back, more than the %3 ms allowed (%4)")
                    .arg(w.durationMs())
                    .arg(nodeName(node))
                    .arg(rejoin.totalMs())
                    .arg(rejoin.formula));
            break;
        }
    }
}

void DrillEngine::restore()
{
    for (int n = 0; n < 2; ++n) {
        if (!m_linkDown[n])
            continue;
        m_linkDown[n] = false;
        m_port->linkUp(n, m_cluster.nodes[static_cast<std::size_t>(n)].interface);
    }
}

void DrillEngine::finish(DrillRecord::Verdict verdict, qint64 nowMs)
{
    DrillRecord& r = m_record;
    r.endedMs = nowMs;
    for (DrillStep& s : r.steps) {
        if (s.result == DrillStep::Result::Pending)
            s.result = DrillStep::Result::Skipped;
    }
    for (const DrillStep& s : r.steps) {
        if (s.result == DrillStep::Result::Failed)
            r.reasons.append(QStringLiteral("%1: %2").arg(s.title, s.reasons.join(QStringLiteral("; "))));
    }
    collect(r, nowMs);
    r.verdict = verdict;
    Q_EMIT changed();
    Q_EMIT finished();
}

DrillRecord DrillEngine::snapshot(qint64 nowMs) const
{
    DrillRecord r = m_record;
    if (!r.finished()) {
        r.endedMs = nowMs;
        collect(r, nowMs);
    }
    return r;
}

void DrillEngine::collect(DrillRecord& r, qint64 nowMs) const
{
    r.outages.clear();
    for (int t = 0; t < 3; ++t) {
        const QList<ProbeSample>& samples = m_seen.samples(t);
        const LossCount loss = ProbeAnalysis::loss(samples, m_startMs, nowMs);
        r.echoes[t] = loss.total;
        r.lost[t] = loss.lost;
        for (const OutageWindow& w : ProbeAnalysis::outages(samples)) {
            if (w.endMs >= m_startMs)
                r.outages.append({t, w.startMs, w.endMs, w.lostCount, w.ongoing});
        }
    }
    r.holders = m_seen.holdings(m_startMs, nowMs);
    r.vipMacs = m_seen.vipMacs();
    r.events = m_seen.events();
}

} // namespace baton
