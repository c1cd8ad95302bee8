// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

namespace baton {

// Which machine answers for the VIP, read off the desktop's neighbour table: a MAC seen on a node's
// own address names that node, a new MAC on the VIP is a move (an entry that comes and goes is
// none), and a set of MACs seen for the VIP either all belong to the pair's nodes or do not (the
// split-brain monitor's question). No I/O: the window feeds it what NeighbourWatcher sees.
class VipMacTracker : public QObject
{
    Q_OBJECT
public:
    explicit VipMacTracker(QObject* parent = nullptr);

    void reset();
    // A node's own address was answered with this MAC.
    void nodeMacSeen(const QString& node, const QString& mac);
    // The VIP's entry now (empty: gone or resolving). Emits moved() when another MAC answers.
    void vipMacSeen(const QString& mac);

    // "02:00:00:00:00:0b (node1)", or the bare MAC of a machine that is not a node.
    QString describe(const QString& mac) const;
    QStringList describe(const QStringList& macs) const;
    bool allFromNodes(const QStringList& macs) const;

Q_SIGNALS:
    // from is empty the first time the VIP is seen answered.
    void moved(const QString& from, const QString& to);

private:
    QHash<QString, QString> m_nodes; // MAC -> the node whose own address answered with it
    QString m_last;                  // the last MAC seen for the VIP
};

} // namespace baton
