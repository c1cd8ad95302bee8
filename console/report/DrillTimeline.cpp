// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillTimeline.h"

#include <QCoreApplication>

namespace baton {

namespace {
const QString Up = QStringLiteral("#43a047");
const QString Down = QStringLiteral("#e53935");
const QString Both = QStringLiteral("#b71c1c");
const QString NodeColour[2] = {QStringLiteral("#1e88e5"), QStringLiteral("#fb8c00")};
} // namespace

DrillTimeline::DrillTimeline(const DrillRecord& record)
{
    m_fromMs = record.startedMs;
    m_toMs = std::max(record.endedMs, record.startedMs + 1);
    for (int t = 0; t < 3; ++t) {
        const QString who = t == 0 ? QStringLiteral("VIP") : record.nodeNames[t - 1];
        m_rows.append(QStringLiteral("%1 %2").arg(who, record.targets[t]));
        m_bands.append({t, m_fromMs, m_toMs, Up});
    }
    for (const DrillRecord::Outage& o : record.outages)
        m_bands.append(
            {o.target, std::max(o.startMs, m_fromMs), std::min(o.ongoing ? m_toMs : o.endMs, m_toMs), Down});
    m_rows.append(QCoreApplication::translate("DrillReport", "VIP holder (agents)"));
    for (const DrillRecord::Holding& h : record.holders)
        m_bands.append({3, h.fromMs, h.toMs ? h.toMs : m_toMs, NodeColour[h.node == 1 ? 1 : 0]});
    for (const DrillRecord::Holding& a : record.holders) {
        for (const DrillRecord::Holding& b : record.holders) {
            const qint64 lo = std::max(a.fromMs, b.fromMs);
            const qint64 hi = std::min(a.toMs ? a.toMs : m_toMs, b.toMs ? b.toMs : m_toMs);
            if (a.node == 0 && b.node == 1 && hi > lo)
                m_bands.append({3, lo, hi, Both});
        }
    }
    for (int i = 0; i < record.steps.size(); ++i) {
        if (record.steps[i].startedMs > 0)
            m_markers.append({record.steps[i].startedMs, QString::number(i + 1)});
    }
}

double DrillTimeline::x(qint64 ms, double left, double width) const
{
    return left + width * double(ms - m_fromMs) / double(m_toMs - m_fromMs);
}

QString DrillTimeline::svg() const
{
    const double left = LabelWidth;
    const double width = Width - LabelWidth - 10;
    QString out = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                                 "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"12\">\n")
                      .arg(Width)
                      .arg(height());
    for (int r = 0; r < m_rows.size(); ++r)
        out += QStringLiteral("<text x=\"4\" y=\"%1\">%2</text>\n")
                   .arg(rowTop(r) + RowHeight * 0.7)
                   .arg(m_rows[r].toHtmlEscaped());
    for (const Band& b : m_bands) {
        const double x0 = x(b.fromMs, left, width);
        out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                   .arg(x0, 0, 'f', 1)
                   .arg(rowTop(b.row))
                   .arg(std::max(1.0, x(b.toMs, left, width) - x0), 0, 'f', 1)
                   .arg(RowHeight)
                   .arg(b.colour);
    }
    const double bottom = rowTop(static_cast<int>(m_rows.size()));
    for (const Marker& m : m_markers) {
        const double mx = x(m.atMs, left, width);
        out += QStringLiteral(
                   "<line x1=\"%1\" y1=\"18\" x2=\"%1\" y2=\"%2\" stroke=\"#222\" "
                   "stroke-dasharray=\"3,2\"/><text x=\"%3\" y=\"14\" font-weight=\"bold\">%4</text>\n")
                   .arg(mx, 0, 'f', 1)
                   .arg(bottom)
                   .arg(mx - 3, 0, 'f', 1)
                   .arg(m.label);
    }
    // Labels stop where the last one would run off the picture.
    for (qint64 t = 0; t <= m_toMs - m_fromMs && x(m_fromMs + t, left, width) <= Width - 30; t += tickMs())
        out += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#555\">%3 s</text>\n")
                   .arg(x(m_fromMs + t, left, width), 0, 'f', 1)
                   .arg(bottom + 16)
                   .arg(t / 1000);
    out += QStringLiteral("</svg>\n");
    return out;
}

qint64 DrillTimeline::tickMs() const
{
    const qint64 span = m_toMs - m_fromMs;
    return span > 60000 ? 10000 : span > 20000 ? 5000 : 1000;
}

} // namespace baton
