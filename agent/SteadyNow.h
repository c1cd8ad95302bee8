// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <ctime>

namespace baton {

// std::chrono::steady_clock::now() without its call into libstdc++ (one more library's page of
// code on every wake-up): the same CLOCK_MONOTONIC reading, straight from the vDSO.
inline std::chrono::steady_clock::time_point steadyNow() noexcept
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return std::chrono::steady_clock::time_point(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::seconds(t.tv_sec) +
                                                                        std::chrono::nanoseconds(t.tv_nsec)));
}

} // namespace baton
