// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillReport.h"

#include "DrillTimelinePainter.h"
#include "drill/DrillStore.h"
#include "report/DrillHtml.h"
#include "report/DrillTimeline.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace baton {

bool DrillReport::writePdf(const DrillRecord& record, const QString& path, QString* error)
{
    const DrillTimeline timeline(record);
    // The picture as an image resource of the document, painted at twice its size for print.
    QImage picture(QSize(int(DrillTimeline::Width * 2), int(timeline.height() * 2)), QImage::Format_RGB32);
    picture.fill(Qt::white);
    {
        QPainter painter(&picture);
        painter.setRenderHint(QPainter::Antialiasing);
        DrillTimelinePainter::paint(timeline, painter, QRectF(0, 0, picture.width(), picture.height()));
    }
    QTextDocument document;
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("drill-timeline.png")), picture);
    QFont font = document.defaultFont();
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    document.setDefaultStyleSheet(
        QStringLiteral("th { background-color: #eeeeee; } table { font-size: 8pt; }"));
    document.setHtml(
        DrillHtml::body(record, QStringLiteral("<p><img src=\"drill-timeline.png\" width=\"840\"/></p>")));

    QPdfWriter writer(path);
    writer.setTitle(QCoreApplication::translate("DrillReport", "Failover drill") + QStringLiteral(": ") +
                    record.cluster);
    writer.setCreator(QStringLiteral("Baton " BATON_VERSION));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape); // the step table has ten columns
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(150);
    document.print(&writer);
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0) {
        *error = QStringLiteral("%1: %2").arg(
            path, QCoreApplication::translate("DrillReport", "the PDF could not be written"));
        return false;
    }
    return true;
}

std::optional<DrillReport::Files> DrillReport::writeAll(const DrillRecord& record, const QString& directory,
                                                        QString* error)
{
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("%1: %2").arg(
            directory, QCoreApplication::translate("DrillReport", "cannot create the folder"));
        return std::nullopt;
    }
    const QString base = QDir(directory).filePath(record.fileBaseName());
    Files files{base + QStringLiteral(".json"), base + QStringLiteral(".html"),
                base + QStringLiteral(".pdf")};
    if (!DrillStore::writeJson(record, files.json, error))
        return std::nullopt;
    if (!DrillHtml::write(record, files.html, error))
        return std::nullopt;
    if (!writePdf(record, files.pdf, error))
        return std::nullopt;
    return files;
}

} // namespace baton
