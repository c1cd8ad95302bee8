// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentClock.h"
#include "CounterJournal.h"
#include "DiskWriter.h"
#include "HookRunner.h"
#include "LinkMonitor.h"
#include "NetlinkRoute.h"
#include "SignalSource.h"
#include "SystemdNotifier.h"
#include "config/ConfigResult.h"

#include <QObject>

#include <memory>
#include <vector>

namespace baton {

class ControlChannel;
class ControlService;
class GroupRunner;
class PeerLink;

// The daemon: loads the configuration, runs one GroupRunner per vhid, follows link changes,
// reloads on SIGHUP (a broken configuration is refused and the running one kept) and leaves
// gracefully on SIGTERM/SIGINT (bow-out advert, VIPs removed, down hooks run, exit 0).
class Agent : public QObject
{
    Q_OBJECT
public:
    enum class Source
    {
        AgentConfig,
        Interfaces,
    };
    Agent(Source source, QString path, QObject* parent = nullptr);
    ~Agent() override;

    // Returns false (after logging why) when the agent cannot run.
    bool start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    ConfigResult load(); // the file's checks, then this host's (HostCheck)
    void reload();
    void terminate(int signal);
    void finishWhenHooksDone();
    QString statusLine() const;
    std::unique_ptr<GroupRunner> makeRunner(const GroupConfig& config);
    std::vector<GroupRunner*> liveGroups() const;
    static QStringList managedInterfaces(const AgentConfig& config);

    Source m_source;
    QString m_path;
    ConfigResult m_current;
    AgentClock m_clock;
    DiskWriter m_disk; // before everything that writes through it: destroyed after them
    CounterMemory m_counters;
    std::unique_ptr<CounterJournal> m_journal;
    NetlinkRoute m_netlink;
    HookRunner m_hooks;
    LinkMonitor m_links;
    SignalSource m_signals;
    SystemdNotifier m_systemd;
    std::vector<std::unique_ptr<GroupRunner>> m_groups;
    std::unique_ptr<ControlService> m_control;
    std::unique_ptr<ControlChannel> m_channel;
    std::unique_ptr<PeerLink> m_peer;
    bool m_stopping = false;
};

} // namespace baton
