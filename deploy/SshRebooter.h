// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RemoteHost.h"
#include "drill/ServerRebooter.h"

#include <array>
#include <atomic>
#include <memory>

class QThread;

namespace baton {

// The reboot drill over SSH: both servers logged in as root the way a deployment does
// (ServerLogin), then `systemctl reboot` on one of them. libssh blocks, so the logins and the
// command run on a thread of their own, one at a time; the answers come back as signals on the
// caller's thread. The prompter is asked from that thread (as the deployment's is).
class SshRebooter : public ServerRebooter
{
    Q_OBJECT
public:
    static constexpr int CommandTimeoutMs = 20000;

    // targets and servers (the names shown) of node 1 and node 2.
    SshRebooter(std::array<SshTarget, 2> targets, std::array<QString, 2> servers, DeployPrompter& prompter,
                QObject* parent = nullptr);
    // Cancels what runs and waits for it.
    ~SshRebooter() override;

    void prepare() override;
    void reboot(int node) override;

private:
    struct Server
    {
        SshTarget target;
        QString name;
        std::unique_ptr<SshSession> session;
        std::unique_ptr<RemoteHost> host;
    };
    template <typename Work>
    void onWorker(Work work);

    std::array<Server, 2> m_servers;
    DeployPrompter& m_prompter;
    std::atomic_bool m_cancel = false;
    QThread* m_thread = nullptr;
    QObject* m_context = nullptr; // lives on m_thread: what is queued to it runs there
};

} // namespace baton
