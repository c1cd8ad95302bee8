// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for what the agent does with a client's bytes: the frame decoder (with the
// agent's request limit), fed in arbitrary pieces, then every decoded map through the request
// allow-list and the other readers of the protocol. Nothing may crash, the decoder may never
// buffer past one maximum frame, and whatever parses must re-encode to the same request.
#include "control/AdvertRecord.h"
#include "control/AgentStatus.h"
#include "control/ControlEventText.h"
#include "control/ControlFrame.h"
#include "control/ControlRequest.h"

#include <cstddef>
#include <cstdint>
#include <variant>

namespace {
void checkMessage(const QCborMap& message)
{
    // Whatever decoded must encode and decode back to the same map. Compared as encoded bytes:
    // a NaN value never equals itself, so QCborMap's operator== would call a faithful copy different.
    const QByteArray encoded = baton::ControlFrame::encode(message);
    baton::ControlFrame again(baton::ControlFrame::MaxAgentPayload);
    again.feed(encoded);
    const auto copy = again.next();
    if (!copy || baton::ControlFrame::encode(*copy) != encoded)
        __builtin_trap();
    const auto parsed = baton::ControlRequest::parse(message);
    if (const auto* request = std::get_if<baton::ControlRequest>(&parsed)) {
        const auto reparsed = baton::ControlRequest::parse(request->toCbor());
        const auto* second = std::get_if<baton::ControlRequest>(&reparsed);
        if (!second || second->id != request->id || second->verb != request->verb ||
            second->interface != request->interface ||
            second->restoreAfterSeconds != request->restoreAfterSeconds ||
            second->maintenanceOn != request->maintenanceOn || second->seconds != request->seconds ||
            second->lines != request->lines)
            __builtin_trap();
    }
    // The console's readers see the same bytes from a hostile agent.
    if (const auto status = baton::AgentStatus::fromCbor(message)) {
        const auto again2 = baton::AgentStatus::fromCbor(status->toCbor());
        if (!again2 || !(*again2 == *status))
            __builtin_trap();
    }
    if (const auto event = baton::ControlEvent::fromMessage(message)) {
        (void)baton::ControlEventText::describe(*event);
        const auto again3 = baton::ControlEvent::fromMessage(event->toMessage());
        if (!again3 || !(*again3 == *event))
            __builtin_trap();
    }
    if (const auto advert = baton::AdvertRecord::fromCbor(message)) {
        const auto again4 = baton::AdvertRecord::fromCbor(advert->toCbor());
        if (!again4 || !(*again4 == *advert))
            __builtin_trap();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    baton::ControlFrame decoder(baton::ControlFrame::MaxRequestPayload);
    // The first byte decides the piece size, so splits across frame boundaries get explored.
    const size_t piece = size > 0 ? (data[0] % 16) + 1 : 1;
    for (size_t offset = size > 0 ? 1 : 0; offset < size; offset += piece) {
        const size_t n = offset + piece <= size ? piece : size - offset;
        decoder.feed(QByteArrayView(reinterpret_cast<const char*>(data + offset), static_cast<qsizetype>(n)));
        while (const auto message = decoder.next())
            checkMessage(*message);
        if (decoder.buffered() > static_cast<qsizetype>(baton::ControlFrame::MaxRequestPayload) +
                                     baton::ControlFrame::HeaderSize + 16)
            __builtin_trap();
    }
    return 0;
}
