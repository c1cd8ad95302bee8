// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

#include <deque>

namespace baton {

// The agent's recent log lines for the control channel's `log` verb. The message handler
// writes from whichever thread logs; the control thread reads, hence the lock.
class LogRing
{
public:
    static constexpr qsizetype Capacity = 1000;
    static LogRing& instance();

    void append(const QString& line);
    QStringList last(qsizetype count) const;

private:
    mutable QMutex m_mutex;
    std::deque<QString> m_lines;
};

} // namespace baton
