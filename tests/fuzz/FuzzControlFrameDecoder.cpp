// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the control channel's frame decoder: arbitrary bytes, fed in arbitrary
// pieces, must never crash, never buffer past one maximum frame, and decode only maps.
#include "control/ControlFrame.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    baton::ControlFrame decoder;
    // The first byte decides the piece size, so splits across frame boundaries get explored.
    const size_t piece = size > 0 ? (data[0] % 16) + 1 : 1;
    for (size_t offset = size > 0 ? 1 : 0; offset < size; offset += piece) {
        const size_t n = offset + piece <= size ? piece : size - offset;
        decoder.feed(QByteArrayView(reinterpret_cast<const char*>(data + offset), static_cast<qsizetype>(n)));
        while (const auto message = decoder.next()) {
            // Whatever decoded must encode and decode back to the same map.
            baton::ControlFrame again;
            again.feed(baton::ControlFrame::encode(*message));
            const auto copy = again.next();
            if (!copy || !(*copy == *message))
                __builtin_trap();
        }
        if (decoder.buffered() >
            static_cast<qsizetype>(baton::ControlFrame::MaxPayload) + baton::ControlFrame::HeaderSize + 16)
            __builtin_trap();
    }
    return 0;
}
