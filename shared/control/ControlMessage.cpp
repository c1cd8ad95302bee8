// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlMessage.h"

#include "ControlProtocol.h"

#include <QCborValue>

namespace baton {

using namespace control;

namespace {
QCborMap typed(QLatin1StringView type)
{
    QCborMap m;
    m[key::Type] = QString(type);
    return m;
}
} // namespace

QCborMap ControlMessage::clientHello(const QString& software)
{
    QCborMap m = typed(type::Hello);
    m[key::Version] = Version;
    m[key::Software] = software;
    return m;
}

QCborMap ControlMessage::agentHello(const QString& agent, const QString& software, const QString& client,
                                    const QString& access)
{
    QCborMap m = typed(type::Hello);
    m[key::Version] = Version;
    m[key::Agent] = agent;
    m[key::Software] = software;
    m[key::Client] = client;
    m[key::Access] = access;
    return m;
}

QCborMap ControlMessage::status(const QCborMap& body)
{
    QCborMap m = body;
    m[key::Type] = QString(type::Status);
    return m;
}

QCborMap ControlMessage::heartbeat(qint64 timeMs, qint64 seq)
{
    QCborMap m = typed(type::Heartbeat);
    m[key::Time] = timeMs;
    m[key::Seq] = seq;
    return m;
}

QCborMap ControlMessage::event(const QCborMap& body, qint64 timeMs)
{
    QCborMap m = body;
    m[key::Type] = QString(type::Event);
    m[key::Time] = timeMs;
    return m;
}

QCborMap ControlMessage::ok(qint64 id, const QCborMap& data)
{
    QCborMap m = typed(type::Reply);
    m[key::Id] = id;
    m[key::Ok] = true;
    m[key::Data] = data;
    return m;
}

QCborMap ControlMessage::refused(qint64 id, ControlError error, const QCborMap& detail)
{
    QCborMap m = typed(type::Reply);
    m[key::Id] = id;
    m[key::Ok] = false;
    m[key::Error] = QString(ControlErrors::code(error));
    if (!detail.isEmpty())
        m[key::Detail] = detail;
    return m;
}

QCborMap ControlMessage::error(ControlError error, const QCborMap& detail)
{
    QCborMap m = typed(type::Error);
    m[key::Error] = QString(ControlErrors::code(error));
    if (!detail.isEmpty())
        m[key::Detail] = detail;
    return m;
}

QString ControlMessage::typeOf(const QCborMap& message)
{
    const QCborValue v = message.value(key::Type);
    return v.isString() ? v.toString() : QString();
}

} // namespace baton
