// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QtGlobal>

// The peer link's vocabulary (docs/peer-link.md): the two agents of a pair, over mutual TLS on a
// second network, so that the one whose data link fails can tell the other at once.
namespace baton::peer {

inline constexpr int Version = 1;
inline constexpr quint16 DefaultPort = 7113;
inline constexpr quint32 MaxPayload = 4 * 1024; // the largest message (link-lost with 64 VIPs) is far below
inline constexpr int AliveMs = 1000;            // the dialling side proves the link every second
inline constexpr int SilenceMs = 3000;          // nothing heard for this long: the link is down
inline constexpr int HandshakeMs = 5000;
inline constexpr int RedialMs = 1000;
// A notice older than this (by the sender's clock against ours) is refused; less when the partner's
// master-down interval is short (PeerNoticeCheck).
inline constexpr qint64 MaxNoticeAgeMs = 1000;
// Nonces and sequence numbers stay below 2^53, so that JSON renderings keep them exact.
inline constexpr qint64 MaxCounter = (qint64{1} << 53) - 1;

namespace type {
inline constexpr QLatin1StringView Hello{"hello"};
inline constexpr QLatin1StringView Alive{"alive"};
inline constexpr QLatin1StringView Ack{"ack"};
inline constexpr QLatin1StringView LinkLost{"link-lost"};
inline constexpr QLatin1StringView Verdict{"verdict"};
inline constexpr QLatin1StringView Refused{"refused"};
} // namespace type

// Why the peer link (or one direction of it) is not available: stable codes for the status,
// translated by the consoles.
namespace problem {
inline constexpr QLatin1StringView Connecting{"connecting"};
inline constexpr QLatin1StringView TlsFiles{"tls-files"};
inline constexpr QLatin1StringView NotForClient{"certificate-not-for-client"};
inline constexpr QLatin1StringView ListenFailed{"listen-failed"};
inline constexpr QLatin1StringView Unreachable{"unreachable"};
inline constexpr QLatin1StringView HandshakeFailed{"handshake-failed"};
inline constexpr QLatin1StringView NotPartner{"not-partner"};
inline constexpr QLatin1StringView PartnerSilent{"partner-silent"};
inline constexpr QLatin1StringView BadVersion{"incompatible-version"};
inline constexpr QLatin1StringView NotCalling{"partner-not-calling"};
inline constexpr QLatin1StringView ClockSkew{"clock-skew"};
} // namespace problem

// Why a link-lost notice was refused before the state machine saw it (the machine's own reasons
// are CarpStateNames::partnerVerdict).
namespace refusal {
inline constexpr QLatin1StringView Replayed{"replayed"};
inline constexpr QLatin1StringView Stale{"stale"};
inline constexpr QLatin1StringView FromFuture{"from-the-future"};
inline constexpr QLatin1StringView ClockSkew{"clock-skew"};
inline constexpr QLatin1StringView UnknownGroup{"unknown-group"};
} // namespace refusal

} // namespace baton::peer
