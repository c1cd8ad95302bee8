// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillTimelinePainter.h"

#include <QFont>
#include <QPainter>

#include <algorithm>

namespace baton {

void DrillTimelinePainter::paint(const DrillTimeline& t, QPainter& painter, const QRectF& area)
{
    painter.save();
    // Uniform scale: the whole picture fits the area, text undistorted.
    const double scale = std::min(area.width() / DrillTimeline::Width, area.height() / t.height());
    painter.translate(area.topLeft());
    painter.scale(scale, scale);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    const double left = DrillTimeline::LabelWidth;
    const double width = DrillTimeline::Width - DrillTimeline::LabelWidth - 10;
    const double rowHeight = DrillTimeline::RowHeight;
    painter.setPen(Qt::black);
    for (int r = 0; r < t.rows().size(); ++r)
        painter.drawText(QPointF(4, DrillTimeline::rowTop(r) + rowHeight * 0.7), t.rows()[r]);
    for (const DrillTimeline::Band& b : t.bands()) {
        const double x0 = t.x(b.fromMs, left, width);
        painter.fillRect(
            QRectF(x0, DrillTimeline::rowTop(b.row), std::max(1.0, t.x(b.toMs, left, width) - x0), rowHeight),
            QColor(b.colour));
    }
    const double bottom = DrillTimeline::rowTop(static_cast<int>(t.rows().size()));
    QPen dashed(QColor(0x22, 0x22, 0x22));
    dashed.setStyle(Qt::DashLine);
    for (const DrillTimeline::Marker& m : t.markers()) {
        const double mx = t.x(m.atMs, left, width);
        painter.setPen(dashed);
        painter.drawLine(QPointF(mx, 18), QPointF(mx, bottom));
        painter.setPen(Qt::black);
        painter.drawText(QPointF(mx - 3, 14), m.label);
    }
    painter.setPen(QColor(0x55, 0x55, 0x55));
    for (qint64 ms = 0;
         ms <= t.toMs() - t.fromMs() && t.x(t.fromMs() + ms, left, width) <= DrillTimeline::Width - 30;
         ms += t.tickMs())
        painter.drawText(QPointF(t.x(t.fromMs() + ms, left, width), bottom + 16),
                         QStringLiteral("%1 s").arg(ms / 1000));
    painter.restore();
}

} // namespace baton
