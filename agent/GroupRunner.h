// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdvertHistory.h"
#include "CarpSocket.h"
#include "DeadlineTimer.h"
#include "NetlinkRoute.h"
#include "carp/AdvertGuard.h"
#include "carp/CarpHmac.h"
#include "carp/CarpMachine.h"
#include "carp/ForgeryLog.h"
#include "carp/RejectLog.h"
#include "config/AgentConfig.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace baton {

class CounterMemory;
class HookRunner;

// One vhid on one interface, on real I/O: the CarpMachine fed by the raw socket, the link state
// and a precise timer, its actions carried out through netlink, AF_PACKET and the hook runner.
class GroupRunner : public QObject
{
    Q_OBJECT
public:
    // `counters` is the agent's memory of advert counters, shared by all its groups.
    GroupRunner(const GroupConfig& config, NetlinkRoute& netlink, HookRunner& hooks, CounterMemory& counters,
                QObject* parent = nullptr);

    // Opens the raw socket on the interface; empty on success. start() calls it if not done.
    QString openSocket();
    void start();
    void shutdown(); // graceful: bow-out advert if MASTER, VIPs removed
    void refreshLink();
    void handover();
    void setMaintenance(bool on);
    // The partner agent says it lost its link as MASTER of this group (CarpMachine::partnerLinkLost).
    PartnerVerdict partnerLinkLost(quint32 partner);

    const GroupConfig& config() const { return m_config; }
    const CarpMachine& machine() const { return m_machine; }
    const RejectLog& rejects() const { return m_rejects; }
    const ForgeryLog& forgeries() const { return m_forgeries; }
    bool sameProtocol(const GroupConfig& other) const;
    bool vipHeld() const { return m_vipIfindex != 0; }
    bool linkUsable() const { return usable(); }
    static TimePoint now();
    void updateHooks(const HookConfig& hooks) { m_config.hooks = hooks; }
    // Where adverts received (any verdict) and sent are recorded; none by default.
    void setAdvertHistory(AdvertHistory* history);

Q_SIGNALS:
    void stateChanged(CarpState from, CarpState to, CarpReason reason);
    void rejectLogged(CarpReject reason, quint32 source); // as rate-limited as the log line
    void forgeryLogged(baton::AdvertGuard::Sign sign, quint32 source, quint64 count); // likewise
    void vipsChanged();
    void linkChanged(bool up); // as the state machine is told: down also when the socket is deaf

private:
    // timeMs: the wall clock, ms since the epoch (a received advert's: when it was read).
    void recordAdvert(qint64 timeMs, const CarpAdvert& advert, AdvertHistory::Verdict verdict,
                      quint8 detail = 0);
    void reportForgery(TimePoint now, AdvertGuard::Sign sign, quint32 source);
    void apply(const CarpActions& actions);
    void sendAdvert(const action::SendAdvert& send);
    void prefetchFor(quint64 counter) const;
    void noteSendResult(const QString& error);
    void clearSendDemotion();
    void checkVipsPresent();
    bool usable() const;
    void setVips(bool present);
    void sendGarps();
    void runHook(action::Hook hook);
    void onPacket(QByteArrayView packet, TimePoint arrivedAt);
    quint64 nextCounter();
    void onTimer();
    QString tag() const;

    GroupConfig m_config;
    NetlinkRoute& m_netlink;
    HookRunner& m_hooks;
    CarpMachine m_machine;
    CarpHmac m_hmac;
    DeadlineTimer m_timer{[this] { onTimer(); }}; // the machine's deadline, to the microsecond
    RejectLog m_rejects;
    AdvertGuard m_guard;
    ForgeryLog m_forgeries;
    // Rejected packets go into the history at a bounded rate: a flood is counted, not recorded.
    TimePoint m_rejectWindowStart{};
    int m_rejectsRecorded = 0;
    std::optional<NetlinkRoute::Link> m_link;
    quint16 m_ipId = 0;
    quint64 m_counterBase = 0; // random; the counters sent are a bijection of base + sequence
    quint64 m_counterSequence = 0;
    AdvertHistory* m_history = nullptr;
    quint16 m_historyInterface = 0; // m_history's number for m_config.interface
    static constexpr quint8 SendErrorDemotion = 240;
    QTimer m_retry;        // reopen a socket that failed to open
    QTimer m_undemote;     // lift a send-error demotion that cannot be proven healed as BACKUP
    bool m_toldUp = false; // what the machine was last told about the link
    int m_vipIfindex = 0;  // where the VIPs were added (0: not held)
    int m_sendFailures = 0;
    int m_sendSuccesses = 0;
    bool m_demotedForSendErrors = false;
    // Last: its 16 KiB of receive buffers would otherwise part the members every advert touches
    // (above) from the socket's own, one page or two more per advert.
    CarpSocket m_socket;
};

} // namespace baton
