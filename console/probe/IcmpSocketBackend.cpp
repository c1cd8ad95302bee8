// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcmpSocketBackend.h"

#include "net/IcmpEcho.h"

#include <QRandomGenerator>
#include <QSocketNotifier>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <linux/icmp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace baton {

namespace {
qint64 nanoseconds(const timespec& t)
{
    return qint64{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}
} // namespace

IcmpSocketBackend::IcmpSocketBackend(Kind kind, QObject* parent)
    : ProbeBackend(parent)
    , m_kind(kind)
    , m_tracker(qint64{TimeoutMs} * 1000)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &IcmpSocketBackend::tick);
    m_payload.resize(PayloadSize);
    for (qsizetype i = 0; i < PayloadSize; ++i)
        m_payload[i] = static_cast<char>(0x10 + i); // the pattern ping uses after its timestamp
    const quint64 token = QRandomGenerator::global()->generate64();
    std::memcpy(m_payload.data(), &token, sizeof token);
    m_identifier = static_cast<quint16>(QRandomGenerator::global()->bounded(1, 0x10000));
}

void IcmpSocketBackend::setIntervalMs(int ms)
{
    m_timer.setInterval(std::max(1, ms));
}

IcmpSocketBackend::~IcmpSocketBackend()
{
    close();
}

QString IcmpSocketBackend::open()
{
    close();
    const bool raw = m_kind == Kind::Raw;
    m_fd = ::socket(AF_INET, (raw ? SOCK_RAW : SOCK_DGRAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    if (m_fd < 0) {
        m_openErrno = errno;
        return QString::fromLocal8Bit(std::strerror(errno));
    }
    // Both options only make it better: without the timestamp the RTT is taken when we read the
    // reply, without the filter replies are sorted out here.
    const int on = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    if (raw) {
        // The kernel drops everything but echo replies before they reach us.
        icmp_filter filter{};
        filter.data = ~(1U << ICMP_ECHOREPLY);
        ::setsockopt(m_fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter);
    }
    m_openErrno = 0;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &IcmpSocketBackend::readPending);
    if (!m_targets.isEmpty())
        m_timer.start();
    return {};
}

void IcmpSocketBackend::close()
{
    m_timer.stop();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_tracker.clear();
}

void IcmpSocketBackend::setTargets(const QList<QHostAddress>& targets)
{
    QList<Target> next;
    for (const QHostAddress& address : targets) {
        bool ok = false;
        const quint32 ipv4 = address.toIPv4Address(&ok);
        if (!ok)
            continue;
        const auto same = [&](const Target& t) { return t.ipv4 == ipv4; };
        if (std::any_of(next.cbegin(), next.cend(), same))
            continue;
        // A target that stays keeps its sequence numbers running.
        const auto kept = std::find_if(m_targets.cbegin(), m_targets.cend(), same);
        next.append(kept != m_targets.cend()
                        ? *kept
                        : Target{QHostAddress(ipv4), ipv4, m_nextSequences.value(ipv4, 1)});
    }
    for (const Target& old : std::as_const(m_targets)) {
        const auto same = [&](const Target& t) { return t.ipv4 == old.ipv4; };
        if (std::none_of(next.cbegin(), next.cend(), same)) {
            // Removed and added back, it goes on where it stopped: a late reply to an echo
            // forgotten now can never pass for an answer to a new one.
            m_nextSequences.insert(old.ipv4, old.nextSequence);
            m_tracker.forget(old.address);
        }
    }
    m_targets = next;
    if (m_targets.isEmpty())
        m_timer.stop();
    else if (m_fd >= 0 && !m_timer.isActive())
        m_timer.start();
}

void IcmpSocketBackend::tick()
{
    // Expire first: a target removed by a slot below must not get samples afterwards.
    for (const EchoTracker::Result& r : m_tracker.expire(EchoTracker::monotonicMicros())) {
        Q_EMIT sampleReady(r.target, r.sample);
    }
    const QList<Target> targets = m_targets; // slots may change the targets
    for (const Target& t : targets) {
        const auto it = std::find_if(m_targets.begin(), m_targets.end(),
                                     [&](const Target& current) { return current.ipv4 == t.ipv4; });
        if (it != m_targets.end() && m_fd >= 0)
            send(*it);
    }
}

void IcmpSocketBackend::send(Target& target)
{
    IcmpEcho echo;
    echo.identifier = m_identifier;
    echo.sequence = target.nextSequence++;
    echo.payload = m_payload;
    const QByteArray message = echo.encode();
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(target.ipv4);
    const qint64 sentMs = EchoTracker::wallMs();
    const qint64 sentMicros = EchoTracker::monotonicMicros();
    const ssize_t sent = ::sendto(m_fd, message.constData(), static_cast<size_t>(message.size()), 0,
                                  reinterpret_cast<const sockaddr*>(&to), sizeof to);
    EchoTracker::Echo pending{target.address, echo.sequence, sentMs, sentMicros};
    if (sent < 0) {
        // No route, a blackhole, a full buffer: no reply can come, so it is lost now rather than
        // after the timeout.
        const QHostAddress address = target.address;
        Q_EMIT sampleReady(address, m_tracker.finish(pending, std::nullopt));
        return;
    }
    m_tracker.sent(pending.target, pending.sequence, pending.sentMs, pending.sentMicros);
}

void IcmpSocketBackend::readPending()
{
    // Level-triggered: what is left after a batch wakes us again, and the event loop gets its turn.
    for (int i = 0; i < MaxPerWakeup && m_fd >= 0; ++i) {
        alignas(8) char buffer[4096];
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
        sockaddr_in from{};
        iovec io{buffer, sizeof buffer};
        msghdr message{};
        message.msg_name = &from;
        message.msg_namelen = sizeof from;
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(m_fd, &message, 0);
        if (n < 0) {
            if (errno == EAGAIN) // == EWOULDBLOCK on Linux
                return;
            continue; // an ICMP error reported on the socket: consumed by this call
        }
        timespec nowReal{};
        ::clock_gettime(CLOCK_REALTIME, &nowReal);
        qint64 receivedMicros = EchoTracker::monotonicMicros();
        for (cmsghdr* c = CMSG_FIRSTHDR(&message); c != nullptr; c = CMSG_NXTHDR(&message, c)) {
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                timespec stamp{};
                std::memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
                // How long ago the kernel took it in, moved onto the monotonic clock.
                const qint64 agoMicros = (nanoseconds(nowReal) - nanoseconds(stamp)) / 1000;
                if (agoMicros > 0 && agoMicros < qint64{TimeoutMs} * 1000)
                    receivedMicros -= agoMicros;
            }
        }
        const QByteArrayView bytes(buffer, n);
        if (m_kind == Kind::Datagram) {
            const auto echo = IcmpEcho::decode(bytes);
            if (echo && echo->type == IcmpEcho::EchoReply && echo->payload == m_payload)
                reply(ntohl(from.sin_addr.s_addr), echo->sequence, receivedMicros);
        } else {
            quint32 source = 0;
            const auto echo = IcmpEcho::decodeIpv4(bytes, &source);
            if (echo && echo->type == IcmpEcho::EchoReply && echo->identifier == m_identifier &&
                echo->payload == m_payload)
                reply(source, echo->sequence, receivedMicros);
        }
    }
}

void IcmpSocketBackend::reply(quint32 source, quint16 sequence, qint64 receivedMicros)
{
    const auto target =
        std::find_if(m_targets.cbegin(), m_targets.cend(), [&](const Target& t) { return t.ipv4 == source; });
    if (target == m_targets.cend())
        return;
    const QHostAddress address = target->address;
    const auto echo = m_tracker.take(address, sequence);
    if (!echo)
        return; // late (already reported lost), duplicate, or sent before the target was re-added
    Q_EMIT sampleReady(address, m_tracker.finish(*echo, receivedMicros - echo->sentMicros));
}

} // namespace baton
