// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EpollDispatcher.h"

#include <QSocketNotifier>

#include <functional>
#include <memory>

namespace baton {

// Calls a function while a descriptor is readable: straight from the wait on the direct lane when
// the thread runs an EpollDispatcher (batond's advert thread), else through a QSocketNotifier.
class ReadWatch
{
public:
    ReadWatch(int fd, std::function<void()> onReadable);
    ~ReadWatch();
    ReadWatch(const ReadWatch&) = delete;
    ReadWatch& operator=(const ReadWatch&) = delete;

    bool direct() const { return m_direct.loop != nullptr; }

private:
    EpollDispatcher::DirectWatch m_direct; // on the direct lane: the function, here with the owner's data
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace baton
