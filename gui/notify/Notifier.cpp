// SPDX-License-Identifier: GPL-3.0-or-later
#include "Notifier.h"

#include "NotificationSink.h"

#include <QDateTime>
#include <QLocale>

namespace baton {

Notifier::Notifier(NotificationSink* sink, QObject* parent)
    : QObject(parent)
{
    setSink(sink);
}

void Notifier::setSink(NotificationSink* sink)
{
    if (m_sink)
        m_sink->disconnect(this);
    m_sink = sink;
    if (!m_sink)
        return;
    connect(m_sink, &NotificationSink::activated, this, [this](const QString& key) {
        const auto it = m_groups.constFind(key);
        if (it == m_groups.cend())
            return;
        const QString cluster = it->cluster;
        m_groups.erase(it); // seen: the next one starts a fresh count
        Q_EMIT openRequested(cluster);
    });
    connect(m_sink, &NotificationSink::closed, this, [this](const QString& key, bool byUser) {
        // Expired is not seen: keep counting, so the next one says how many were missed.
        if (byUser)
            m_groups.remove(key);
    });
}

void Notifier::post(const WatchNotice& notice)
{
    const QString key = notice.group();
    auto it = m_groups.find(key);
    if (it != m_groups.end() && notice.timeMs - it->lastMs > GroupWindowMs) {
        m_groups.erase(it);
        it = m_groups.end();
    }
    if (notice.refinement && it == m_groups.end())
        return; // its occurrence was dismissed or never shown: a refinement is not news
    if (it == m_groups.end())
        it = m_groups.insert(key, Group{notice.cluster, notice.timeMs, {}});
    Repeat& repeat = it->repeats[static_cast<int>(notice.kind)];
    if (!notice.refinement) {
        if (repeat.count == 0)
            repeat.firstMs = notice.timeMs;
        ++repeat.count;
    }
    it->lastMs = notice.timeMs;
    if (!m_sink || !m_enabled || (m_quiet && m_quiet(notice)))
        return;
    m_sink->show(key, {notice.title, text(notice, repeat), notice.critical});
}

int Notifier::count(const QString& group, WatchNotice::Kind kind) const
{
    const auto it = m_groups.constFind(group);
    return it == m_groups.cend() ? 0 : it->repeats.value(static_cast<int>(kind)).count;
}

QString Notifier::text(const WatchNotice& notice, const Repeat& repeat) const
{
    if (repeat.count < 2)
        return notice.body;
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(repeat.firstMs);
    const QLocale locale;
    const QString since = first.date() == QDateTime::fromMSecsSinceEpoch(notice.timeMs).date()
                              ? locale.toString(first.time(), QLocale::ShortFormat)
                              : locale.toString(first, QLocale::ShortFormat);
    return notice.body + u'\n' + tr("%1× since %2").arg(repeat.count).arg(since);
}

} // namespace baton
