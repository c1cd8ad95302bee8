// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReadWatch.h"

#include "EpollDispatcher.h"

namespace baton {

ReadWatch::ReadWatch(int fd, std::function<void()> onReadable)
    : m_fd(fd)
{
    if (EpollDispatcher* loop = EpollDispatcher::current()) {
        const QString error = loop->watchDirect(fd, onReadable);
        if (error.isEmpty()) {
            m_dispatcher = loop;
            return;
        }
        qWarning("descriptor %d on Qt's notifier instead of the direct lane: %s", fd, qUtf8Printable(error));
    }
    m_notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [call = std::move(onReadable)] { call(); });
}

ReadWatch::~ReadWatch()
{
    if (m_dispatcher)
        m_dispatcher->unwatchDirect(m_fd);
}

} // namespace baton
