// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"
#include "control/ControlEvent.h"

#include <QMap>
#include <QObject>
#include <QStringList>

#include <array>

namespace baton {

// Whether someone on the LAN is replaying or editing the pair's adverts, from what the agents
// report: the forgery counts in each status and the forgery-suspected events. A security alarm does
// not clear itself: it stays until the administrator acknowledges it, and comes back when the
// counts grow past what was acknowledged. No I/O.
class ForgeryMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ForgeryMonitor(QObject* parent = nullptr);

    void setNodeName(int index, const QString& name);
    void setStatus(int index, const AgentStatus& status);
    void addEvent(int index, const ControlEvent& event);
    void acknowledge();
    void reset();

    bool isAlarmed() const { return !lines().isEmpty(); }
    // One line per node, vhid and sign not yet acknowledged.
    QStringList lines() const;

Q_SIGNALS:
    void changed();

private:
    struct Node
    {
        QString name;
        QMap<QString, quint64> counts;       // "vhid:sign" -> count now
        QMap<QString, quint64> acknowledged; // what the administrator has seen
        QMap<QString, QString> lastSource;   // "vhid:sign" -> who sent it, last heard
    };
    std::array<Node, 2> m_nodes;
};

} // namespace baton
