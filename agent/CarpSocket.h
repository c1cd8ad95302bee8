// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace baton {

// A raw IPv4 socket for protocol 112 bound to one interface and joined to the CARP group there.
// Sends whole IPv4 packets (IP_HDRINCL, TTL 255 built by CarpCodec); multicast loop is off, so
// our own adverts never come back. Packets are read the moment they arrive (no pcap buffering).
class CarpSocket : public QObject
{
    Q_OBJECT
public:
    explicit CarpSocket(QObject* parent = nullptr);
    ~CarpSocket() override;

    // Returns an empty string on success, else what failed (with errno's text).
    QString open(const QString& interface, int ifindex, quint32 group);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    int ifindex() const { return m_ifindex; }
    // Returns an empty string on success, else the error.
    QString send(const QByteArray& ipv4Packet);

Q_SIGNALS:
    void packetReceived(const QByteArray& ipv4Packet);

private:
    static constexpr int MaxPerWakeup = 64;
    void readPending();

    int m_fd = -1;
    int m_ifindex = 0;
    quint32 m_group = 0;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace baton
