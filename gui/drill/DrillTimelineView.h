// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill/DrillRecord.h"

#include <QWidget>

namespace baton {

// The drill's timeline in the dialog: the same picture as the reports (DrillTimelinePainter), from
// the record as it stands, so it grows while the drill runs.
class DrillTimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit DrillTimelineView(QWidget* parent = nullptr);
    void setRecord(const DrillRecord& record);
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    DrillRecord m_record;
    bool m_empty = true;
};

} // namespace baton
