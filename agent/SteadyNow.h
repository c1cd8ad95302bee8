// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

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

// A clock reading as milliseconds (since the epoch, for CLOCK_REALTIME).
inline qint64 milliseconds(const timespec& t) noexcept
{
    return qint64{t.tv_sec} * 1000 + t.tv_nsec / 1'000'000;
}

// A clock reading as microseconds.
inline qint64 microseconds(const timespec& t) noexcept
{
    return qint64{t.tv_sec} * 1'000'000 + t.tv_nsec / 1000;
}

// The wall clock in ms since the epoch, straight from the vDSO: not QDateTime's way per advert.
inline qint64 wallNowMs() noexcept
{
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    return milliseconds(t);
}

} // namespace baton
