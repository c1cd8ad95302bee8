// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArrivalClock.h"
#include "ReadWatch.h"
#include "carp/CarpTiming.h"

#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <array>
#include <functional>
#include <optional>
#include <sys/socket.h>
#include <sys/uio.h>

namespace baton {

// A raw IPv4 socket for protocol 112 bound to one interface and joined to the CARP group there.
// Sends whole IPv4 packets (IP_HDRINCL, TTL 255 built by CarpCodec); multicast loop is off, so
// our own adverts never come back. Packets are read the moment they arrive (no pcap buffering),
// several per system call, and handed to one handler without a copy or a signal, each with the
// time the kernel received it: an advert's lateness is judged by when it reached the host, not by
// when a busy loop got round to reading it.
class CarpSocket : public QObject
{
    Q_OBJECT
public:
    // The packet (valid during the call only) and when the kernel received it, on the steady clock
    // of GroupRunner::now() (when it was read, if the kernel gave no usable time).
    using Handler = std::function<void(QByteArrayView ipv4Packet, TimePoint arrivedAt)>;

    explicit CarpSocket(QObject* parent = nullptr);
    ~CarpSocket() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Returns an empty string on success, else what failed (with errno's text). With a vhid, the
    // kernel drops other vhids' adverts before they reach us (a socket filter): a node running many
    // groups on one interface would otherwise wake every group for every advert on the wire.
    QString open(const QString& interface, int ifindex, quint32 group, quint8 vhid = 0);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    int descriptor() const { return m_fd; } // for a loop of its own (tests/tools/LeanAgent.cpp)
    int ifindex() const { return m_ifindex; }
    // Returns an empty string on success, else the error.
    QString send(QByteArrayView ipv4Packet);
    // Hands over what is queued now, as if the socket had just become readable: before acting on
    // a deadline, the adverts that arrived before it must count.
    void readPending();
    // The wall clock (ms since the epoch) as read for the packets being handed over: the time a
    // handler records them under, without reading the clock again.
    qint64 wallClockMs() const { return m_wallClockMs; }

private:
    static constexpr int Batch = 8;
    static constexpr int MaxPerWakeup = 64;
    static constexpr int BufferSize = 2048;
    static constexpr int ControlSize = 64; // one SCM_TIMESTAMPNS
    QString attachFilter(quint8 vhid);

    int m_fd = -1;
    int m_ifindex = 0;
    quint32 m_group = 0;
    qint64 m_wallClockMs = 0;
    ArrivalClock m_arrivals;
    std::optional<ReadWatch> m_watch; // here, not in a block of heap of its own: read every advert
    Handler m_handler;
    // What a read touches lies together, the first packet's buffer right after the headers: an
    // advert then costs the lines it needs, not pages at both ends of 16 KiB of buffers.
    std::array<mmsghdr, Batch> m_messages{};
    std::array<iovec, Batch> m_vectors{};
    std::array<std::array<char, ControlSize>, Batch> m_controls{};
    std::array<std::array<char, BufferSize>, Batch> m_buffers{};
};

} // namespace baton
