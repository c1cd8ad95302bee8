// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/DrillTimeline.h"

class QPainter;
class QRectF;

namespace baton {

// DrillTimeline drawn with QPainter, scaled to fit area (keeping its proportions): the same picture as its
// SVG, for the PDF and the window's drill dialog.
class DrillTimelinePainter
{
public:
    static void paint(const DrillTimeline& timeline, QPainter& painter, const QRectF& area);
};

} // namespace baton
