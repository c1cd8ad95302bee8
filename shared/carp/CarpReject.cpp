// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpReject.h"

#include <QCoreApplication>

#include <array>

namespace baton {

namespace {

struct RejectText
{
    const char* code;
    const char* description;
};

// Indexed by CarpReject; the static_assert below keeps it in step with the enum.
constexpr std::array<RejectText, CarpRejectCount> rejectTexts{{
    {"none", QT_TRANSLATE_NOOP("CarpReject", "Accepted")},
    {"too-short", QT_TRANSLATE_NOOP("CarpReject", "Packet shorter than an IPv4 header")},
    {"bad-ip-version", QT_TRANSLATE_NOOP("CarpReject", "Not an IPv4 packet")},
    {"bad-ip-header-length", QT_TRANSLATE_NOOP("CarpReject", "Invalid IPv4 header length")},
    {"bad-ip-total-length", QT_TRANSLATE_NOOP("CarpReject", "IPv4 total length does not match the packet")},
    {"fragmented", QT_TRANSLATE_NOOP("CarpReject", "Fragmented IPv4 packet")},
    {"not-carp", QT_TRANSLATE_NOOP("CarpReject", "IP protocol is not CARP (112)")},
    {"bad-ip-checksum", QT_TRANSLATE_NOOP("CarpReject", "Bad IPv4 header checksum")},
    {"bad-ttl", QT_TRANSLATE_NOOP("CarpReject", "TTL is not 255 (packet may come from another network)")},
    {"wrong-destination", QT_TRANSLATE_NOOP("CarpReject", "Not sent to the configured multicast group")},
    {"carp-too-short", QT_TRANSLATE_NOOP("CarpReject", "CARP payload shorter than 36 bytes")},
    {"bad-version", QT_TRANSLATE_NOOP("CarpReject", "CARP version is not 2")},
    {"bad-type", QT_TRANSLATE_NOOP("CarpReject", "CARP type is not advertisement")},
    {"bad-checksum", QT_TRANSLATE_NOOP("CarpReject", "Bad CARP checksum")},
    {"wrong-vhid", QT_TRANSLATE_NOOP("CarpReject", "Advertisement for another virtual host ID")},
    {"bad-hmac", QT_TRANSLATE_NOOP("CarpReject",
                                   "Bad HMAC: check vhid, password and virtual IP addresses on both nodes")},
}};
static_assert(rejectTexts.size() == static_cast<std::size_t>(CarpReject::Count));

const RejectText* find(CarpReject reject)
{
    const auto index = static_cast<std::size_t>(reject);
    return index < rejectTexts.size() ? &rejectTexts[index] : nullptr;
}

} // namespace

QLatin1StringView carpRejectCode(CarpReject reject)
{
    const RejectText* text = find(reject);
    return text ? QLatin1StringView(text->code) : QLatin1StringView("unknown");
}

std::optional<CarpReject> carpRejectFromCode(QStringView code)
{
    for (std::size_t i = 0; i < rejectTexts.size(); ++i) {
        if (code == QLatin1StringView(rejectTexts[i].code))
            return static_cast<CarpReject>(i);
    }
    return std::nullopt;
}

QString carpRejectDescription(CarpReject reject)
{
    const RejectText* text = find(reject);
    if (!text)
        return QCoreApplication::translate("CarpReject", "Unknown reason");
    return QCoreApplication::translate("CarpReject", text->description);
}

} // namespace baton
