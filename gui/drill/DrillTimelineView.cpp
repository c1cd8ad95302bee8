// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillTimelineView.h"

#include "DrillTimelinePainter.h"
#include "report/DrillTimeline.h"

#include <QPainter>

namespace baton {

DrillTimelineView::DrillTimelineView(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMinimumHeight(150);
    setAccessibleName(tr("Drill timeline"));
}

void DrillTimelineView::setRecord(const DrillRecord& record)
{
    m_record = record;
    m_empty = record.startedMs == 0;
    update();
}

QSize DrillTimelineView::sizeHint() const
{
    return {int(DrillTimeline::Width), heightForWidth(int(DrillTimeline::Width))};
}

int DrillTimelineView::heightForWidth(int width) const
{
    return int(DrillTimeline(m_record).height() * width / DrillTimeline::Width) + 1;
}

void DrillTimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (m_empty) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("The timeline appears when the drill starts."));
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    DrillTimelinePainter::paint(DrillTimeline(m_record), painter, QRectF(rect()));
}

} // namespace baton
