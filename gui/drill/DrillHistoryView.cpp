// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillHistoryView.h"

#include "drill/DrillKind.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace baton {

namespace {
QColor verdictColour(const QString& verdict)
{
    if (verdict == QLatin1StringView("passed"))
        return QColor(0x2e, 0x7d, 0x32);
    if (verdict == QLatin1StringView("failed"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0xef, 0x6c, 0x00);
}

QString verdictText(const DrillStore::Entry& e)
{
    if (e.interrupted)
        return DrillHistoryView::tr("aborted (did not finish)");
    if (e.verdict == QLatin1StringView("passed"))
        return DrillHistoryView::tr("passed");
    if (e.verdict == QLatin1StringView("failed"))
        return DrillHistoryView::tr("failed");
    if (e.verdict == QLatin1StringView("refused"))
        return DrillHistoryView::tr("refused");
    return DrillHistoryView::tr("aborted");
}
} // namespace

// The outage of each drill as a bar, oldest on the left.
class DrillHistoryView::Trend : public QWidget
{
public:
    explicit Trend(QWidget* parent)
        : QWidget(parent)
    {
        setMinimumHeight(90);
    }
    QList<DrillStore::Entry> entries; // newest first, as the store gives them

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        qint64 longest = 1;
        for (const DrillStore::Entry& e : entries)
            longest = std::max(longest, e.vipOutageMs.value_or(0));
        const int n = static_cast<int>(std::min<qsizetype>(entries.size(), 40));
        if (n == 0) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter, DrillHistoryView::tr("No drills yet."));
            return;
        }
        const double slot = double(width() - 60) / 40.0;
        const double top = 14;
        const double height = this->height() - top - 4;
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(0, 0, 58, 14), Qt::AlignLeft, QStringLiteral("%1 ms").arg(longest));
        for (int i = 0; i < n; ++i) {
            const DrillStore::Entry& e = entries[n - 1 - i];
            const double h = std::max(2.0, height * double(e.vipOutageMs.value_or(0)) / double(longest));
            p.fillRect(QRectF(60 + i * slot + 1, top + height - h, std::max(2.0, slot - 2), h),
                       verdictColour(e.interrupted ? QStringLiteral("aborted") : e.verdict));
        }
    }
};

DrillHistoryView::DrillHistoryView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* caption = new QLabel(tr("Longest VIP outage of each drill, oldest left (green passed, red failed, "
                                  "orange refused or aborted):"),
                               this);
    caption->setWordWrap(true);
    layout->addWidget(caption);
    m_trend = new Trend(this);
    layout->addWidget(m_trend);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("drillHistoryTable"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Type"), tr("Verdict"), tr("VIP outage")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < m_entries.size()) {
            QString html = m_entries[row].jsonPath;
            html.replace(html.size() - 5, 5, QStringLiteral(".html"));
            Q_EMIT openRequested(html);
        }
    });
}

void DrillHistoryView::setDirectory(const QString& directory)
{
    m_directory = directory;
    reload();
}

void DrillHistoryView::reload()
{
    m_entries = DrillStore::history(m_directory);
    m_trend->entries = m_entries;
    m_trend->update();
    m_table->setRowCount(static_cast<int>(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const DrillStore::Entry& e = m_entries[row];
        const std::optional<DrillKind> kind = drillKindFromName(e.type);
        const QStringList cells{
            QDateTime::fromMSecsSinceEpoch(e.startedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            kind ? drillKindTitle(*kind) : e.type, verdictText(e),
            e.vipOutageMs ? tr("%1 ms").arg(*e.vipOutageMs) : QStringLiteral("–")};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 2)
                item->setForeground(verdictColour(e.interrupted ? QStringLiteral("aborted") : e.verdict));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
}

} // namespace baton
