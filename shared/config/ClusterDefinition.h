// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfigError.h"
#include "net/Ipv4.h"

#include <QJsonObject>
#include <QStringList>

#include <array>
#include <optional>

namespace baton {

// What the desktop tool keeps per cluster: one VIP shared by exactly two nodes. Both nodes'
// batond.conf files are generated from it (ClusterConfigGenerator), so they match by construction.
struct ClusterDefinition
{
    static constexpr quint16 DefaultAgentPort = 7112;

    struct Node
    {
        QString name;
        quint32 address = 0;  // the node's own address on the VIP's subnet: the CARP source
        QString agentAddress; // where the GUI reaches the agent; empty = address
        quint16 agentPort = DefaultAgentPort;
        QString interface;
        quint8 advskew = 0;

        QString agentHost() const;
        bool operator==(const Node&) const = default;
    };

    QString name;
    Ipv4Prefix vip;
    quint8 vhid = 1;
    QString password;
    quint8 advbase = 1;
    bool preempt = false;
    quint32 deadratio = 3;
    QString pkiDir;
    QString console; // which console certificate of pkiDir to use; empty = the only one there
    std::array<Node, 2> nodes;
    // How the desktop reaches each node's server over SSH (deployment, the reboot drill): an alias
    // of ~/.ssh/config or [USER@]HOST[:PORT], empty = not set up. In the JSON, each node's "ssh".
    std::array<QString, 2> ssh;

    // Both servers reachable over SSH, as the reboot drill needs.
    bool hasSshAccess() const { return !ssh[0].isEmpty() && !ssh[1].isEmpty(); }

    // Structure and types only (missing fields, wrong JSON types, unparsable addresses, numbers
    // that do not fit); value rules are validate()'s, so a GUI can load a definition to fix it.
    static std::optional<ClusterDefinition> fromJson(const QJsonObject& json, QString* error);
    // A cluster file as the window and batonctl read it; the error names the file.
    static constexpr qint64 MaxFileBytes = 256 * 1024;
    static std::optional<ClusterDefinition> readFile(const QString& path, QString* error);
    QJsonObject toJson() const;

    // Every rule broken, each naming its field ("nodes[1].address") in ConfigError::key.
    ConfigErrors validate() const;
    // Legal but worth knowing: how ties are decided, what cannot be checked.
    QStringList advisories() const;

    bool operator==(const ClusterDefinition&) const = default;

private:
    void validateNode(int index, ConfigErrors& errors) const;
};

} // namespace baton
