// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill/DrillRecord.h"

#include <QString>

namespace baton {

// A drill's record for people: one self-contained HTML file (XHTML, so any XML parser reads it;
// the timeline inline as SVG, no scripts, no external files) and a PDF laid out by QTextDocument
// with the timeline painted by QPainter. writeAll() saves BASE.json, BASE.html and BASE.pdf.
class DrillReport
{
public:
    struct Files
    {
        QString json;
        QString html;
        QString pdf;
    };

    static QString html(const DrillRecord& record);
    static bool writePdf(const DrillRecord& record, const QString& path, QString* error);
    // In directory (created if needed), named after DrillRecord::fileBaseName().
    static std::optional<Files> writeAll(const DrillRecord& record, const QString& directory, QString* error);

private:
    // The document's body; the timeline markup differs between the HTML file and the PDF.
    static QString body(const DrillRecord& record, const QString& timeline);
};

} // namespace baton
