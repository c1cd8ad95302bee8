// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/EchoTracker.h"
#include "probe/ProbeBackend.h"

#include <QByteArray>
#include <QHash>
#include <QTimer>

class QSocketNotifier;

namespace baton {

// ICMP echo over one non-blocking socket for all targets, read through a QSocketNotifier.
// Datagram: socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), the unprivileged "ping socket" that
//   net.ipv4.ping_group_range allows per group. The kernel puts its own identifier in, delivers
//   only replies to this socket, without IP header; replies are matched by source and sequence.
// Raw: socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), needs CAP_NET_RAW. It sees every ICMP message of
//   the host (on loopback even our own requests), with IP header: only echo replies with our
//   random identifier, our payload and a target as source count.
// Round-trip times come from the kernel's receive timestamp (SO_TIMESTAMPNS), so a busy event loop
// delays the report of a reply but does not lengthen its RTT.
class IcmpSocketBackend : public ProbeBackend
{
    Q_OBJECT
public:
    enum class Kind
    {
        Datagram,
        Raw,
    };

    explicit IcmpSocketBackend(Kind kind, QObject* parent = nullptr);
    ~IcmpSocketBackend() override;

    QString open() override;
    void setTargets(const QList<QHostAddress>& targets) override;
    Kind kind() const { return m_kind; }
    // errno of the last failed open(): EACCES for a ping socket outside ping_group_range, EPERM for
    // a raw socket without CAP_NET_RAW.
    int openErrno() const { return m_openErrno; }

private:
    struct Target
    {
        QHostAddress address;
        quint32 ipv4 = 0;
        quint16 nextSequence = 1;
    };
    static constexpr int MaxPerWakeup = 64;
    static constexpr qsizetype PayloadSize = 56; // as ping's default: 64-byte ICMP messages

    void tick();

public:
    void setIntervalMs(int ms) override;
    int intervalMs() const override { return m_timer.interval(); }

private:
    void send(Target& target);
    void readPending();
    void reply(quint32 source, quint16 sequence, qint64 receivedMicros);
    void close();

    Kind m_kind;
    int m_fd = -1;
    int m_openErrno = 0;
    quint16 m_identifier = 0; // raw only: a ping socket's identifier is the kernel's
    QByteArray m_payload;     // random token first: tells our replies from anyone else's
    QSocketNotifier* m_notifier = nullptr;
    QTimer m_timer;
    EchoTracker m_tracker;
    QList<Target> m_targets;
    QHash<quint32, quint16> m_nextSequences; // of removed targets
};

} // namespace baton
