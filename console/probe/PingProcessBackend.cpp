// SPDX-License-Identifier: GPL-3.0-or-later
#include "PingProcessBackend.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

namespace baton {

namespace {
// Decimal digits at text[*pos...]; advances *pos past them. Nullopt without digits or beyond limit.
std::optional<qint64> digits(QByteArrayView text, qsizetype* pos, qint64 limit)
{
    qint64 value = 0;
    const qsizetype start = *pos;
    while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9') {
        value = value * 10 + (text[*pos] - '0');
        if (value > limit)
            return std::nullopt;
        ++*pos;
    }
    if (*pos == start)
        return std::nullopt;
    return value;
}

// "12.345" with `scale` fractional digits kept (3: ms -> us, 6: s -> us), extra digits dropped.
std::optional<qint64> fixedPoint(QByteArrayView text, qsizetype* pos, int scale, qint64 limit)
{
    auto whole = digits(text, pos, limit);
    if (!whole)
        return std::nullopt;
    qint64 value = *whole;
    int kept = 0;
    if (*pos < text.size() && text[*pos] == '.') {
        ++*pos;
        for (; *pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9'; ++*pos) {
            if (kept < scale) {
                value = value * 10 + (text[*pos] - '0');
                ++kept;
            }
        }
    }
    for (; kept < scale; ++kept)
        value *= 10;
    return value;
}

std::optional<quint16> sequenceAfter(QByteArrayView text, QByteArrayView key)
{
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return std::nullopt;
    qsizetype pos = at + key.size();
    const auto value = digits(text, &pos, 0xFFFF);
    if (!value)
        return std::nullopt;
    return static_cast<quint16>(*value);
}

QString findPing()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("ping"));
    if (found.isEmpty()) // a desktop session's PATH may lack them
        found = QStandardPaths::findExecutable(QStringLiteral("ping"),
                                               {QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
    return found;
}
} // namespace

std::optional<PingProcessBackend::Line> PingProcessBackend::parseLine(QByteArrayView text)
{
    text = text.trimmed();
    Line line;
    if (text.startsWith('[')) {
        qsizetype pos = 1;
        const auto stamp = fixedPoint(text, &pos, 6, qint64{1} << 40);
        if (stamp && pos < text.size() && text[pos] == ']') {
            line.timestampMicros = stamp;
            text = text.sliced(pos + 1).trimmed();
        }
    }
    static constexpr QByteArrayView Flood("minimal interval allowed for user is ");
    if (const qsizetype at = text.indexOf(Flood); at >= 0) {
        qsizetype pos = at + Flood.size();
        const auto ms = digits(text, &pos, 60'000);
        if (!ms || !text.sliced(pos).startsWith("ms"))
            return std::nullopt;
        line.kind = Line::Kind::MinimumInterval;
        line.minimumIntervalMs = static_cast<int>(*ms);
        return line;
    }
    // "ping: socket: Operation not permitted" (neither ping socket nor raw socket) and the like.
    if (text.contains(": socket: ")) {
        line.kind = Line::Kind::SocketRefused;
        return line;
    }
    if (text.startsWith("no answer yet for icmp_seq=")) {
        const auto sequence = sequenceAfter(text, "icmp_seq=");
        if (!sequence)
            return std::nullopt;
        line.kind = Line::Kind::NoAnswer;
        line.sequence = *sequence;
        return line;
    }
    // "64 bytes from 192.0.2.10: icmp_seq=7 ttl=64 time=0.045 ms [(DUP!)]"; "From ... icmp_seq=7
    // Destination Host Unreachable" is no answer: that echo times out like any other.
    if (!text.contains(" bytes from "))
        return std::nullopt;
    const auto sequence = sequenceAfter(text, " icmp_seq=");
    if (!sequence)
        return std::nullopt;
    line.kind = Line::Kind::Reply;
    line.sequence = *sequence;
    if (const qsizetype at = text.indexOf(" time="); at >= 0) {
        qsizetype pos = at + 6;
        const auto micros = fixedPoint(text, &pos, 3, qint64{1} << 40);
        if (!micros || !text.sliced(pos).startsWith(" ms"))
            return std::nullopt;
        line.rttMicros = micros;
    }
    line.duplicate = text.contains("(DUP!)");
    return line;
}

QStringList PingProcessBackend::arguments(const QHostAddress& target, int intervalMs)
{
    // -D: the receive time of each line, so pipe and event-loop delays do not skew send times;
    // -n: no DNS; -O: report echoes that got no reply before the next one went out.
    return {QStringLiteral("-D"),
            QStringLiteral("-n"),
            QStringLiteral("-O"),
            QStringLiteral("-i"),
            QString::number(double(intervalMs) / 1000.0, 'f', 3),
            QStringLiteral("-W"),
            QString::number(std::max(1, TimeoutMs / 1000)),
            target.toString()};
}

PingProcessBackend::PingProcessBackend(QObject* parent, const QString& program)
    : ProbeBackend(parent)
    , m_requestedProgram(program)
    , m_tracker(qint64{TimeoutMs} * 1000)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PingProcessBackend::tick);
}

PingProcessBackend::~PingProcessBackend()
{
    for (const auto& t : m_targets)
        stop(*t);
}

QString PingProcessBackend::open()
{
    m_program = m_requestedProgram.isEmpty() ? findPing() : m_requestedProgram;
    if (m_program.isEmpty() || !QFileInfo(m_program).isExecutable()) {
        m_program.clear();
        return QStringLiteral("no ping program found (Debian package iputils-ping)");
    }
    m_unusable = false;
    for (const auto& t : m_targets) {
        if (t->process == nullptr)
            start(*t);
    }
    if (!m_targets.empty())
        m_timer.start();
    return {};
}

void PingProcessBackend::setTargets(const QList<QHostAddress>& targets)
{
    QList<QHostAddress> wanted;
    for (const QHostAddress& address : targets) {
        bool ok = false;
        const quint32 ipv4 = address.toIPv4Address(&ok);
        if (ok && !wanted.contains(QHostAddress(ipv4)))
            wanted.append(QHostAddress(ipv4));
    }
    for (auto it = m_targets.begin(); it != m_targets.end();) {
        if (wanted.contains((*it)->address)) {
            ++it;
            continue;
        }
        stop(**it);
        m_tracker.forget((*it)->address);
        m_nextSequences.insert((*it)->address.toIPv4Address(), (*it)->nextSequence); // if it comes back
        it = m_targets.erase(it);
    }
    for (const QHostAddress& address : std::as_const(wanted)) {
        if (contains(address))
            continue;
        auto target = std::make_unique<Target>();
        target->address = address;
        target->nextSequence = m_nextSequences.value(address.toIPv4Address(), 1);
        m_targets.push_back(std::move(target));
        if (!m_program.isEmpty() && !m_unusable)
            start(*m_targets.back());
    }
    if (m_targets.empty())
        m_timer.stop();
    else if (!m_program.isEmpty() && !m_unusable && !m_timer.isActive())
        m_timer.start();
}

void PingProcessBackend::setIntervalMs(int ms)
{
    const int interval = std::max({1, ms, m_minimumIntervalMs});
    if (interval == m_intervalMs)
        return;
    m_intervalMs = interval;
    m_timer.setInterval(std::min(interval, IntervalMs));
    if (!m_program.isEmpty() && !m_unusable) {
        for (const auto& t : m_targets) {
            stop(*t);
            start(*t);
        }
    }
    Q_EMIT intervalChanged(m_intervalMs);
}

void PingProcessBackend::start(Target& target)
{
    auto* process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // "0.045", English messages
    process->setProcessEnvironment(environment);
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] { readOutput(process); });
    connect(process, &QProcess::finished, this, [this, process] { finished(process); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && find(process) != nullptr)
            giveUp(QStringLiteral("%1: %2").arg(m_program, process->errorString()));
    });
    target.process = process;
    target.partial.clear();
    target.lastPing.reset();
    target.restartNow = false;
    target.base = static_cast<quint16>(target.nextSequence - 1); // ping counts from 1
    process->start(m_program, arguments(target.address, m_intervalMs));
}

void PingProcessBackend::stop(Target& target)
{
    QProcess* process = target.process;
    target.process = nullptr;
    if (process == nullptr)
        return;
    disconnect(process, nullptr, this, nullptr);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Deleting a running QProcess waits for it; instead it outlives us until the event loop sees
    // the killed ping end.
    process->setParent(nullptr);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

void PingProcessBackend::tick()
{
    const qint64 now = EchoTracker::monotonicMicros();
    for (const EchoTracker::Result& r : m_tracker.expire(now))
        Q_EMIT sampleReady(r.target, r.sample);
    // Slots may change the targets: look each one up again after every signal.
    QList<QHostAddress> addresses;
    for (const auto& t : m_targets)
        addresses.append(t->address);
    for (const QHostAddress& address : std::as_const(addresses)) {
        const auto it = std::find_if(m_targets.begin(), m_targets.end(),
                                     [&](const auto& t) { return t->address == address; });
        if (it == m_targets.end() || (*it)->process != nullptr || m_unusable)
            continue;
        Target& t = **it;
        if (now >= t.restartAtMicros) {
            start(t);
        } else if (now >= t.nextLostMicros) {
            // No ping runs for this target (it ended, e.g. without a route): nothing can answer.
            t.nextLostMicros = now + qint64{m_intervalMs} * 1000;
            Q_EMIT sampleReady(address, ProbeSample{t.nextSequence++, EchoTracker::wallMs(), std::nullopt});
        }
    }
}

void PingProcessBackend::readOutput(QProcess* process)
{
    Target* target = find(process);
    if (target == nullptr)
        return;
    target->partial += process->readAllStandardOutput();
    const qsizetype end = target->partial.lastIndexOf('\n');
    if (end < 0)
        return;
    const QByteArray complete = target->partial.left(end);
    target->partial.remove(0, end + 1);
    for (const QByteArray& text : complete.split('\n')) {
        target = find(process); // a slot may have removed it
        if (target == nullptr || m_unusable)
            return;
        if (const auto line = parseLine(text))
            handle(*target, *line, text);
    }
}

void PingProcessBackend::finished(QProcess* process)
{
    Target* target = find(process);
    if (target == nullptr)
        return;
    target->partial += process->readAllStandardOutput() + '\n';
    readOutput(process);
    target = find(process);
    if (target == nullptr)
        return;
    target->process = nullptr;
    process->deleteLater();
    if (m_unusable)
        return;
    const qint64 now = EchoTracker::monotonicMicros();
    target->restartAtMicros = target->restartNow ? now : now + qint64{RestartDelayMs} * 1000;
    target->nextLostMicros = now;
}

void PingProcessBackend::handle(Target& target, const Line& line, QByteArrayView text)
{
    const auto newer = [&](quint16 sequence) {
        return !target.lastPing || static_cast<qint16>(static_cast<quint16>(sequence - *target.lastPing)) > 0;
    };
    const QHostAddress address = target.address;
    const quint16 ours = static_cast<quint16>(target.base + line.sequence);
    const qint64 nowMicros = EchoTracker::monotonicMicros();
    const qint64 stampMs = line.timestampMicros ? *line.timestampMicros / 1000 : EchoTracker::wallMs();
    switch (line.kind) {
    case Line::Kind::Reply: {
        // 56 payload bytes are always timed; a reply without time= is not one of ours.
        if (line.duplicate || !line.rttMicros)
            return;
        const qint64 sentMs = stampMs - *line.rttMicros / 1000;
        if (auto echo = m_tracker.take(address, ours)) {
            echo->sentMs = sentMs; // more exact than the estimate made from "no answer yet"
            Q_EMIT sampleReady(address, m_tracker.finish(*echo, line.rttMicros));
        } else if (newer(line.sequence)) {
            target.lastPing = line.sequence;
            target.nextSequence = static_cast<quint16>(ours + 1);
            Q_EMIT sampleReady(address, m_tracker.finish({address, ours, sentMs, 0}, line.rttMicros));
        }
        // else: its timeout ended before this reply came, and it was reported lost then.
        return;
    }
    case Line::Kind::NoAnswer: {
        if (!newer(line.sequence))
            return;
        target.lastPing = line.sequence;
        target.nextSequence = static_cast<quint16>(ours + 1);
        // ping says so as it sends the next echo, one interval after this one went out.
        qint64 lagMicros = 0;
        if (line.timestampMicros)
            lagMicros = std::clamp<qint64>(EchoTracker::wallMs() * 1000 - *line.timestampMicros, 0,
                                           qint64{TimeoutMs} * 1000);
        const qint64 intervalMicros = qint64{m_intervalMs} * 1000;
        m_tracker.sent(address, ours, stampMs - m_intervalMs, nowMicros - lagMicros - intervalMicros);
        return;
    }
    case Line::Kind::MinimumInterval:
        // This ping refuses our rate to unprivileged users (iputils before 2021: 200 ms).
        target.restartNow = true;
        m_minimumIntervalMs = std::max(m_minimumIntervalMs, line.minimumIntervalMs);
        if (line.minimumIntervalMs > m_intervalMs) {
            m_intervalMs = line.minimumIntervalMs;
            Q_EMIT intervalChanged(m_intervalMs);
        }
        return;
    case Line::Kind::SocketRefused:
        giveUp(QString::fromLocal8Bit(text.trimmed()));
        return;
    }
}

void PingProcessBackend::giveUp(const QString& reason)
{
    m_unusable = true;
    m_timer.stop();
    for (const auto& t : m_targets)
        stop(*t);
    m_tracker.clear();
    Q_EMIT unusable(reason);
}

PingProcessBackend::Target* PingProcessBackend::find(QProcess* process)
{
    for (const auto& t : m_targets) {
        if (t->process == process)
            return t.get();
    }
    return nullptr;
}

bool PingProcessBackend::contains(const QHostAddress& address) const
{
    return std::any_of(m_targets.cbegin(), m_targets.cend(),
                       [&](const auto& t) { return t->address == address; });
}

} // namespace baton
