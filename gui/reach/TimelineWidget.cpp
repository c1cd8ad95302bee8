// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineWidget.h"

#include "probe/ProbeAnalysis.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {
constexpr qint64 MinorTickMs = 1000;
constexpr qint64 MajorTickMs = 10'000;

// Floor division for negative times too (the epoch is far behind, but stay correct).
qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return (value % step != 0 && value < 0 ? q - 1 : q) * step;
}
} // namespace

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void TimelineWidget::setSamples(const QList<ProbeSample>& samples, qint64 nowMs)
{
    m_samples = samples;
    m_nowMs = nowMs;
    update();
}

void TimelineWidget::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    update();
}

void TimelineWidget::setIntervalMs(int intervalMs)
{
    m_intervalMs = std::max(1, intervalMs);
    update();
}

void TimelineWidget::setSpanMs(qint64 spanMs)
{
    m_spanMs = std::max<qint64>(1000, spanMs);
    update();
}

void TimelineWidget::setLabelsVisible(bool visible)
{
    m_labelsVisible = visible;
    updateGeometry();
    update();
}

QRect TimelineWidget::stripRect() const
{
    return {0, 0, width(), m_labelsVisible ? std::min(height(), StripHeight) : height()};
}

double TimelineWidget::xFor(qint64 timeMs) const
{
    const QRect strip = stripRect();
    return strip.left() +
           static_cast<double>(timeMs - (m_nowMs - m_spanMs)) * strip.width() / static_cast<double>(m_spanMs);
}

QSize TimelineWidget::sizeHint() const
{
    return {600, m_labelsVisible ? StripHeight + fontMetrics().height() + 4 : StripHeight};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {120, m_labelsVisible ? StripHeight + fontMetrics().height() + 4 : 12};
}

QString TimelineWidget::outageText(qint64 ms)
{
    if (ms < 60'000)
        return tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
    return tr("%1 min %2 s").arg(ms / 60'000).arg((ms % 60'000) / 1000);
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect strip = stripRect();
    painter.fillRect(strip, unknownColor());

    // Runs of equal outcome become one rectangle each: no seams between neighbouring samples.
    // Samples further apart than 1.5 intervals leave the gap between them unknown.
    const qint64 left = m_nowMs - m_spanMs;
    const auto pixel = [this](qint64 timeMs) { return static_cast<int>(std::lround(xFor(timeMs))); };
    for (qsizetype i = 0; i < m_samples.size();) {
        const ProbeSample& first = m_samples.at(i);
        qsizetype j = i + 1;
        while (j < m_samples.size() && m_samples.at(j).answered() == first.answered() &&
               m_samples.at(j).sentMs - m_samples.at(j - 1).sentMs <= m_intervalMs * 3 / 2)
            ++j;
        const qint64 start = m_samples.at(i).sentMs;
        const qint64 end = m_samples.at(j - 1).sentMs + m_intervalMs;
        if (end > left && start < m_nowMs) {
            const int x0 = std::max(strip.left(), pixel(start));
            const int x1 = std::min(strip.right() + 1, std::max(x0 + 1, pixel(end)));
            painter.fillRect(QRect(x0, strip.top(), x1 - x0, strip.height()),
                             first.answered() ? answeredColor() : lostColor());
        }
        i = j;
    }

    // Ticks at whole wall-clock seconds, longer ones every ten: they scroll with the samples.
    painter.setPen(QColor(0, 0, 0, 110));
    for (qint64 t = floorTo(m_nowMs, MinorTickMs); t > left; t -= MinorTickMs) {
        const int x = pixel(t);
        const bool major = t % MajorTickMs == 0;
        const int length = major ? strip.height() / 3 : 3;
        painter.drawLine(x, strip.top(), x, strip.top() + length - 1);
        painter.drawLine(x, strip.bottom() - length + 1, x, strip.bottom());
    }

    // An outage's length written into it, where it fits.
    painter.setPen(Qt::white);
    const QFontMetrics metrics = painter.fontMetrics();
    for (const OutageWindow& outage : ProbeAnalysis::outages(m_samples)) {
        const qint64 end = outage.ongoing ? outage.endMs + m_intervalMs : outage.endMs;
        const int x0 = std::max(strip.left(), pixel(outage.startMs));
        const int x1 = std::min(strip.right(), pixel(end));
        const QString text = outage.ongoing ? QString(outageText(outage.durationMs()) + QStringLiteral("+"))
                                            : outageText(outage.durationMs());
        if (x1 - x0 >= metrics.horizontalAdvance(text) + 8 && metrics.height() <= strip.height())
            painter.drawText(QRect(x0, strip.top(), x1 - x0, strip.height()), Qt::AlignCenter, text);
    }

    // The right edge is now.
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawLine(strip.right(), strip.top(), strip.right(), strip.bottom());

    if (!m_labelsVisible)
        return;
    const QRect band(0, strip.bottom() + 2, width(), height() - strip.height() - 2);
    const QString nowText = tr("now");
    const int nowWidth = metrics.horizontalAdvance(nowText);
    painter.drawText(band, Qt::AlignRight | Qt::AlignTop, nowText);
    for (qint64 t = floorTo(m_nowMs, MajorTickMs); t > left; t -= MajorTickMs) {
        const QString text = QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm:ss"));
        const int textWidth = metrics.horizontalAdvance(text);
        const int x = pixel(t) - textWidth / 2;
        if (x < band.left() || x + textWidth > band.right() - nowWidth - 8)
            continue;
        painter.drawText(QRect(x, band.top(), textWidth, band.height()), Qt::AlignLeft | Qt::AlignTop, text);
    }
}

} // namespace baton
