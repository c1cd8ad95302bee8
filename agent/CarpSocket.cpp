// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpSocket.h"

#include "ErrnoText.h"
#include "ReadWatch.h"
#include "SteadyNow.h"
#include "carp/CarpAdvert.h"
#include "util/HotPath.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <linux/filter.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace baton {

CarpSocket::CarpSocket(QObject* parent)
    : QObject(parent)
{
    // The headers point into this object's buffers once and for all; a read resets what the
    // kernel wrote back (the control length of each message it filled).
    for (std::size_t i = 0; i < Batch; ++i) {
        m_vectors[i] = iovec{m_buffers[i].data(), m_buffers[i].size()};
        m_messages[i].msg_hdr.msg_iov = &m_vectors[i];
        m_messages[i].msg_hdr.msg_iovlen = 1;
        m_messages[i].msg_hdr.msg_control = m_controls[i].data();
        m_messages[i].msg_hdr.msg_controllen = ControlSize;
    }
}

CarpSocket::~CarpSocket()
{
    close();
}

QString CarpSocket::open(const QString& interface, int ifindex, quint32 group, quint8 vhid)
{
    close();
    m_arrivals.opened(std::chrono::duration_cast<Micros>(steadyNow().time_since_epoch()));
    m_fd = ::socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, CarpAdvert::IpProtocol);
    if (m_fd < 0)
        return errnoText("raw socket for IP protocol 112 (needs CAP_NET_RAW)");
    const QByteArray name = interface.toLocal8Bit();
    const int on = 1;
    const int off = 0;
    const int ttl = CarpAdvert::RequiredTtl;
    ip_mreqn membership{};
    membership.imr_multiaddr.s_addr = htonl(group);
    membership.imr_ifindex = ifindex;
    // Filter first: set before the membership exists, so no other vhid slips in.
    QString error = vhid != 0 ? attachFilter(vhid) : QString();
    const auto set = [this, &error](int level, int option, const void* value, socklen_t size,
                                    const char* what) {
        if (error.isEmpty() && ::setsockopt(m_fd, level, option, value, size) < 0)
            error = errnoText(what);
    };
    set(SOL_SOCKET, SO_BINDTODEVICE, name.constData(), static_cast<socklen_t>(name.size()),
        "SO_BINDTODEVICE");
    set(IPPROTO_IP, IP_HDRINCL, &on, sizeof on, "IP_HDRINCL");
    set(IPPROTO_IP, IP_MULTICAST_LOOP, &off, sizeof off, "IP_MULTICAST_LOOP");
    set(IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl, "IP_MULTICAST_TTL");
    set(IPPROTO_IP, IP_MULTICAST_IF, &membership, sizeof membership, "IP_MULTICAST_IF");
    set(SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on, "SO_TIMESTAMPNS");
    set(IPPROTO_IP, IP_ADD_MEMBERSHIP, &membership, sizeof membership, "IP_ADD_MEMBERSHIP");
    if (!error.isEmpty()) {
        close();
        return error;
    }
    m_ifindex = ifindex;
    m_group = group;
    m_watch.emplace(m_fd, [this] { readPending(); });
    return {};
}

QString CarpSocket::attachFilter(quint8 vhid)
{
    // Classic BPF over the packet from its IP header: keep it when the CARP vhid byte (one past
    // the IP header) is ours, and keep anything too short to have one, so that user space still
    // counts malformed packets.
    sock_filter code[] = {
        BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),          // X = IP header length
        BPF_STMT(BPF_LD | BPF_W | BPF_LEN, 0),           // A = packet length
        BPF_STMT(BPF_ALU | BPF_SUB | BPF_K, 2),          // A = length - 2
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_X, 0, 0, 3),    // shorter than header + 2: keep
        BPF_STMT(BPF_LD | BPF_B | BPF_IND, 1),           // A = byte at X + 1, the vhid
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, vhid, 1, 0), // ours: keep
        BPF_STMT(BPF_RET | BPF_K, 0),                    // drop
        BPF_STMT(BPF_RET | BPF_K, 0xFFFFFFFF),           // keep, whole
    };
    sock_fprog program{static_cast<unsigned short>(std::size(code)), code};
    if (::setsockopt(m_fd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) < 0)
        return errnoText("SO_ATTACH_FILTER");
    return {};
}

void CarpSocket::close()
{
    m_watch.reset();
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    // A handler that closed us mid-batch left the later messages' control lengths as the kernel
    // wrote them back; the next socket's reads start from whole buffers.
    for (mmsghdr& message : m_messages)
        message.msg_hdr.msg_controllen = ControlSize;
}

BATON_HOT QString CarpSocket::send(QByteArrayView ipv4Packet)
{
    if (m_fd < 0)
        return QStringLiteral("socket not open");
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(m_group);
    const ssize_t sent = ::sendto(m_fd, ipv4Packet.data(), static_cast<size_t>(ipv4Packet.size()), 0,
                                  reinterpret_cast<const sockaddr*>(&to), sizeof to);
    if (sent < 0)
        return errnoText("sendto");
    return {};
}

BATON_HOT void CarpSocket::readPending()
{
    // Each packet is handed over at once, in arrival order, but at most a batch per wake-up: under
    // a flood of protocol-112 packets the event loop must still get to the advert timer. The
    // notifier is level-triggered, so what is left wakes us again straight away. recvmmsg reads
    // what is queued in one call and says when it is drained, without a read that fails.
    if (m_fd < 0)
        return;
    std::array<mmsghdr, Batch>& messages = m_messages;
    for (int done = 0; done < MaxPerWakeup;) {
        // The system call itself, not glibc's wrapper: that one is a cancellation point and marks
        // the thread around every call; batond cancels no threads.
        const int n =
            static_cast<int>(::syscall(SYS_recvmmsg, m_fd, messages.data(), Batch, MSG_DONTWAIT, nullptr));
        if (n <= 0)
            return; // EAGAIN: drained; other errors show up again on the next read
        // The kernel stamps with the wall clock; the loop runs on the steady one (ArrivalClock).
        timespec wall{};
        clock_gettime(CLOCK_REALTIME, &wall);
        m_wallClockMs = milliseconds(wall);
        const TimePoint steady = std::chrono::duration_cast<Micros>(steadyNow().time_since_epoch());
        m_arrivals.beginBatch(microseconds(wall), steady);
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
            TimePoint arrived = steady;
            for (cmsghdr* c = CMSG_FIRSTHDR(&messages[i].msg_hdr); c != nullptr;
                 c = CMSG_NXTHDR(&messages[i].msg_hdr, c)) {
                if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_TIMESTAMPNS)
                    continue;
                timespec stamp{};
                std::memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
                arrived = m_arrivals.arrival(microseconds(stamp));
            }
            // The kernel wrote back the control length of the messages it filled, and only
            // theirs: resetting just those leaves the rest of the batch's lines untouched.
            messages[i].msg_hdr.msg_controllen = ControlSize;
            if (m_handler)
                m_handler(QByteArrayView(m_buffers[i].data(), static_cast<qsizetype>(messages[i].msg_len)),
                          arrived);
            if (m_fd < 0)
                return; // the handler closed us
        }
        if (n < Batch) {
            m_arrivals.drained();
            return;
        }
        done += n;
    }
}

} // namespace baton
