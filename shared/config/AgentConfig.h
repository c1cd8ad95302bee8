// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpAdvert.h"
#include "net/Ipv4.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace baton {

// Scripts run on state changes, called like ucarp's: SCRIPT INTERFACE VIP [XPARAM].
struct HookConfig
{
    QString upScript;
    QString downScript;
    QString xparam;
    int timeoutSeconds = 30;
    bool operator==(const HookConfig&) const = default;
};

// One virtual host (vhid) on one interface: what ucarp runs as one process.
struct GroupConfig
{
    QString interface;
    quint32 source = 0;
    quint8 vhid = 0;
    QList<Ipv4Prefix> vips; // in the order written; the HMAC sorts them itself
    QString vipLabel;       // e.g. "eth0:ucarp"; empty = no label
    QByteArray password;    // raw key bytes, 1..19 (ucarp's limit)
    QString passwordFile;   // where the password came from, if from a file
    quint8 advbase = 1;
    quint8 advskew = 0;
    quint32 deadratio = 3;
    bool preempt = false;
    quint32 multicastGroup = CarpAdvert::DefaultGroup;
    HookConfig hooks;
    int line = 0; // where the group was defined, for later messages
    bool operator==(const GroupConfig&) const = default;
};

// The mutual-TLS control listener (used from the control-channel issue on).
struct ControlConfig
{
    QString listenAddress; // empty = no listener
    quint16 port = 7112;
    QString caFile;
    QString certFile;
    QString keyFile;
    bool operator==(const ControlConfig&) const = default;
};

struct AgentConfig
{
    QList<GroupConfig> groups;
    ControlConfig control;
    QString stateDir = QStringLiteral("/var/lib/baton");
    bool operator==(const AgentConfig&) const = default;
};

} // namespace baton
