// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/IcmpProber.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace baton {

class ReachabilityTracker;
class TimelineWidget;

// What the three ping terminals used to show, one row per address (the VIP, then the nodes): up or
// down, the last round trip, the loss over the last minute, the MAC that answers, and the last
// minute as a timeline. Above them, how the addresses are probed and what would probe them better.
class ReachabilityPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 200;
    explicit ReachabilityPanel(ReachabilityTracker* tracker, QWidget* parent = nullptr);

    // Builds one row per target of the tracker; call after ReachabilityTracker::setTargets().
    void rebuild();
    // The probe method in use, its interval, and IcmpProber::methodExplanation(): what it is and what
    // would be better. Shown plainly for the best method, as a warning otherwise.
    void setProbeMethod(IcmpProber::Method method, int intervalMs, const QString& explanation);
    // The MAC column of a row: what the neighbour table says; alarm paints it red.
    void setMacText(int index, const QString& text, bool alarm = false);

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    TimelineWidget* timeline(int index) const;
    QString stateText(int index) const;
    QString macText(int index) const;
    QString methodText() const;

public Q_SLOTS:
    // Re-reads the tracker; a 100 ms timer calls it so the timelines scroll without new samples.
    void refresh();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();
    struct Row
    {
        QLabel* name = nullptr;
        QLabel* address = nullptr;
        QLabel* state = nullptr;
        QLabel* rtt = nullptr;
        QLabel* loss = nullptr;
        QLabel* mac = nullptr;
        TimelineWidget* timeline = nullptr;
    };
    void refreshRow(int index, qint64 nowMs);
    void clearRows();
    QLabel* cell(int row, int column, const QString& text = {});

    ReachabilityTracker* m_tracker;
    QLabel* m_method = nullptr;
    QLabel* m_empty = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<QWidget*> m_rowWidgets; // everything rebuild() made, headers included
    QList<Row> m_rows;
    QTimer m_tick;
    int m_intervalMs = 100;
};

} // namespace baton
