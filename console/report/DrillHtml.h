// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill/DrillRecord.h"

#include <QString>

namespace baton {

// A drill's record for people as one self-contained HTML file: XHTML, so any XML parser reads it;
// the timeline inline as SVG; no scripts, no external files. Qt Core only, so batonctl writes it
// on a server without a display stack; the PDF (report/DrillReport) lays out the same body.
class DrillHtml
{
public:
    static QString html(const DrillRecord& record);
    static bool write(const DrillRecord& record, const QString& path, QString* error);
    // The document's body with the timeline given as markup (SVG here, an image in the PDF).
    static QString body(const DrillRecord& record, const QString& timeline);
};

} // namespace baton
