// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace baton {

// One message of the peer link (docs/peer-link.md), as a value: built and read here, framed like
// the control channel (ControlFrame). Reading refuses anything malformed with the field at fault.
struct PeerMessage
{
    enum class Type
    {
        Hello,    // both ends, first: version, agent name; the listening end adds its nonce
        Alive,    // dialling end, every second: nonce, seq, time
        Ack,      // listening end, to each alive: seq, time
        LinkLost, // dialling end: nonce, seq, time, vhid, source, vips
        Verdict,  // listening end, to each link-lost: seq, verdict
        Refused,  // either end, before it closes: verdict (a peer::problem code)
    };

    Type type = Type::Hello;
    int version = 0;
    QString agent;
    qint64 nonce = 0;  // the listening end's, for this connection only: a message from another is a replay
    qint64 seq = 0;    // strictly increasing within a connection
    qint64 timeMs = 0; // the sender's wall clock when it sent the message
    int vhid = 0;
    quint32 source = 0;  // the sender's CARP source address on the vhid's interface
    QList<quint32> vips; // the vhid's VIPs (addresses only), ascending
    QString verdict;     // "taken-over", or why not

    bool operator==(const PeerMessage&) const = default;

    static PeerMessage hello(const QString& agent, qint64 nonce = 0);
    static PeerMessage alive(qint64 nonce, qint64 seq, qint64 timeMs);
    static PeerMessage ack(qint64 seq, qint64 timeMs);
    static PeerMessage linkLost(qint64 nonce, qint64 seq, qint64 timeMs, int vhid, quint32 source,
                                QList<quint32> vips);
    static PeerMessage answer(qint64 seq, const QString& verdict);
    static PeerMessage refused(const QString& problem);

    QCborMap toCbor() const;
    static std::optional<PeerMessage> fromCbor(const QCborMap& map, QString* error = nullptr);
};

} // namespace baton
