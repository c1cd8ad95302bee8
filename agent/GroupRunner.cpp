// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupRunner.h"

#include "GarpSender.h"
#include "HookRunner.h"
#include "SteadyNow.h"
#include "carp/CarpCodec.h"
#include "carp/CarpStateNames.h"
#include "util/HotPath.h"

#include <QRandomGenerator>

#include <chrono>
#include <ctime>

namespace baton {

namespace {
QList<quint32> addresses(const QList<Ipv4Prefix>& vips)
{
    QList<quint32> out;
    for (const Ipv4Prefix& v : vips)
        out << v.address;
    return out;
}

CarpParams paramsFor(const GroupConfig& c)
{
    CarpParams p;
    p.vhid = c.vhid;
    p.source = c.source;
    p.advbase = c.advbase;
    p.advskew = c.advskew;
    p.deadratio = c.deadratio;
    p.preempt = c.preempt;
    p.alignAdverts = true; // the groups of this agent that share a timing advertise together
    return p;
}

constexpr int MaxRejectsRecordedPerSecond = 50;
} // namespace

GroupRunner::GroupRunner(const GroupConfig& config, NetlinkRoute& netlink, HookRunner& hooks,
                         CounterMemory& counters, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_netlink(netlink)
    , m_hooks(hooks)
    , m_machine(paramsFor(config))
    , m_hmac(config.password, config.vhid, addresses(config.vips),
             config.strictAuth ? CarpHmac::Mode::Strict : CarpHmac::Mode::Compatible)
    , m_guard(counters, config.source)
    , m_ipId(static_cast<quint16>(QRandomGenerator::system()->generate()))
    , m_counterBase(QRandomGenerator::system()->generate64())
{
    m_socket.setHandler([this](QByteArrayView packet, TimePoint arrivedAt) { onPacket(packet, arrivedAt); });
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(5));
    connect(&m_retry, &QTimer::timeout, this, &GroupRunner::refreshLink);
    m_undemote.setSingleShot(true);
    m_undemote.setInterval(std::chrono::minutes(1));
    connect(&m_undemote, &QTimer::timeout, this, [this] {
        if (m_machine.state() != CarpState::Master)
            clearSendDemotion(); // as BACKUP nothing is sent, so successes cannot prove it healed
        else
            m_undemote.start();
    });
}

BATON_HOT TimePoint GroupRunner::now()
{
    return std::chrono::duration_cast<Micros>(steadyNow().time_since_epoch());
}

QString GroupRunner::tag() const
{
    return QStringLiteral("vhid %1 on %2").arg(m_config.vhid).arg(m_config.interface);
}

bool GroupRunner::sameProtocol(const GroupConfig& other) const
{
    GroupConfig a = m_config;
    GroupConfig b = other;
    a.hooks = b.hooks = HookConfig{};
    a.line = b.line = 0;
    return a == b;
}

void GroupRunner::start()
{
    m_link = m_netlink.link(m_config.interface);
    if (!m_link)
        qWarning("%s: interface not found; waiting for it to appear", qUtf8Printable(tag()));
    if (const QString error = openSocket(); !error.isEmpty() && m_link)
        qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    m_toldUp = usable();
    apply(m_machine.start(now(), m_toldUp));
}

bool GroupRunner::usable() const
{
    // Deaf is as bad as down: without the socket this node would claim the VIP next to a live master.
    return m_link && m_link->usable() && m_socket.isOpen();
}

QString GroupRunner::openSocket()
{
    if (!m_link)
        m_link = m_netlink.link(m_config.interface);
    if (!m_link) {
        m_socket.close();
        return QStringLiteral("no interface named '%1'").arg(m_config.interface);
    }
    if (m_socket.isOpen() && m_socket.ifindex() == m_link->ifindex)
        return {};
    const QString error =
        m_socket.open(m_config.interface, m_link->ifindex, m_config.multicastGroup, m_config.vhid);
    if (!error.isEmpty())
        m_retry.start(); // try again later; until then the link counts as down
    return error;
}

void GroupRunner::refreshLink()
{
    const auto previous = m_link;
    m_link = m_netlink.link(m_config.interface);
    // Renamed, deleted or re-created: whatever ran on the old ifindex is over, VIPs included.
    const bool replaced = previous && (!m_link || m_link->ifindex != previous->ifindex);
    if (replaced && m_toldUp) {
        qWarning("%s: interface went away or was re-created", qUtf8Printable(tag()));
        m_toldUp = false;
        apply(m_machine.linkChanged(now(), false));
        Q_EMIT linkChanged(false);
    }
    if (const QString error = openSocket(); !error.isEmpty() && m_link)
        qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    if (usable() != m_toldUp) {
        m_toldUp = usable();
        qInfo("%s: link %s", qUtf8Printable(tag()), m_toldUp ? "up" : "down");
        apply(m_machine.linkChanged(now(), m_toldUp));
        Q_EMIT linkChanged(m_toldUp);
    }
    checkVipsPresent();
}

void GroupRunner::checkVipsPresent()
{
    // ucarp never noticed an `ip addr flush` or a network restart taking its VIP (ucarp #26).
    if (m_machine.state() != CarpState::Master || !m_toldUp || m_vipIfindex != m_link->ifindex)
        return;
    const QList<Ipv4Prefix> present = m_netlink.addresses(m_vipIfindex);
    bool readded = false;
    for (const Ipv4Prefix& vip : m_config.vips) {
        if (std::any_of(present.begin(), present.end(),
                        [&vip](const Ipv4Prefix& p) { return p.address == vip.address; }))
            continue;
        qWarning("%s: %s was removed from the interface while MASTER: adding it back", qUtf8Printable(tag()),
                 qUtf8Printable(vip.toString()));
        if (const QString error = m_netlink.addAddress(m_vipIfindex, vip, m_config.vipLabel);
            !error.isEmpty())
            qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
        readded = true;
    }
    if (readded)
        sendGarps();
}

void GroupRunner::shutdown()
{
    apply(m_machine.shutdown(now()));
    m_timer.stop();
    m_socket.close();
}

void GroupRunner::handover()
{
    apply(m_machine.handover(now()));
}

void GroupRunner::setMaintenance(bool on)
{
    apply(m_machine.setMaintenance(now(), on));
}

PartnerVerdict GroupRunner::partnerLinkLost(quint32 partner)
{
    // Our own link as the kernel has it now, not as its last notification said: a node whose link
    // is failing too must not take over.
    refreshLink();
    CarpActions actions;
    const PartnerVerdict verdict = m_machine.partnerLinkLost(now(), partner, actions);
    apply(actions);
    return verdict;
}

BATON_HOT void GroupRunner::onTimer()
{
    // A loop woken late by a busy host may find the deadline and an advert that beat it both
    // ready: the advert, stamped with its arrival, goes first and moves the deadline. On the
    // direct lane the loop has served a readable socket before any deadline of the same wake-up,
    // so a MASTER about to advertise skips that read (a system call per advert sent, nearly always
    // empty) and takes the loop's reading of the clock; a BACKUP about to take over still reads,
    // for an advert that came meanwhile, and then the clock.
    if (m_timer.direct() && m_machine.state() == CarpState::Master) {
        apply(m_machine.timerFired(m_timer.now()));
        return;
    }
    m_socket.readPending();
    apply(m_machine.timerFired(now()));
}

BATON_HOT void GroupRunner::onPacket(QByteArrayView packet, TimePoint arrivedAt)
{
    const TimePoint t = arrivedAt;
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, m_config.multicastGroup);
    CarpReject reject = decoded.reject;
    if (reject == CarpReject::None) {
        if (decoded.advert.vhid != m_config.vhid)
            return; // another virtual host sharing the wire: not ours to judge or count
        prefetchFor(decoded.advert.counter);
        reject = CarpCodec::verify(decoded.advert, m_config.vhid, m_hmac);
    }
    if (reject != CarpReject::None) {
        if (t - m_rejectWindowStart >= std::chrono::seconds(1)) {
            m_rejectWindowStart = t;
            m_rejectsRecorded = 0;
        }
        if (++m_rejectsRecorded <= MaxRejectsRecordedPerSecond)
            recordAdvert(m_socket.wallClockMs(), decoded.advert, AdvertHistory::Verdict::Rejected,
                         static_cast<quint8>(reject));
        if (const QString line = m_rejects.record(t, reject, decoded.advert.source, m_config.vhid);
            !line.isEmpty()) {
            qWarning("%s: %s", qUtf8Printable(tag()), qUtf8Printable(line));
            Q_EMIT rejectLogged(reject, decoded.advert.source);
        }
        return;
    }
    const AdvertGuard::Verdict verdict = m_guard.inspect(t, decoded.advert, m_machine);
    if (decoded.advert.source == m_config.source && verdict.sign == AdvertGuard::Sign::None)
        return; // our own advert, back through another path
    if (verdict.sign != AdvertGuard::Sign::None)
        reportForgery(t, verdict.sign, decoded.advert.source);
    if (verdict.trust == AdvertGuard::Trust::None) {
        recordAdvert(m_socket.wallClockMs(), decoded.advert, AdvertHistory::Verdict::Ignored,
                     static_cast<quint8>(verdict.sign));
        return;
    }
    recordAdvert(m_socket.wallClockMs(), decoded.advert, AdvertHistory::Verdict::Accepted);
    apply(m_machine.advertReceived(t, decoded.advert, verdict.trust == AdvertGuard::Trust::Full));
}

void GroupRunner::reportForgery(TimePoint now, AdvertGuard::Sign sign, quint32 source)
{
    if (const QString line = m_forgeries.record(now, sign, source); !line.isEmpty()) {
        qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(line));
        Q_EMIT forgeryLogged(sign, source, m_forgeries.count(sign));
    }
}

BATON_HOT void GroupRunner::apply(const CarpActions& actions)
{
    using namespace action;
    for (const CarpAction& a : actions) {
        if (const auto* send = std::get_if<SendAdvert>(&a)) {
            sendAdvert(*send);
        } else if (std::holds_alternative<AddVips>(a)) {
            setVips(true);
        } else if (std::holds_alternative<RemoveVips>(a)) {
            setVips(false);
        } else if (std::holds_alternative<SendGarp>(a)) {
            sendGarps();
        } else if (const auto* hook = std::get_if<RunHook>(&a)) {
            runHook(hook->hook);
        } else if (const auto* arm = std::get_if<ArmTimer>(&a)) {
            m_timer.start(arm->deadline);
        } else if (std::holds_alternative<CancelTimer>(a)) {
            m_timer.stop();
        } else if (const auto* n = std::get_if<Notify>(&a)) {
            const QLatin1StringView reason(CarpStateNames::reason(n->reason));
            const QLatin1StringView to(CarpStateNames::state(n->to));
            if (n->reason == CarpReason::FlapDamped)
                reportForgery(now(), AdvertGuard::Sign::Flapping, m_machine.lastPeer());
            else if (n->from != n->to)
                qWarning("%s: %s -> %s (%s)", qUtf8Printable(tag()), CarpStateNames::state(n->from),
                         to.data(), reason.data());
            else
                qInfo("%s: %s, still %s", qUtf8Printable(tag()), reason.data(), to.data());
            if (n->from != n->to)
                Q_EMIT stateChanged(n->from, n->to, n->reason);
        }
    }
}

BATON_HOT void GroupRunner::prefetchFor(quint64 counter) const
{
    // What the guard and the history will touch for an advert with this counter, received or
    // sent, starts loading while the HMAC is computed: lines no advert touched since the last one,
    // each a cache miss otherwise.
    m_guard.prefetch(counter);
    if (m_history)
        m_history->prefetch();
}

BATON_HOT void GroupRunner::sendAdvert(const action::SendAdvert& send)
{
    CarpAdvert advert;
    advert.vhid = m_config.vhid;
    advert.advbase = send.advbase;
    advert.advskew = send.advskew;
    advert.demote = send.demote;
    advert.counter = nextCounter();
    prefetchFor(advert.counter);
    advert.source = m_config.source;
    advert.destination = m_config.multicastGroup;
    CarpCodec::Packet packet;
    CarpCodec::encodePacket(advert, m_hmac, m_ipId++, packet);
    m_guard.noteSent(advert.counter); // before it leaves: a replay of it is refused from then on
    const QString error = m_socket.send(QByteArrayView(packet.data(), CarpAdvert::PacketSize));
    recordAdvert(wallNowMs(), advert,
                 error.isEmpty() ? AdvertHistory::Verdict::Sent : AdvertHistory::Verdict::SendFailed);
    noteSendResult(error);
}

BATON_HOT quint64 GroupRunner::nextCounter()
{
    // A fresh random-looking counter every time (as ucarp before it hears a peer): a peer that
    // adopts it and counts on (ucarp) cannot be expected to arrive at a value we sent, so every
    // counter seen twice is a replay. SplitMix64's finaliser is a bijection, so our own counters
    // never repeat (2^64 adverts), and unlike a system random number it costs nothing per advert.
    quint64 z = m_counterBase + ++m_counterSequence * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void GroupRunner::setAdvertHistory(AdvertHistory* history)
{
    m_history = history;
    if (m_history)
        m_historyInterface = m_history->interfaceId(m_config.interface);
}

BATON_HOT void GroupRunner::recordAdvert(qint64 timeMs, const CarpAdvert& advert,
                                         AdvertHistory::Verdict verdict, quint8 detail)
{
    if (!m_history)
        return;
    AdvertHistory::Entry e;
    e.timeMs = timeMs;
    e.counter = advert.counter;
    e.source = advert.source;
    e.interface = m_historyInterface;
    e.vhid = advert.vhid;
    e.advbase = advert.advbase;
    e.advskew = advert.advskew;
    e.demote = advert.demote;
    e.verdict = verdict;
    e.detail = detail;
    m_history->record(e);
}

BATON_HOT void GroupRunner::noteSendResult(const QString& error)
{
    // A master whose adverts do not leave (a firewall, a broken NIC) would otherwise stay MASTER
    // beside the peer that stopped hearing it. Three failures in a row demote it, as the BSDs and
    // ucarp do; three successes in a row, or a minute as BACKUP, undo it.
    if (error.isEmpty()) {
        m_sendFailures = 0;
        if (m_demotedForSendErrors && ++m_sendSuccesses >= 3)
            clearSendDemotion();
        return;
    }
    m_sendSuccesses = 0;
    if (++m_sendFailures == 1)
        qWarning("%s: cannot send advert: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    if (m_sendFailures >= 3 && !m_demotedForSendErrors) {
        m_demotedForSendErrors = true;
        qCritical("%s: adverts keep failing (%s): demoting this node", qUtf8Printable(tag()),
                  qUtf8Printable(error));
        m_undemote.start();
        apply(m_machine.setDemote(now(), SendErrorDemotion));
    }
}

void GroupRunner::clearSendDemotion()
{
    if (!m_demotedForSendErrors)
        return;
    m_demotedForSendErrors = false;
    m_sendSuccesses = 0;
    m_undemote.stop();
    qInfo("%s: adverts leave again: demotion lifted", qUtf8Printable(tag()));
    apply(m_machine.setDemote(now(), 0));
}

void GroupRunner::setVips(bool present)
{
    // Removal goes to the ifindex the VIPs were added on: after a rename the name finds nothing.
    const int current = m_link ? m_link->ifindex : 0;
    const int ifindex = present ? current : (m_vipIfindex != 0 ? m_vipIfindex : current);
    if (ifindex == 0)
        return;
    for (const Ipv4Prefix& vip : m_config.vips) {
        const QString error = present ? m_netlink.addAddress(ifindex, vip, m_config.vipLabel)
                                      : m_netlink.removeAddress(ifindex, vip);
        if (!error.isEmpty())
            qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    }
    const bool changed = (m_vipIfindex != 0) != present;
    m_vipIfindex = present ? ifindex : 0;
    if (changed)
        Q_EMIT vipsChanged();
}

void GroupRunner::sendGarps()
{
    if (!m_link || !m_link->usable())
        return;
    for (const Ipv4Prefix& vip : m_config.vips)
        if (const QString error = GarpSender::send(m_link->ifindex, m_link->mac, vip.address);
            !error.isEmpty())
            qWarning("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
}

void GroupRunner::runHook(action::Hook hook)
{
    const bool up = hook == action::Hook::Up;
    const QString& script = up ? m_config.hooks.upScript : m_config.hooks.downScript;
    if (script.isEmpty())
        return;
    QList<HookRunner::Invocation> invocations;
    for (const Ipv4Prefix& vip : m_config.vips) {
        QStringList args{m_config.interface, Ipv4::toString(vip.address)};
        if (!m_config.hooks.xparam.isEmpty())
            args << m_config.hooks.xparam;
        invocations << HookRunner::Invocation{script, args};
    }
    m_hooks.run(tag(), up ? QStringLiteral("up") : QStringLiteral("down"), invocations,
                m_config.hooks.timeoutSeconds);
}

} // namespace baton
