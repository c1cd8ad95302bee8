// SPDX-License-Identifier: GPL-3.0-or-later
#include "CounterJournal.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

namespace baton {

namespace {
const QByteArray Magic = QByteArrayLiteral("BTNCTR1\n");
constexpr qsizetype EntrySize = 8;

QByteArray encode(const std::vector<quint64>& counters)
{
    QByteArray out(static_cast<qsizetype>(counters.size()) * EntrySize, '\0');
    for (size_t i = 0; i < counters.size(); ++i)
        qToBigEndian(counters[i], out.data() + static_cast<qsizetype>(i) * EntrySize);
    return out;
}
} // namespace

CounterJournal::CounterJournal(CounterMemory& memory, const QString& stateDir, DiskWriter& writer,
                               QObject* parent)
    : QObject(parent)
    , m_memory(memory)
    , m_path(QDir(stateDir).filePath(QStringLiteral("counters")))
    , m_writer(writer)
{
    m_timer.setInterval(FlushMs);
    connect(&m_timer, &QTimer::timeout, this, &CounterJournal::flush);
}

CounterJournal::~CounterJournal()
{
    flush();
}

QString CounterJournal::path() const
{
    return m_path;
}

qsizetype CounterJournal::load()
{
    m_timer.start();
    QFile file(path());
    if (!file.exists()) {
        m_flushedMark = m_memory.insertions();
        return 0; // written whole at the first flush
    }
    // Bounded: twice what memory holds is the most a healthy journal reaches.
    const qint64 limit = Magic.size() + 2 * m_memory.capacity() * EntrySize + EntrySize;
    if (!file.open(QIODevice::ReadOnly) || file.read(Magic.size()) != Magic) {
        qWarning("%s is not a counter journal; starting a new one (replays of adverts seen before "
                 "are not recognised until seen again)",
                 qUtf8Printable(path()));
        return 0; // replaced at the first flush
    }
    const QByteArray data = file.read(limit);
    qsizetype loaded = 0;
    for (qsizetype at = 0; at + EntrySize <= data.size(); at += EntrySize) {
        m_memory.insert(qFromBigEndian<quint64>(data.constData() + at));
        ++loaded;
    }
    m_fileEntries = loaded;
    m_rewriteDue = data.size() % EntrySize != 0; // a torn tail: appends after it would be misread
    m_flushedMark = m_memory.insertions();
    return loaded;
}

void CounterJournal::flush()
{
    const std::vector<quint64> fresh = m_memory.newestSince(m_flushedMark);
    m_flushedMark = m_memory.insertions();
    if (fresh.empty())
        return;
    if (m_rewriteDue || m_fileEntries + static_cast<qsizetype>(fresh.size()) > 2 * m_memory.capacity())
        return rewrite();
    // A file removed meanwhile is made again with its header: never a journal without one.
    if (m_writer.append(path(), encode(fresh), Magic))
        m_fileEntries += static_cast<qsizetype>(fresh.size());
}

void CounterJournal::rewrite()
{
    const std::vector<quint64> all = m_memory.ordered();
    if (!m_writer.replace(path(), Magic + encode(all)))
        return; // the disk is not keeping up (said by the writer): tried again at the next flush
    m_fileEntries = static_cast<qsizetype>(all.size());
    m_rewriteDue = false;
}

} // namespace baton
