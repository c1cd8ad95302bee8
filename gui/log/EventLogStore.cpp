// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace baton {

namespace {
constexpr QLatin1StringView FormatName{"baton-event-log"};
constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QByteArray header()
{
    const QJsonObject object{{QStringLiteral("format"), QString(FormatName)},
                             {QStringLiteral("version"), EventLogStore::Version}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray line(const EventLogModel::Entry& e)
{
    QJsonObject object{{QStringLiteral("t"), e.timeMs},
                       {QStringLiteral("node"), e.node},
                       {QStringLiteral("kind"), EventLogModel::kindKey(e.kind)},
                       {QStringLiteral("text"), e.text}};
    if (e.earlier)
        object.insert(QStringLiteral("earlier"), true);
    if (!e.eventId.isEmpty()) {
        object.insert(QStringLiteral("agentTime"), e.agentTimeMs);
        object.insert(QStringLiteral("id"), e.eventId);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// ms since the epoch as JSON keeps them: a double holding a whole number.
bool readTime(const QJsonValue& value, qint64* out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (d < 0 || d > 9.0e15 || d != static_cast<double>(static_cast<qint64>(d)))
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

std::optional<EventLogModel::Entry> parse(const QByteArray& text, QString* problem)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = EventLogStore::tr("not JSON (%1)").arg(error.errorString());
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    EventLogModel::Entry e;
    const std::optional<EventLogModel::Kind> kind =
        EventLogModel::kindFromKey(o.value(QStringLiteral("kind")).toString());
    if (!document.isObject() || !readTime(o.value(QStringLiteral("t")), &e.timeMs) || !kind ||
        !o.value(QStringLiteral("node")).isString() || !o.value(QStringLiteral("text")).isString()) {
        *problem = EventLogStore::tr("not an event (t, node, kind and text expected)");
        return std::nullopt;
    }
    e.kind = *kind;
    e.node = o.value(QStringLiteral("node")).toString();
    e.text = o.value(QStringLiteral("text")).toString();
    e.earlier = o.value(QStringLiteral("earlier")).toBool(false);
    if (o.contains(QStringLiteral("id"))) {
        e.eventId = o.value(QStringLiteral("id")).toString();
        if (e.eventId.isEmpty() || !readTime(o.value(QStringLiteral("agentTime")), &e.agentTimeMs)) {
            *problem = EventLogStore::tr("an agent event without its agent time or identity");
            return std::nullopt;
        }
    }
    return e;
}
} // namespace

EventLogStore::EventLogStore(QString path, EventLogModel* log, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_log(log)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(FlushDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLogStore::flush);
    load();
    connect(log, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { rowsInserted(first, last); });
    connect(log, &QAbstractItemModel::modelReset, this, [this] {
        m_pending.clear();
        m_rewrite = true;
        schedule();
    });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_notice.isEmpty())
        log->append(now, QString(), EventLogModel::Kind::Connection, m_notice);
    if (m_torn)
        log->append(now, QString(), EventLogModel::Kind::Connection,
                    tr("The saved event log %1 ended in a line cut short (the window was stopped while "
                       "writing it); that line was left out.")
                        .arg(QDir::toNativeSeparators(m_path)));
}

EventLogStore::~EventLogStore()
{
    flush();
}

QString EventLogStore::pathFor(const QString& folder, const QString& clusterName)
{
    QString safe = clusterName;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    if (safe != clusterName || safe.isEmpty())
        safe +=
            u'-' +
            QString::fromLatin1(
                QCryptographicHash::hash(clusterName.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    return folder + u'/' + safe + QStringLiteral(".jsonl");
}

void EventLogStore::load()
{
    const QFileInfo info(m_path);
    if (!info.exists() && !info.isSymLink())
        return;
    if (!info.isFile())
        return moveAside(tr("not a regular file"));
    if (info.size() > MaxFileBytes)
        return moveAside(tr("larger than %1 MiB").arg(MaxFileBytes / (1024 * 1024)));
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Not damaged, only not ours to read: left exactly as it is.
        m_disabled = true;
        m_notice = tr("The saved event log %1 cannot be read (%2): this window neither shows nor changes it.")
                       .arg(QDir::toNativeSeparators(m_path), file.errorString());
        return;
    }
    QList<QByteArray> lines = file.read(MaxFileBytes + 1).split('\n');
    // The last piece is empty when the file ends with a newline; otherwise an append was cut short
    // (the window was killed while writing): that line is dropped and the file rewritten cleanly.
    m_torn = !lines.constLast().isEmpty();
    lines.removeLast();
    if (lines.isEmpty()) {
        m_rewrite = m_torn;
        return;
    }
    QString problem;
    const std::optional<QJsonObject> head = [&]() -> std::optional<QJsonObject> {
        const QJsonDocument document = QJsonDocument::fromJson(lines.constFirst());
        if (!document.isObject() ||
            document.object().value(QStringLiteral("format")).toString() != FormatName)
            return std::nullopt;
        return document.object();
    }();
    if (!head)
        return moveAside(tr("line 1: not a Baton event log"));
    const int version = head->value(QStringLiteral("version")).toInt(-1);
    if (version != Version) {
        m_disabled = true;
        m_notice =
            tr("The saved event log %1 is version %2, which this Baton does not read (it reads version "
               "%3): this window neither shows nor changes it.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(version)
                .arg(Version);
        return;
    }
    QList<EventLogModel::Entry> entries;
    entries.reserve(lines.size() - 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const std::optional<EventLogModel::Entry> entry = parse(lines.at(i), &problem);
        if (!entry)
            return moveAside(tr("line %1: %2").arg(i + 1).arg(problem));
        entries.append(*entry);
    }
    m_loading = true;
    for (const EventLogModel::Entry& entry : std::as_const(entries))
        m_loaded += m_log->append(entry) ? 1 : 0;
    m_loading = false;
    m_fileLines = entries.size();
    m_rewrite = m_torn || m_fileLines > 2 * qsizetype{m_log->capacity()};
    if (m_rewrite)
        schedule();
}

void EventLogStore::moveAside(const QString& problem)
{
    const QString base = m_path + QStringLiteral(".corrupt-") +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate) && n <= 100; ++n)
        candidate = base + QStringLiteral("-%1").arg(n);
    if (QFileInfo::exists(candidate) || !QFile::rename(m_path, candidate)) {
        m_disabled = true;
        m_notice = tr("The saved event log %1 cannot be read (%2) and could not be moved aside: this window "
                      "does not write to it. Move or remove it, then open the cluster again.")
                       .arg(QDir::toNativeSeparators(m_path), problem);
        return;
    }
    m_keptAside = candidate;
    m_rewrite = true;
    m_notice =
        tr("The saved event log %1 could not be read (%2). It was kept as %3 and a new one was started.")
            .arg(QDir::toNativeSeparators(m_path), problem, QDir::toNativeSeparators(candidate));
}

void EventLogStore::rowsInserted(int first, int last)
{
    if (m_loading || m_disabled || !m_log)
        return;
    for (int row = first; row <= last; ++row)
        m_pending.append(m_log->entry(row));
    // More than the model holds: the rewrite from the model covers it all.
    if (m_pending.size() > m_log->capacity()) {
        m_pending.clear();
        m_rewrite = true;
    }
    schedule();
}

void EventLogStore::schedule()
{
    if (!m_disabled && !m_timer.isActive())
        m_timer.start();
}

bool EventLogStore::flush()
{
    m_timer.stop();
    if (m_disabled)
        return false;
    if (!hasPending())
        return true;
    const bool whole = m_rewrite || !QFileInfo::exists(m_path) ||
                       (m_log && m_fileLines + m_pending.size() > 2 * qsizetype{m_log->capacity()});
    // Without the model (the window is going) only the pending rows can be written.
    return whole && m_log ? rewrite() : appendPending();
}

bool EventLogStore::rewrite()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder)) {
            writeFailed(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
            return false;
        }
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QByteArray bytes = header();
    for (const EventLogModel::Entry& entry : m_log->entries())
        bytes += line(entry);
    QSaveFile file(m_path);
    // QSaveFile creates its file with the umask's permissions: restricted before the first byte.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        writeFailed(file.errorString());
        return false;
    }
    m_fileLines = m_log->rowCount();
    m_pending.clear();
    m_rewrite = false;
    return true;
}

bool EventLogStore::appendPending()
{
    QFile file(m_path);
    const bool fresh = !file.exists();
    if (fresh)
        QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || (fresh && !file.setPermissions(OwnerOnly))) {
        writeFailed(file.errorString());
        return false;
    }
    QByteArray bytes = fresh ? header() : QByteArray();
    for (const EventLogModel::Entry& entry : std::as_const(m_pending))
        bytes += line(entry);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        // Part of a line may have gone out: the next write replaces the file whole.
        m_rewrite = true;
        writeFailed(file.errorString());
        return false;
    }
    m_fileLines += m_pending.size();
    m_pending.clear();
    return true;
}

void EventLogStore::writeFailed(const QString& problem)
{
    if (m_failureSaid)
        return;
    m_failureSaid = true;
    m_notice = tr("The event log cannot be saved to %1: %2").arg(QDir::toNativeSeparators(m_path), problem);
    if (m_log)
        m_log->append(QDateTime::currentMSecsSinceEpoch(), QString(), EventLogModel::Kind::Connection,
                      m_notice);
}

} // namespace baton
