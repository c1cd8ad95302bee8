// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdvertHistory.h"
#include "AgentStateStore.h"
#include "CommandFailure.h"
#include "EventJournal.h"
#include "LinkRestorer.h"
#include "carp/CarpState.h"
#include "carp/CarpTiming.h"
#include "control/AgentStatus.h"
#include "control/ControlEvent.h"
#include "control/ControlRequest.h"

#include <QCborMap>
#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

namespace baton {

class AgentClock;
class GroupRunner;
class LinkControl;

// The control channel's verbs, on the agent's main thread (where the groups live): builds the
// status snapshot, carries out requests, and turns what happens into events. It never touches a
// socket; the ControlServer on its own thread does, so TLS work never delays an advert.
class ControlService : public QObject
{
    Q_OBJECT
public:
    using Groups = std::function<std::vector<GroupRunner*>()>;
    static constexpr int CrashDelayMs = 200; // `crash`: the reply must leave before the process goes
    // `disk` writes the event history (EventJournal); it must outlive the service.
    ControlService(LinkControl& links, const AgentClock& clock, const QString& stateDir, DiskWriter& disk,
                   QString agentName, Groups groups, QObject* parent = nullptr);

    // The interfaces `link-down` and `link-up` may touch: those the groups run on.
    void setManagedInterfaces(const QStringList& interfaces) { m_interfaces = interfaces; }
    // Reads what an earlier run left (maintenance, pending restores) and resumes it. Returns
    // whether maintenance is on, for the groups about to start. A damaged file turns it on: a
    // node that cannot know what it was doing watches rather than competes for the VIP.
    bool resumeSavedState();
    bool maintenance() const { return m_state.maintenance; }
    const QString& agentName() const { return m_agentName; }
    void setAgentName(const QString& name) { m_agentName = name; }
    // What the control channel reports about itself (see AgentStatus).
    void setControlState(const QString& problem, qint64 certificateExpiresMs);
    // What the peer link reports about itself; none when no partner is configured.
    void setPeerLink(const std::optional<PeerLinkStatus>& status);
    // Carries out `set-revocations` (the control channel owns the list and the CA it checks against).
    using RevocationHandler = std::function<std::optional<CommandFailure>(const QByteArray& pem)>;
    void setRevocationHandler(RevocationHandler handler) { m_revocations = std::move(handler); }
    void watch(GroupRunner* group); // follow a (new) group's changes
    AgentStatus status() const;
    // Thread-safe: the control thread answers `adverts` from it.
    const AdvertHistory& adverts() const { return m_adverts; }
    const EventJournal& history() const { return m_history; }
    // The agent's own start and stop, on record beside everything else.
    void noteStarted();
    void noteStopping(int signal);
    // Brings up every link still down for a test (the groups have stopped by then).
    void restoreLinksBeforeStopping();
    void startHeartbeat();
    void publishSoon(); // coalesces bursts of changes into one status message

public Q_SLOTS:
    void execute(quint64 session, const baton::ControlRequest& request, const QString& client,
                 bool mayChange);

Q_SIGNALS:
    void statusChanged(const QCborMap& status); // the snapshot's body
    void heartbeat(const QCborMap& message);
    void eventRaised(const QCborMap& message);
    void replyReady(quint64 session, const QCborMap& reply);

private:
    bool listened() const; // a control thread takes the status
    void raise(ControlEvent::Body body);
    void reply(quint64 session, const ControlRequest& request, const QString& client,
               std::optional<ControlError> error, const QCborMap& data = {}, const QCborMap& detail = {});
    QString persist();
    bool manages(const QString& interface) const;
    void setMaintenance(bool on, const QString& by);
    qint64 wallTime(TimePoint steady) const;
    qint64 wallNow() const;

    LinkControl& m_links;
    const AgentClock& m_clock;
    QStringList m_interfaces;
    AgentStateStore m_store;
    AgentStateStore::State m_state;
    LinkRestorer m_restorer;
    AdvertHistory m_adverts;
    EventJournal m_history;
    QString m_agentName;
    Groups m_groups;
    qint64 m_startedMs = 0;
    QString m_controlProblem;
    RevocationHandler m_revocations;
    qint64 m_certificateExpiresMs = 0;
    std::optional<PeerLinkStatus> m_peerLink;
    qint64 m_heartbeatSeq = 0;
    QTimer m_heartbeat;
    QTimer m_publish;
};

} // namespace baton
