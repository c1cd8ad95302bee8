// SPDX-License-Identifier: GPL-3.0-or-later
#include "HugePageBuffer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>

namespace baton {

namespace {
std::size_t roundUp(std::size_t value, std::size_t step)
{
    return (value + step - 1) / step * step;
}
} // namespace

HugePageBuffer::HugePageBuffer(std::size_t bytes)
    : m_size(bytes)
{
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const bool huge = bytes >= HugePage;
    m_mapped = roundUp(std::max<std::size_t>(bytes, 1), huge ? HugePage : page);
    // A huge page needs an aligned address: map one huge page more, then give back both ends.
    // Inaccessible at first: under mlockall(MCL_FUTURE) an accessible mapping is filled with small
    // pages at once, before the advice below could apply.
    const std::size_t reserve = huge ? m_mapped + HugePage : m_mapped;
    void* raw = ::mmap(nullptr, reserve, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    auto* start = static_cast<char*>(raw);
    if (huge) {
        const auto address = reinterpret_cast<std::uintptr_t>(raw);
        auto* aligned = reinterpret_cast<char*>(roundUp(address, HugePage));
        if (aligned > start)
            ::munmap(start, static_cast<std::size_t>(aligned - start));
        const std::size_t tail = reserve - static_cast<std::size_t>(aligned - start) - m_mapped;
        if (tail > 0)
            ::munmap(aligned + m_mapped, tail);
        start = aligned;
        ::madvise(start, m_mapped, MADV_HUGEPAGE); // refused (no THP in this kernel): small pages
    }
    if (::mprotect(start, m_mapped, PROT_READ | PROT_WRITE) != 0) {
        ::munmap(start, m_mapped);
        throw std::bad_alloc();
    }
    // Not in children made by fork(): batond's hooks are run by fork and exec, and a page shared
    // copy-on-write until the exec would have the table's next write split the huge page.
    ::madvise(start, m_mapped, MADV_DONTFORK);
    m_data = start;
    std::memset(m_data, 0, m_mapped);
}

HugePageBuffer::~HugePageBuffer()
{
    if (m_data != nullptr)
        ::munmap(m_data, m_mapped);
}

HugePageBuffer::HugePageBuffer(HugePageBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_mapped(std::exchange(other.m_mapped, 0))
{
}

HugePageBuffer& HugePageBuffer::operator=(HugePageBuffer&& other) noexcept
{
    if (this != &other) {
        if (m_data != nullptr)
            ::munmap(m_data, m_mapped);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_mapped = std::exchange(other.m_mapped, 0);
    }
    return *this;
}

} // namespace baton
