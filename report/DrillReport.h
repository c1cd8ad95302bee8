// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill/DrillRecord.h"

#include <QString>

#include <optional>

namespace baton {

// A drill's record as PDF (QPdfWriter; QTextDocument lays out the HTML report's body, QPainter
// paints the timeline), and all three files at once for the window. Needs a QGuiApplication.
class DrillReport
{
public:
    struct Files
    {
        QString json;
        QString html;
        QString pdf;
    };

    static bool writePdf(const DrillRecord& record, const QString& path, QString* error);
    // BASE.json, BASE.html and BASE.pdf in directory (created if needed), BASE from fileBaseName().
    static std::optional<Files> writeAll(const DrillRecord& record, const QString& directory, QString* error);
};

} // namespace baton
