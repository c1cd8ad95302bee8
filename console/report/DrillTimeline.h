// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill/DrillRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace baton {

// The drill's picture as a model, drawn as SVG here (the HTML report) and with QPainter by
// DrillTimelinePainter (the PDF and the window): one row per address (green while answering, red where echoes
// went unanswered), one row for who held the VIP according to the agents (one colour per node, red for both),
// and a numbered marker where each step acted.
class DrillTimeline
{
public:
    struct Band
    {
        int row = 0;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QString colour; // "#rrggbb"
    };
    struct Marker
    {
        qint64 atMs = 0;
        QString label;
    };

    static constexpr double Width = 900;
    static constexpr double RowHeight = 22;
    static constexpr double LabelWidth = 170;

    explicit DrillTimeline(const DrillRecord& record);

    double height() const { return rowTop(static_cast<int>(m_rows.size())) + 24; }
    QString svg() const;

    const QList<Band>& bands() const { return m_bands; }
    const QList<Marker>& markers() const { return m_markers; }
    const QStringList& rows() const { return m_rows; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    // Where ms falls between left and left + width.
    double x(qint64 ms, double left, double width) const;
    // Seconds between the labels of the time axis.
    qint64 tickMs() const;
    static double rowTop(int row) { return 30 + RowHeight * 1.5 * row; }

private:
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    QStringList m_rows;
    QList<Band> m_bands;
    QList<Marker> m_markers;
};

} // namespace baton
