// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupRunner.h"

#include "GarpSender.h"
#include "HookRunner.h"
#include "carp/CarpCodec.h"
#include "carp/CarpStateNames.h"

#include <QRandomGenerator>

#include <chrono>

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
    return p;
}
} // namespace

GroupRunner::GroupRunner(const GroupConfig& config, NetlinkRoute& netlink, HookRunner& hooks, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_netlink(netlink)
    , m_hooks(hooks)
    , m_machine(paramsFor(config))
    , m_hmac(config.password, config.vhid, addresses(config.vips))
    , m_counter(QRandomGenerator::system()->generate64())
    , m_ipId(static_cast<quint16>(QRandomGenerator::system()->generate()))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &GroupRunner::onTimer);
    connect(&m_socket, &CarpSocket::packetReceived, this, &GroupRunner::onPacket);
}

TimePoint GroupRunner::now()
{
    return std::chrono::duration_cast<Micros>(std::chrono::steady_clock::now().time_since_epoch());
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
    if (!m_link)
        m_link = m_netlink.link(m_config.interface);
    if (!m_link)
        qWarning("%s: interface not found; waiting for it to appear", qUtf8Printable(tag()));
    if (const QString error = openSocket(); !error.isEmpty())
        qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    apply(m_machine.start(now(), m_link && m_link->usable()));
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
    return m_socket.open(m_config.interface, m_link->ifindex, m_config.multicastGroup);
}

void GroupRunner::refreshLink()
{
    const auto previous = m_link;
    m_link = m_netlink.link(m_config.interface);
    if (const QString error = openSocket(); !error.isEmpty() && m_link)
        qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    const bool wasUp = previous && previous->usable();
    const bool isUp = m_link && m_link->usable();
    if (wasUp != isUp) {
        qInfo("%s: link %s", qUtf8Printable(tag()), isUp ? "up" : "down");
        apply(m_machine.linkChanged(now(), isUp));
    }
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

void GroupRunner::onTimer()
{
    apply(m_machine.timerFired(now()));
}

void GroupRunner::onPacket(const QByteArray& packet)
{
    const TimePoint t = now();
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, m_config.multicastGroup);
    CarpReject reject = decoded.reject;
    if (reject == CarpReject::None) {
        if (decoded.advert.source == m_config.source)
            return; // our own advert seen through another path
        if (decoded.advert.vhid != m_config.vhid)
            return; // another virtual host sharing the wire: not ours to judge or count
        reject = CarpCodec::verify(decoded.advert, m_config.vhid, m_hmac);
    }
    if (reject != CarpReject::None) {
        if (const QString line = m_rejects.record(t, reject, decoded.advert.source, m_config.vhid);
            !line.isEmpty())
            qWarning("%s: %s", qUtf8Printable(tag()), qUtf8Printable(line));
        return;
    }
    // ucarp adopts the peer's counter and counts on from it; the BSDs accept anything.
    m_counter = decoded.advert.counter;
    m_counterAdopted = true;
    apply(m_machine.advertReceived(t, decoded.advert));
}

void GroupRunner::apply(const CarpActions& actions)
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
            // QTimer counts whole milliseconds: round up so it never fires before the deadline.
            const qint64 waitUs = std::max<qint64>(0, (arm->deadline - now()).count());
            m_timer.start(static_cast<int>((waitUs + 999) / 1000));
        } else if (std::holds_alternative<CancelTimer>(a)) {
            m_timer.stop();
        } else if (const auto* n = std::get_if<Notify>(&a)) {
            const QLatin1StringView reason(CarpStateNames::reason(n->reason));
            const QLatin1StringView to(CarpStateNames::state(n->to));
            if (n->from != n->to)
                qWarning("%s: %s -> %s (%s)", qUtf8Printable(tag()), CarpStateNames::state(n->from),
                         to.data(), reason.data());
            else
                qInfo("%s: %s, still %s", qUtf8Printable(tag()), reason.data(), to.data());
            if (n->from != n->to)
                Q_EMIT stateChanged(n->from, n->to, n->reason);
        }
    }
}

void GroupRunner::sendAdvert(const action::SendAdvert& send)
{
    CarpAdvert advert;
    advert.vhid = m_config.vhid;
    advert.advbase = send.advbase;
    advert.advskew = send.advskew;
    advert.demote = send.demote;
    // Until a peer is heard every advert carries a fresh random counter, then the peer's + 1.
    m_counter = m_counterAdopted ? m_counter + 1 : QRandomGenerator::system()->generate64();
    advert.counter = m_counter;
    advert.source = m_config.source;
    advert.destination = m_config.multicastGroup;
    const QString error = m_socket.send(CarpCodec::encodePacket(advert, m_hmac, m_ipId++));
    if (!error.isEmpty() && !m_sendFailing)
        qWarning("%s: cannot send advert: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    else if (error.isEmpty() && m_sendFailing)
        qInfo("%s: sending adverts again", qUtf8Printable(tag()));
    m_sendFailing = !error.isEmpty();
}

void GroupRunner::setVips(bool present)
{
    if (!m_link)
        return;
    for (const Ipv4Prefix& vip : m_config.vips) {
        const QString error = present ? m_netlink.addAddress(m_link->ifindex, vip, m_config.vipLabel)
                                      : m_netlink.removeAddress(m_link->ifindex, vip);
        if (!error.isEmpty())
            qCritical("%s: %s", qUtf8Printable(tag()), qUtf8Printable(error));
    }
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
    const QString& script = hook == action::Hook::Up ? m_config.hooks.upScript : m_config.hooks.downScript;
    if (script.isEmpty())
        return;
    for (const Ipv4Prefix& vip : m_config.vips) {
        QStringList args{m_config.interface, Ipv4::toString(vip.address)};
        if (!m_config.hooks.xparam.isEmpty())
            args << m_config.hooks.xparam;
        m_hooks.run(script, args, m_config.hooks.timeoutSeconds);
    }
}

} // namespace baton
