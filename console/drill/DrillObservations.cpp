// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillObservations.h"

#include "control/ControlEventText.h"

#include <algorithm>

namespace baton {

namespace {
constexpr CarpState Master = CarpState::Master;
}

void DrillObservations::addSample(int target, const ProbeSample& sample)
{
    // Losses are reported a timeout after they were sent: keep the list in send order.
    QList<ProbeSample>& list = m_samples[target];
    auto at = list.end();
    while (at != list.begin() && (at - 1)->sentMs > sample.sentMs)
        --at;
    list.insert(at, sample);
}

void DrillObservations::addStatus(int node, const AgentStatus& status, qint64 receivedMs)
{
    const qint64 offset = status.timeMs - receivedMs;
    if (status.timeMs > 0 && (!m_offset[node] || offset > *m_offset[node]))
        m_offset[node] = offset;
    m_status[node] = status;
    const std::optional<GroupStatus> g = group(node);
    if (!g)
        return;
    QList<Transition>& list = m_transitions[node];
    if (list.isEmpty() || list.last().state != g->state || list.last().agentMs != g->sinceMs ||
        list.last().linkUp != g->linkUp)
        list.append(Transition{g->sinceMs, g->state, g->reason, g->linkUp});
}

void DrillObservations::addEvent(int node, const ControlEvent& event, qint64 receivedMs)
{
    const qint64 agentMs = event.timeMs;
    m_events.append(DrillRecord::Event{agentMs > 0 ? toLocal(node, agentMs) : receivedMs, node,
                                       ControlEventText::describe(event)});
}

void DrillObservations::addVipMac(const QString& mac, int node, qint64 nowMs)
{
    if (!m_macs.isEmpty() && m_macs.last().mac == mac)
        return;
    m_macs.append(DrillRecord::MacChange{nowMs, mac, node});
}

void DrillObservations::addAgentGone(int node, qint64 localMs)
{
    QList<Transition>& list = m_transitions[node];
    if (!list.isEmpty() && list.last().state == CarpState::Init)
        return;
    list.append(
        Transition{localMs + m_offset[node].value_or(0), CarpState::Init, QStringLiteral("gone"), false});
}

std::optional<GroupStatus> DrillObservations::group(int node) const
{
    if (!m_status[node])
        return std::nullopt;
    for (const GroupStatus& g : m_status[node]->groups) {
        if (g.vhid == m_vhid)
            return g;
    }
    return std::nullopt;
}

std::optional<qint64> DrillObservations::entered(int node, CarpState state, qint64 fromMs) const
{
    for (const Transition& t : m_transitions[node]) {
        if (t.state == state && toLocal(node, t.agentMs) >= fromMs)
            return toLocal(node, t.agentMs);
    }
    return std::nullopt;
}

QString DrillObservations::enteredReason(int node, CarpState state, qint64 fromMs) const
{
    for (const Transition& t : m_transitions[node]) {
        if (t.state == state && toLocal(node, t.agentMs) >= fromMs)
            return t.reason;
    }
    return QString();
}

std::optional<qint64> DrillObservations::left(int node, CarpState state, qint64 fromMs) const
{
    const QList<Transition>& list = m_transitions[node];
    for (qsizetype i = 1; i < list.size(); ++i) {
        if (list[i - 1].state == state && list[i].state != state && toLocal(node, list[i].agentMs) >= fromMs)
            return toLocal(node, list[i].agentMs);
    }
    return std::nullopt;
}

QList<DrillRecord::Holding> DrillObservations::holdings(qint64 fromMs, qint64 toMs) const
{
    QList<DrillRecord::Holding> result;
    for (int node = 0; node < 2; ++node) {
        bool holding = false;
        qint64 start = 0;
        for (const Transition& t : m_transitions[node]) {
            const qint64 at = toLocal(node, t.agentMs);
            if (t.state == Master && !holding) {
                holding = true;
                start = at;
            } else if (t.state != Master && holding) {
                if (at > fromMs && start < toMs)
                    result.append({node, std::max(start, fromMs), std::min(at, toMs)});
                holding = false;
            }
        }
        if (holding && start < toMs)
            result.append({node, std::max(start, fromMs), toMs});
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.fromMs < b.fromMs; });
    return result;
}

qint64 DrillObservations::twoHoldersMs(qint64 fromMs, qint64 toMs) const
{
    const QList<DrillRecord::Holding> spans = holdings(fromMs, toMs);
    qint64 total = 0;
    for (const auto& a : spans) {
        for (const auto& b : spans) {
            if (a.node == 0 && b.node == 1)
                total += std::max<qint64>(0, std::min(a.toMs, b.toMs) - std::max(a.fromMs, b.fromMs));
        }
    }
    return total;
}

qint64 DrillObservations::macFlapMs(qint64 fromMs, qint64 toMs) const
{
    QList<const DrillRecord::MacChange*> seen; // distinct consecutive MACs within the window
    for (const DrillRecord::MacChange& m : m_macs) {
        if (m.timeMs < fromMs || m.timeMs > toMs || m.mac.isEmpty())
            continue;
        if (seen.isEmpty() || seen.last()->mac != m.mac)
            seen.append(&m);
    }
    for (qsizetype i = 2; i < seen.size(); ++i) {
        for (qsizetype j = 0; j + 1 < i; ++j) {
            if (seen[j]->mac == seen[i]->mac)
                return seen.last()->timeMs - seen[j + 1]->timeMs;
        }
    }
    return 0;
}

std::optional<qint64> DrillObservations::firstAnswerSince(int target, qint64 fromMs) const
{
    for (const ProbeSample& s : m_samples[target]) {
        if (s.sentMs >= fromMs && s.answered())
            return s.sentMs;
    }
    return std::nullopt;
}

bool DrillObservations::lostSince(int target, qint64 fromMs) const
{
    return std::any_of(m_samples[target].cbegin(), m_samples[target].cend(),
                       [fromMs](const ProbeSample& s) { return s.sentMs >= fromMs && !s.answered(); });
}

int DrillObservations::answeredRun(int target) const
{
    int run = 0;
    for (auto it = m_samples[target].crbegin(); it != m_samples[target].crend() && it->answered(); ++it)
        ++run;
    return run;
}

} // namespace baton
