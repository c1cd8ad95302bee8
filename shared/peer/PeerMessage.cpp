// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerMessage.h"

#include "PeerProtocol.h"
#include "control/CborReader.h"
#include "net/Ipv4.h"
#include "util/Fail.h"

#include <QCborArray>

#include <algorithm>

namespace baton {

namespace {
QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

constexpr int MaxVips = 64;

const QList<std::pair<PeerMessage::Type, QLatin1StringView>>& typeNames()
{
    static const QList<std::pair<PeerMessage::Type, QLatin1StringView>> names = {
        {PeerMessage::Type::Hello, peer::type::Hello},
        {PeerMessage::Type::Alive, peer::type::Alive},
        {PeerMessage::Type::Ack, peer::type::Ack},
        {PeerMessage::Type::LinkLost, peer::type::LinkLost},
        {PeerMessage::Type::Verdict, peer::type::Verdict},
        {PeerMessage::Type::Refused, peer::type::Refused},
    };
    return names;
}
} // namespace

PeerMessage PeerMessage::hello(const QString& agent, qint64 nonce)
{
    PeerMessage m;
    m.type = Type::Hello;
    m.version = peer::Version;
    m.agent = agent;
    m.nonce = nonce;
    return m;
}

PeerMessage PeerMessage::alive(qint64 nonce, qint64 seq, qint64 timeMs)
{
    PeerMessage m;
    m.type = Type::Alive;
    m.nonce = nonce;
    m.seq = seq;
    m.timeMs = timeMs;
    return m;
}

PeerMessage PeerMessage::ack(qint64 seq, qint64 timeMs)
{
    PeerMessage m;
    m.type = Type::Ack;
    m.seq = seq;
    m.timeMs = timeMs;
    return m;
}

PeerMessage PeerMessage::linkLost(qint64 nonce, qint64 seq, qint64 timeMs, int vhid, quint32 source,
                                  QList<quint32> vips)
{
    PeerMessage m;
    m.type = Type::LinkLost;
    m.nonce = nonce;
    m.seq = seq;
    m.timeMs = timeMs;
    m.vhid = vhid;
    m.source = source;
    std::sort(vips.begin(), vips.end());
    m.vips = vips;
    return m;
}

PeerMessage PeerMessage::answer(qint64 seq, const QString& verdict)
{
    PeerMessage m;
    m.type = Type::Verdict;
    m.seq = seq;
    m.verdict = verdict;
    return m;
}

PeerMessage PeerMessage::refused(const QString& problem)
{
    PeerMessage m;
    m.type = Type::Refused;
    m.verdict = problem;
    return m;
}

QCborMap PeerMessage::toCbor() const
{
    QCborMap m;
    for (const auto& [t, name] : typeNames())
        if (t == type)
            m[k("t")] = name;
    switch (type) {
    case Type::Hello:
        m[k("version")] = version;
        m[k("agent")] = agent;
        if (nonce != 0)
            m[k("nonce")] = nonce;
        break;
    case Type::Alive:
    case Type::LinkLost:
        m[k("nonce")] = nonce;
        m[k("seq")] = seq;
        m[k("time")] = timeMs;
        if (type == Type::LinkLost) {
            m[k("vhid")] = vhid;
            m[k("source")] = Ipv4::toString(source);
            QCborArray list;
            for (quint32 v : vips)
                list.append(Ipv4::toString(v));
            m[k("vips")] = list;
        }
        break;
    case Type::Ack:
        m[k("seq")] = seq;
        m[k("time")] = timeMs;
        break;
    case Type::Verdict:
        m[k("seq")] = seq;
        m[k("verdict")] = verdict;
        break;
    case Type::Refused:
        m[k("problem")] = verdict;
        break;
    }
    return m;
}

std::optional<PeerMessage> PeerMessage::fromCbor(const QCborMap& map, QString* error)
{
    const QString name = map.value(k("t")).toString();
    const auto known = std::find_if(typeNames().begin(), typeNames().end(),
                                    [&name](const auto& entry) { return entry.second == name; });
    if (known == typeNames().end())
        return fail(error, QStringLiteral("unknown message type '%1'").arg(name.left(32)));
    PeerMessage m;
    m.type = known->first;
    CborReader r(map, name);
    switch (m.type) {
    case Type::Hello:
        // The version is read first and alone: a later version may change everything else.
        m.version = static_cast<int>(r.integer("version", 1, 1'000'000));
        if (m.version != peer::Version)
            return r.finish(error) ? std::optional<PeerMessage>(m) : std::nullopt;
        m.agent = r.string("agent").left(64);
        m.nonce = r.integer("nonce", 1, peer::MaxCounter, false);
        break;
    case Type::Alive:
    case Type::LinkLost:
        m.nonce = r.integer("nonce", 1, peer::MaxCounter);
        m.seq = r.integer("seq", 1, peer::MaxCounter);
        m.timeMs = r.integer("time", 0, CborReader::MaxTime);
        if (m.type == Type::LinkLost) {
            m.vhid = static_cast<int>(r.integer("vhid", 1, 255));
            const auto source = Ipv4::parse(r.string("source"));
            if (!source)
                r.fail("source");
            m.source = source.value_or(0);
            const QStringList vips = r.strings("vips");
            if (vips.isEmpty() || vips.size() > MaxVips)
                r.fail("vips");
            for (const QString& v : vips) {
                const auto address = Ipv4::parse(v);
                if (!address)
                    r.fail("vips");
                m.vips << address.value_or(0);
            }
            std::sort(m.vips.begin(), m.vips.end());
        }
        break;
    case Type::Ack:
        m.seq = r.integer("seq", 1, peer::MaxCounter);
        m.timeMs = r.integer("time", 0, CborReader::MaxTime);
        break;
    case Type::Verdict:
        m.seq = r.integer("seq", 1, peer::MaxCounter);
        m.verdict = r.string("verdict").left(64);
        break;
    case Type::Refused:
        m.verdict = r.string("problem").left(64);
        break;
    }
    if (!r.finish(error))
        return std::nullopt;
    return m;
}

} // namespace baton
