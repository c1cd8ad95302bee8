// SPDX-License-Identifier: GPL-3.0-or-later
// carp_forger: plays an attacker on the LAN for the netns tests. It takes one real advert out of a
// capture (the first from --from), edits the fields CARP's HMAC does not cover (advbase, advskew,
// demote, the IP source), fixes both checksums, and sends it --count times, --interval-ms apart,
// to 224.0.0.18 on --interface. The counter and the digest stay as captured: a replay.
#include "carp/CarpAdvert.h"
#include "carp/InternetChecksum.h"
#include "net/Ipv4.h"
#include "net/PcapReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QThread>
#include <QtEndian>

#include <arpa/inet.h>
#include <cstdio>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace baton;

namespace {
// Offsets in the IPv4 packet (20-byte header, no options, as CARP senders write it).
constexpr int IpChecksum = 10;
constexpr int IpSource = 12;
constexpr int CarpStart = 20;
constexpr int Advskew = CarpStart + 2;
constexpr int Demote = CarpStart + 4;
constexpr int Advbase = CarpStart + 5;
constexpr int CarpChecksum = CarpStart + 6;

int fail(const char* what)
{
    std::fprintf(stderr, "carp_forger: %s\n", what);
    return 2;
}

void setChecksum(QByteArray& packet, int at, qsizetype from, qsizetype length)
{
    packet[at] = 0;
    packet[at + 1] = 0;
    const quint16 sum = InternetChecksum::compute(QByteArrayView(packet).sliced(from, length));
    qToBigEndian(sum, packet.data() + at);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pcap(QStringLiteral("pcap"), QStringLiteral("capture"), QStringLiteral("file"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("take the first advert from"),
                                  QStringLiteral("ip"));
    const QCommandLineOption iface(QStringLiteral("interface"), QStringLiteral("send here"),
                                   QStringLiteral("if"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("new IP source"),
                                    QStringLiteral("ip"));
    const QCommandLineOption advbase(QStringLiteral("advbase"), QStringLiteral("new advbase"),
                                     QStringLiteral("n"));
    const QCommandLineOption advskew(QStringLiteral("advskew"), QStringLiteral("new advskew"),
                                     QStringLiteral("n"));
    const QCommandLineOption demote(QStringLiteral("demote"), QStringLiteral("new demote"),
                                    QStringLiteral("n"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("how many"), QStringLiteral("n"),
                                   QStringLiteral("1"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"), QStringLiteral("gap"),
                                      QStringLiteral("ms"), QStringLiteral("1000"));
    parser.addOptions({pcap, from, iface, source, advbase, advskew, demote, count, interval});
    parser.process(app);

    QFile file(parser.value(pcap));
    if (!file.open(QIODevice::ReadOnly))
        return fail("cannot read the capture");
    const auto wanted = Ipv4::parse(parser.value(from));
    if (!wanted)
        return fail("--from needs an IPv4 address");
    PcapReader reader(file.readAll());
    QByteArray packet;
    while (const auto record = reader.next()) {
        const QByteArray& ip = record->ipv4;
        if (ip.size() >= CarpAdvert::PacketSize && quint8(ip[9]) == CarpAdvert::IpProtocol &&
            qFromBigEndian<quint32>(ip.constData() + IpSource) == *wanted) {
            packet = ip.left(CarpAdvert::PacketSize);
            break;
        }
    }
    if (packet.isEmpty())
        return fail("no advert from that address in the capture");

    const auto byte = [&](const QCommandLineOption& o, int at) {
        if (parser.isSet(o))
            packet[at] = static_cast<char>(parser.value(o).toInt());
    };
    byte(advbase, Advbase);
    byte(advskew, Advskew);
    byte(demote, Demote);
    if (parser.isSet(source)) {
        const auto address = Ipv4::parse(parser.value(source));
        if (!address)
            return fail("--source needs an IPv4 address");
        qToBigEndian(*address, packet.data() + IpSource);
    }
    setChecksum(packet, CarpChecksum, CarpStart, CarpAdvert::HeaderSize);
    setChecksum(packet, IpChecksum, 0, CarpAdvert::Ipv4HeaderSize);

    const int fd = ::socket(AF_INET, SOCK_RAW, IPPROTO_RAW); // IP_HDRINCL: our header as it is
    if (fd < 0)
        return fail("cannot open a raw socket (root?)");
    const QByteArray name = parser.value(iface).toLocal8Bit();
    ip_mreqn mreq{};
    mreq.imr_ifindex = static_cast<int>(if_nametoindex(name.constData()));
    if (mreq.imr_ifindex == 0 || ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &mreq, sizeof mreq) != 0)
        return fail("no such interface");
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(CarpAdvert::DefaultGroup);
    const int n = parser.value(count).toInt();
    const int gapMs = parser.value(interval).toInt();
    int sent = 0;
    for (int i = 0; i < n; ++i) {
        if (::sendto(fd, packet.constData(), static_cast<size_t>(packet.size()), 0,
                     reinterpret_cast<const sockaddr*>(&to), sizeof to) == packet.size())
            ++sent;
        if (i + 1 < n)
            QThread::msleep(static_cast<unsigned long>(gapMs));
    }
    ::close(fd);
    std::printf("sent %d of %d forged adverts\n", sent, n);
    return sent == n ? 0 : 1;
}
