// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogRing.h"

namespace baton {

LogRing& LogRing::instance()
{
    static LogRing ring;
    return ring;
}

void LogRing::append(const QString& line)
{
    const QMutexLocker lock(&m_mutex);
    m_lines.push_back(line);
    while (static_cast<qsizetype>(m_lines.size()) > Capacity)
        m_lines.pop_front();
}

QStringList LogRing::last(qsizetype count) const
{
    const QMutexLocker lock(&m_mutex);
    QStringList out;
    const auto size = static_cast<qsizetype>(m_lines.size());
    for (qsizetype i = std::max<qsizetype>(0, size - count); i < size; ++i)
        out << m_lines[static_cast<size_t>(i)];
    return out;
}

} // namespace baton
