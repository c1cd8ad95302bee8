// SPDX-License-Identifier: GPL-3.0-or-later
#include "CounterJournal.h"

#include "StateDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
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

CounterJournal::CounterJournal(CounterMemory& memory, QString stateDir, QObject* parent)
    : QObject(parent)
    , m_memory(memory)
    , m_stateDir(std::move(stateDir))
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
    return QDir(m_stateDir).filePath(QStringLiteral("counters"));
}

qsizetype CounterJournal::load()
{
    m_timer.start();
    QFile file(path());
    if (!file.exists()) {
        m_flushedMark = m_memory.insertions();
        return 0;
    }
    // Bounded: twice what memory holds is the most a healthy journal reaches.
    const qint64 limit = Magic.size() + 2 * m_memory.capacity() * EntrySize + EntrySize;
    if (!file.open(QIODevice::ReadOnly) || file.read(Magic.size()) != Magic) {
        qWarning("%s is not a counter journal; starting a new one (replays of adverts seen before "
                 "are not recognised until seen again)",
                 qUtf8Printable(path()));
        rewrite();
        return 0;
    }
    const QByteArray data = file.read(limit);
    qsizetype loaded = 0;
    for (qsizetype at = 0; at + EntrySize <= data.size(); at += EntrySize) {
        m_memory.insert(qFromBigEndian<quint64>(data.constData() + at));
        ++loaded;
    }
    m_fileEntries = loaded;
    m_flushedMark = m_memory.insertions();
    return loaded;
}

void CounterJournal::flush()
{
    const std::vector<quint64> fresh = m_memory.newestSince(m_flushedMark);
    m_flushedMark = m_memory.insertions();
    if (fresh.empty())
        return;
    if (m_fileEntries + static_cast<qsizetype>(fresh.size()) > 2 * m_memory.capacity() ||
        !QFileInfo::exists(path()))
        return rewrite();
    QFile file(path());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(encode(fresh)) < 0) {
        if (!m_errorLogged)
            qCritical("cannot append to %s: %s", qUtf8Printable(path()), qUtf8Printable(file.errorString()));
        m_errorLogged = true;
        return;
    }
    m_fileEntries += static_cast<qsizetype>(fresh.size());
    m_errorLogged = false;
}

void CounterJournal::rewrite()
{
    if (!StateDirectory::ensure(m_stateDir).isEmpty())
        return;
    const std::vector<quint64> all = m_memory.ordered();
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly)) {
        if (!m_errorLogged)
            qCritical("cannot write %s: %s", qUtf8Printable(path()), qUtf8Printable(file.errorString()));
        m_errorLogged = true;
        return;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(Magic);
    file.write(encode(all));
    if (file.commit()) {
        m_fileEntries = static_cast<qsizetype>(all.size());
        m_errorLogged = false;
    }
}

} // namespace baton
