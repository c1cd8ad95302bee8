// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace baton {

// Why a received packet was not acted on. The values are listed in the order the decoder checks
// them, so the first failing check is the one reported. Count sizes arrays of per-reason counters.
enum class CarpReject : quint8
{
    None,              // accepted
    TooShort,          // fewer than 20 bytes: not even an IPv4 header
    BadIpVersion,      // IP version nibble is not 4
    BadIpHeaderLength, // IHL below 5, or the header runs past the buffer
    BadIpTotalLength,  // IP total length shorter than the header or longer than the buffer
    Fragmented,        // more-fragments flag or a fragment offset
    NotCarp,           // IP protocol is not 112
    BadIpChecksum,     // IPv4 header checksum fails
    BadTtl,            // TTL is not 255, so the packet may come from off-link
    WrongDestination,  // not sent to the expected group (checked only when one is given)
    CarpTooShort,      // CARP payload shorter than 36 bytes
    BadVersion,        // CARP version nibble is not 2
    BadType,           // CARP type nibble is not 1 (advertisement)
    BadChecksum,       // CARP checksum over the CARP payload fails
    WrongVhid,         // another virtual host's advert
    BadHmac,           // digest mismatch: wrong password, VIP list or vhid, or a forged packet
    Count
};

inline constexpr int CarpRejectCount = static_cast<int>(CarpReject::Count);

// Stable kebab-case name ("bad-hmac") for logs, counters and the control protocol; never
// translated, never renamed. "unknown" for values outside the enum.
QLatin1StringView carpRejectCode(CarpReject reject);
// The reverse of carpRejectCode(); nullopt for an unknown code.
std::optional<CarpReject> carpRejectFromCode(QStringView code);
// One English sentence for people, translated when the application has loaded a translator.
QString carpRejectDescription(CarpReject reject);

} // namespace baton
