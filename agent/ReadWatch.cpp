// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReadWatch.h"

#include "EpollDispatcher.h"

namespace baton {

ReadWatch::ReadWatch(int fd, std::function<void()> onReadable)
{
    if (EpollDispatcher* loop = EpollDispatcher::current()) {
        m_direct.onReadable = onReadable;
        const QString error = loop->watchDirect(m_direct, fd);
        if (error.isEmpty())
            return;
        m_direct.onReadable = nullptr;
        qWarning("descriptor %d on Qt's notifier instead of the direct lane: %s", fd, qUtf8Printable(error));
    }
    m_notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [call = std::move(onReadable)] { call(); });
}

ReadWatch::~ReadWatch()
{
    if (m_direct.loop != nullptr)
        m_direct.loop->unwatchDirect(m_direct);
}

} // namespace baton
