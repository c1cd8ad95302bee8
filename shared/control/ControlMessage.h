// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ControlError.h"

#include <QCborMap>
#include <QString>

namespace baton {

// Builders for the messages of docs/control-protocol.md, so both ends spell them one way.
class ControlMessage
{
public:
    static QCborMap clientHello(const QString& software);
    static QCborMap agentHello(const QString& agent, const QString& software, const QString& client,
                               const QString& access);
    static QCborMap status(const QCborMap& body);
    static QCborMap heartbeat(qint64 timeMs, qint64 seq);
    static QCborMap event(const QCborMap& body, qint64 timeMs);
    static QCborMap ok(qint64 id, const QCborMap& data = {});
    static QCborMap refused(qint64 id, ControlError error, const QCborMap& detail = {});
    // A connection-level error; the agent closes the connection after sending it.
    static QCborMap error(ControlError error, const QCborMap& detail = {});
    static QString typeOf(const QCborMap& message);
};

} // namespace baton
