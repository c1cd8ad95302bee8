// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace baton {

// Zeroed memory of its own for a large table read at random, on a transparent huge page where
// the kernel gives one. The advert counters' table (2 MiB) is read at a random place on every
// advert: on 4 KiB pages that is a page whose translation is never in the TLB, after a sleep, and
// under a hypervisor each such miss is a two-level page walk; one huge page is one translation
// for the whole table. The memory costs the same either way (batond locks all of it). Where the
// kernel has no huge pages to give (THP "never", fragmented memory) it stays on small pages. A
// child process made by fork() does not have it at all (MADV_DONTFORK): children exec at once.
class HugePageBuffer
{
public:
    static constexpr std::size_t HugePage = std::size_t{2} << 20;

    // Every byte touched here (zero), so that no page is first faulted in on the advert path.
    // Throws std::bad_alloc when the memory cannot be had, as a vector would.
    explicit HugePageBuffer(std::size_t bytes);
    ~HugePageBuffer();
    HugePageBuffer(const HugePageBuffer&) = delete;
    HugePageBuffer& operator=(const HugePageBuffer&) = delete;
    HugePageBuffer(HugePageBuffer&& other) noexcept;
    HugePageBuffer& operator=(HugePageBuffer&& other) noexcept;

    void* data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;   // as asked for
    std::size_t m_mapped = 0; // whole pages mapped at m_data
};

} // namespace baton
