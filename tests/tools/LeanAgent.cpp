// SPDX-License-Identifier: GPL-3.0-or-later
// lean_agent: a yardstick for bench/advert-cost.sh, not a failover agent. For one group it does
// batond's work per advert — the same socket (CarpSocket: BPF filter, kernel timestamps,
// recvmmsg), decoding, HMAC, forgery guard, advert history and CarpMachine, on batond's real-time
// policy and locked memory (RealtimeSetup) — and nothing else: a bare epoll_wait with a timerfd
// for the machine's deadline, no Qt event loop, no other timers or descriptors. Since batond's
// adverts run on the direct lane of its own loop (EpollDispatcher), the difference from batond's
// figure is what the rest of the agent costs per advert. It never touches addresses, ARP or hooks.
// As a backup (the default) it never sends: when the machine wants to become MASTER (a host's stall
// hid the master's adverts for a master-down interval) it says so on stderr and stays silent until
// the master's next advert steps the machine down. With --master it takes that role (adverts only,
// no VIP) when the machine does.
#include "AdvertHistory.h"
#include "CarpSocket.h"
#include "RealtimeSetup.h"
#include "carp/AdvertGuard.h"
#include "carp/CarpCodec.h"
#include "carp/CarpHmac.h"
#include "carp/CarpMachine.h"
#include "carp/CounterMemory.h"
#include "net/Ipv4.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>

#include <chrono>
#include <cstdio>
#include <net/if.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

using namespace baton;

namespace {
int fail(const QString& what)
{
    std::fprintf(stderr, "lean_agent: %s\n", qUtf8Printable(what));
    return 2;
}

TimePoint now()
{
    return std::chrono::duration_cast<Micros>(std::chrono::steady_clock::now().time_since_epoch());
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption iface(QStringLiteral("interface"), QStringLiteral("listen here"),
                                   QStringLiteral("if"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("our address"),
                                    QStringLiteral("ip"));
    const QCommandLineOption vip(QStringLiteral("vip"), QStringLiteral("the group's VIP"),
                                 QStringLiteral("ip"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("CARP password"),
                                      QStringLiteral("text"));
    const QCommandLineOption vhid(QStringLiteral("vhid"), QStringLiteral("vhid"), QStringLiteral("n"),
                                  QStringLiteral("1"));
    const QCommandLineOption advbase(QStringLiteral("advbase"), QStringLiteral("advbase"),
                                     QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption advskew(QStringLiteral("advskew"), QStringLiteral("advskew"),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption master(QStringLiteral("master"),
                                    QStringLiteral("become MASTER when the machine says"));
    parser.addOptions({iface, source, vip, password, vhid, advbase, advskew, master});
    parser.addHelpOption();
    parser.process(app);
    const auto ourAddress = Ipv4::parse(parser.value(source));
    const auto vipAddress = Ipv4::parse(parser.value(vip));
    if (!ourAddress || !vipAddress || parser.value(iface).isEmpty() || parser.value(password).isEmpty())
        return fail(QStringLiteral(
            "--interface, --source, --vip and --password are required (addresses as a.b.c.d)"));
    const int ifindex = static_cast<int>(if_nametoindex(qPrintable(parser.value(iface))));
    if (ifindex == 0)
        return fail(QStringLiteral("no interface named '%1'").arg(parser.value(iface)));

    CarpParams params;
    params.vhid = static_cast<quint8>(parser.value(vhid).toUInt());
    params.source = *ourAddress;
    params.advbase = static_cast<quint8>(parser.value(advbase).toUInt());
    params.advskew = static_cast<quint8>(parser.value(advskew).toUInt());
    CarpMachine machine(params);
    const CarpHmac hmac(parser.value(password).toUtf8(), params.vhid, {*vipAddress});
    CounterMemory counters;
    AdvertGuard guard(counters, params.source);
    AdvertHistory history;
    CarpSocket socket;
    if (const QString error =
            socket.open(parser.value(iface), ifindex, CarpAdvert::DefaultGroup, params.vhid);
        !error.isEmpty())
        return fail(error);
    const RealtimeSetup::Report realtime = RealtimeSetup::apply();
    if (!realtime.refused.isEmpty())
        return fail(realtime.refused.join(QStringLiteral("; ")));
    if (const QString error = RealtimeSetup::lockMemory(); !error.isEmpty())
        return fail(error);

    const int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    const int poller = epoll_create1(EPOLL_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = socket.descriptor();
    epoll_ctl(poller, EPOLL_CTL_ADD, socket.descriptor(), &event);
    event.data.fd = timer;
    epoll_ctl(poller, EPOLL_CTL_ADD, timer, &event);

    quint16 ipId = 0;
    // From a random start, as batond's: a peer that keeps its counter memory across runs (a state
    // directory) would take a second run's adverts for replays of the first's.
    quint64 counter = QRandomGenerator::system()->generate64();
    const bool mayBeMaster = parser.isSet(master);
    int missedMasterDown = 0;
    const auto apply = [&](const CarpActions& actions) {
        for (const CarpAction& a : actions) {
            if (const auto* send = std::get_if<action::SendAdvert>(&a)) {
                if (!mayBeMaster)
                    continue;
                CarpAdvert advert;
                advert.vhid = params.vhid;
                advert.advbase = send->advbase;
                advert.advskew = send->advskew;
                advert.demote = send->demote;
                advert.counter = ++counter * 0x9E3779B97F4A7C15ULL;
                guard.noteSent(advert.counter);
                advert.source = params.source;
                CarpCodec::Packet packet;
                CarpCodec::encodePacket(advert, hmac, ipId++, packet);
                socket.send(QByteArrayView(packet.data(), CarpAdvert::PacketSize));
            } else if (const auto* arm = std::get_if<action::ArmTimer>(&a)) {
                itimerspec at{};
                const auto us = std::max<qint64>(1, arm->deadline.count());
                at.it_value.tv_sec = us / 1'000'000;
                at.it_value.tv_nsec = (us % 1'000'000) * 1000;
                timerfd_settime(timer, TFD_TIMER_ABSTIME, &at, nullptr);
            } else if (std::holds_alternative<action::CancelTimer>(a)) {
                const itimerspec off{};
                timerfd_settime(timer, 0, &off, nullptr);
            } else if (std::holds_alternative<action::AddVips>(a) && !mayBeMaster) {
                std::fprintf(stderr,
                             "lean_agent: no advert for a master-down interval (%d so far); staying "
                             "silent until the master's next advert\n",
                             ++missedMasterDown);
            }
        }
    };
    socket.setHandler([&](QByteArrayView packet, TimePoint arrivedAt) {
        const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, CarpAdvert::DefaultGroup);
        if (decoded.reject != CarpReject::None || decoded.advert.vhid != params.vhid ||
            CarpCodec::verify(decoded.advert, params.vhid, hmac) != CarpReject::None)
            return;
        const AdvertGuard::Verdict verdict = guard.inspect(arrivedAt, decoded.advert, machine);
        if (verdict.trust == AdvertGuard::Trust::None)
            return;
        AdvertHistory::Entry e;
        e.timeMs = QDateTime::currentMSecsSinceEpoch();
        e.counter = decoded.advert.counter;
        e.source = decoded.advert.source;
        e.vhid = decoded.advert.vhid;
        e.verdict = AdvertHistory::Verdict::Accepted;
        history.record(e);
        apply(machine.advertReceived(arrivedAt, decoded.advert, verdict.trust == AdvertGuard::Trust::Full));
    });
    apply(machine.start(now(), true));
    for (;;) {
        epoll_event ready[2];
        const int n = epoll_wait(poller, ready, 2, -1);
        for (int i = 0; i < n; ++i) {
            if (ready[i].data.fd == timer) {
                quint64 expirations = 0;
                if (::read(timer, &expirations, sizeof expirations) < 0)
                    continue;
                socket.readPending(); // as batond: adverts that beat the deadline count first
                apply(machine.timerFired(now()));
            } else {
                socket.readPending();
            }
        }
    }
}
