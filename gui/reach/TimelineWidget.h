// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeSample.h"

#include <QColor>
#include <QList>
#include <QWidget>

namespace baton {

// The last minute of one address's echoes as a strip, the current moment at the right edge: green
// where echoes were answered, red where they went unanswered, grey where nothing is known (not
// probed, or still waiting for the reply). Tick marks every second and every ten seconds move with
// the samples, and an outage wide enough carries its length as text, so how long the address was
// gone can be read off directly. Optionally a band below with the clock times of the ten-second ticks.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultSpanMs = 60'000;
    static constexpr int StripHeight = 22; // with the label band; without, the strip fills the widget

    explicit TimelineWidget(QWidget* parent = nullptr);

    // Samples in send order (ProbeHistory::samples()) and the wall-clock time of the right edge.
    void setSamples(const QList<ProbeSample>& samples, qint64 nowMs);
    void setNow(qint64 nowMs);
    const QList<ProbeSample>& samples() const { return m_samples; }
    qint64 nowMs() const { return m_nowMs; }
    // How much time one sample covers (the probe interval).
    void setIntervalMs(int intervalMs);
    int intervalMs() const { return m_intervalMs; }
    void setSpanMs(qint64 spanMs);
    qint64 spanMs() const { return m_spanMs; }
    void setLabelsVisible(bool visible);
    bool labelsVisible() const { return m_labelsVisible; }

    // The strip's x coordinate of a wall-clock time (left edge: nowMs - span, right edge: nowMs).
    double xFor(qint64 timeMs) const;
    // The part of the widget that shows the samples (without the label band).
    QRect stripRect() const;

    static QColor answeredColor() { return {0x2e, 0x9d, 0x48}; }
    static QColor lostColor() { return {0xd3, 0x2f, 0x2f}; }
    static QColor unknownColor() { return {0xc8, 0xc8, 0xc8}; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    static QString outageText(qint64 ms);

    QList<ProbeSample> m_samples;
    qint64 m_nowMs = 0;
    qint64 m_spanMs = DefaultSpanMs;
    int m_intervalMs = 100;
    bool m_labelsVisible = false;
};

} // namespace baton
