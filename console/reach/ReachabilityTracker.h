// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeHistory.h"
#include "probe/ProbeSample.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <vector>

namespace baton {

// The probed addresses of the open cluster (the VIP and both nodes), each with its last minute of
// echoes, and the moments an address stops or resumes answering, for the panel and the event log.
// No I/O: IcmpProber's samples go into addSample().
class ReachabilityTracker : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QString name; // "VIP", a node's name
        QHostAddress address;
    };

    explicit ReachabilityTracker(QObject* parent = nullptr);

    // Replaces the targets and forgets all history.
    void setTargets(const QList<Target>& targets);
    const QList<Target>& targets() const { return m_targets; }
    int indexOf(const QHostAddress& address) const;
    const ProbeHistory& history(int index) const
    {
        return m_rows.at(static_cast<std::size_t>(index)).history;
    }
    ProbeHistory::State state(int index) const { return history(index).state(); }

    void addSample(const QHostAddress& target, const baton::ProbeSample& sample);

Q_SIGNALS:
    void sampleAdded(int index);
    // Echoes stopped coming back: three in a row lost; firstLostMs is when the first of them was sent.
    void wentDown(int index, qint64 firstLostMs);
    // Answers again after being down; outageMs from the first lost echo to the first answered one
    // (known to the probe interval; a lower bound if the address was down from the start).
    void cameBack(int index, qint64 outageMs);

private:
    struct Row
    {
        ProbeHistory history;
        qint64 downSinceMs = 0; // send time of the first lost echo of the current outage
    };

    QList<Target> m_targets;
    std::vector<Row> m_rows;
};

} // namespace baton
