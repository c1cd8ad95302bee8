// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpMachine.h"

#include <array>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace baton::test {

// Two CarpMachines on a simulated wire with a fixed one-way latency and a simulated clock.
// Records who held the VIP when, so scenarios can assert overlaps, outages and takeover times
// to the microsecond. Test support only: header-only, no I/O.
class CarpPairSimulator
{
public:
    struct Span
    {
        TimePoint from{};
        TimePoint to{};
    };

    CarpPairSimulator(const CarpParams& a, const CarpParams& b, Micros latency)
        : m_nodes{Node(a), Node(b)}
        , m_latency(latency)
    {
    }

    void at(TimePoint t, std::function<void()> what)
    {
        m_queue.emplace(std::pair{t, m_seq++}, std::move(what));
    }
    void startAt(int n, TimePoint t)
    {
        at(t, [this, n, t] { apply(n, t, node(n).machine.start(t, node(n).linkUp)); });
    }
    void linkAt(int n, TimePoint t, bool up)
    {
        at(t, [this, n, t, up] {
            node(n).linkUp = up;
            apply(n, t, node(n).machine.linkChanged(t, up));
        });
    }
    void handoverAt(int n, TimePoint t)
    {
        at(t, [this, n, t] { apply(n, t, node(n).machine.handover(t)); });
    }
    void shutdownAt(int n, TimePoint t)
    {
        at(t, [this, n, t] {
            apply(n, t, node(n).machine.shutdown(t));
            node(n).dead = true;
        });
    }
    // A crash (kill -9, power loss): no bow-out, nothing more sent. The simulated VIP goes with the
    // node; what a real host does with an address left on its interface is the agent's concern.
    void crashAt(int n, TimePoint t)
    {
        at(t, [this, n, t] {
            node(n).dead = true;
            setVip(n, t, false);
        });
    }
    void maintenanceAt(int n, TimePoint t, bool on)
    {
        at(t, [this, n, t, on] { apply(n, t, node(n).machine.setMaintenance(t, on)); });
    }

    void runUntil(TimePoint end)
    {
        while (!m_queue.empty() && m_queue.begin()->first.first <= end) {
            auto it = m_queue.begin();
            m_now = it->first.first;
            auto what = std::move(it->second);
            m_queue.erase(it);
            what();
        }
        m_now = end;
    }

    const CarpMachine& machine(int n) const { return m_nodes[static_cast<size_t>(n)].machine; }
    std::vector<Span> vipSpans(int n) const
    {
        std::vector<Span> spans = node(n).spans;
        if (node(n).holding)
            spans.push_back({node(n).holdingSince, m_now});
        return spans;
    }
    // Total time both nodes held the VIP at once.
    Micros overlap() const
    {
        Micros total{};
        for (const Span& a : vipSpans(0))
            for (const Span& b : vipSpans(1)) {
                const TimePoint from = std::max(a.from, b.from);
                const TimePoint to = std::min(a.to, b.to);
                if (to > from)
                    total += to - from;
            }
        return total;
    }
    // Longest stretch within [from, to] during which nobody held the VIP.
    Micros longestGap(TimePoint from, TimePoint to) const
    {
        std::vector<Span> all = vipSpans(0);
        const std::vector<Span> second = vipSpans(1);
        all.insert(all.end(), second.begin(), second.end());
        std::sort(all.begin(), all.end(), [](const Span& x, const Span& y) { return x.from < y.from; });
        Micros longest{};
        TimePoint covered = from;
        for (const Span& s : all) {
            if (s.to <= covered)
                continue;
            if (s.from > covered)
                longest = std::max(longest, std::min(s.from, to) - covered);
            covered = std::max(covered, s.to);
            if (covered >= to)
                break;
        }
        if (covered < to)
            longest = std::max(longest, to - covered);
        return longest;
    }
    int advertsSent(int n) const { return node(n).advertsSent; }
    TimePoint lastAdvertReceived(int n) const { return node(n).lastReceived; }
    TimePoint lastAdvertSent(int n) const { return node(n).lastAdvert; }
    int masterCount() const
    {
        int count = 0;
        for (const Node& n : m_nodes)
            count += !n.dead && n.machine.state() == CarpState::Master ? 1 : 0;
        return count;
    }

private:
    struct Node
    {
        explicit Node(const CarpParams& params)
            : machine(params)
        {
        }
        CarpMachine machine;
        bool linkUp = true;
        bool dead = false;
        bool holding = false;
        TimePoint holdingSince{};
        std::vector<Span> spans;
        quint64 timerGeneration = 0;
        int advertsSent = 0;
        TimePoint lastAdvert{};
        TimePoint lastReceived{};
    };

    Node& node(int n) { return m_nodes[static_cast<size_t>(n)]; }
    const Node& node(int n) const { return m_nodes[static_cast<size_t>(n)]; }

    void setVip(int n, TimePoint t, bool hold)
    {
        Node& nd = node(n);
        if (hold == nd.holding)
            return;
        if (hold)
            nd.holdingSince = t;
        else
            nd.spans.push_back({nd.holdingSince, t});
        nd.holding = hold;
    }

    void apply(int n, TimePoint t, const CarpActions& actions)
    {
        for (const CarpAction& a : actions) {
            if (node(n).dead)
                return;
            if (std::holds_alternative<action::AddVips>(a)) {
                setVip(n, t, node(n).linkUp);
            } else if (std::holds_alternative<action::RemoveVips>(a)) {
                setVip(n, t, false);
            } else if (const auto* arm = std::get_if<action::ArmTimer>(&a)) {
                const quint64 generation = ++node(n).timerGeneration;
                at(arm->deadline, [this, n, generation, d = arm->deadline] {
                    if (!node(n).dead && node(n).timerGeneration == generation)
                        apply(n, d, node(n).machine.timerFired(d));
                });
            } else if (std::holds_alternative<action::CancelTimer>(a)) {
                ++node(n).timerGeneration;
            } else if (const auto* send = std::get_if<action::SendAdvert>(&a)) {
                transmit(n, t, *send);
            }
        }
    }

    void transmit(int n, TimePoint t, const action::SendAdvert& send)
    {
        if (!node(n).linkUp)
            return;
        ++node(n).advertsSent;
        node(n).lastAdvert = t;
        CarpAdvert advert;
        advert.vhid = node(n).machine.params().vhid;
        advert.source = node(n).machine.params().source;
        advert.advbase = send.advbase;
        advert.advskew = send.advskew;
        advert.demote = send.demote;
        const int peer = 1 - n;
        at(t + m_latency, [this, peer, advert, arrival = t + m_latency] {
            if (node(peer).dead || !node(peer).linkUp)
                return;
            node(peer).lastReceived = arrival;
            apply(peer, arrival, node(peer).machine.advertReceived(arrival, advert));
        });
    }

    std::array<Node, 2> m_nodes;
    Micros m_latency;
    TimePoint m_now{};
    quint64 m_seq = 0;
    std::map<std::pair<TimePoint, quint64>, std::function<void()>> m_queue;
};

} // namespace baton::test
