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
    // Authenticate every advert field, not only ucarp's (CarpHmac::Mode::Strict): batond pairs only.
    bool strictAuth = false;
    quint32 multicastGroup = CarpAdvert::DefaultGroup;
    HookConfig hooks;
    int line = 0; // where the group was defined, for later messages

    // Linux keeps address labels to IFNAMSIZ - 1 characters; a longer default is left out.
    static constexpr int MaxNameLength = 15;
    static QString defaultVipLabel(const QString& interface)
    {
        const QString label = interface + QStringLiteral(":baton");
        return label.size() <= MaxNameLength ? label : QString();
    }

    // The source line is bookkeeping, not configuration: a config that only moved within its file
    // (or was generated rather than read) is still the same config.
    bool operator==(const GroupConfig& other) const
    {
        return interface == other.interface && source == other.source && vhid == other.vhid &&
               vips == other.vips && vipLabel == other.vipLabel && password == other.password &&
               passwordFile == other.passwordFile && advbase == other.advbase && advskew == other.advskew &&
               deadratio == other.deadratio && preempt == other.preempt && strictAuth == other.strictAuth &&
               multicastGroup == other.multicastGroup && hooks == other.hooks;
    }
};

// The mutual-TLS control listener for batonctl and the window, and the peer link to the partner
// agent (the same TLS files).
struct ControlConfig
{
    QString listenAddress; // empty = no listener
    quint16 port = 7112;
    QString caFile;
    QString certFile;
    QString keyFile;
    QString peerAddress; // the partner agent's peer listener; empty = no peer link
    quint16 peerPort = 7113;
    QString peerListenAddress; // where the partner reaches us; defaults to listenAddress
    quint16 peerListenPort = 7113;
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
