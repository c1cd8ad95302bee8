// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReachabilityPanel.h"

#include "reach/ReachabilityTracker.h"
#include "reach/TimelineWidget.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace baton {

namespace {
enum Column
{
    NameColumn,
    AddressColumn,
    StateColumn,
    RttColumn,
    LossColumn,
    MacColumn,
    TimelineColumn,
};

QString rttText(std::optional<qint64> micros)
{
    if (!micros)
        return QStringLiteral("–");
    const double ms = static_cast<double>(*micros) / 1000.0;
    return ReachabilityPanel::tr("%1 ms").arg(ms, 0, 'f', ms < 10 ? 2 : 1);
}
} // namespace

ReachabilityPanel::ReachabilityPanel(ReachabilityTracker* tracker, QWidget* parent)
    : QWidget(parent)
    , m_tracker(tracker)
{
    auto* heading = new QLabel(tr("Reachability"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    m_method = new QLabel(this);
    m_method->setWordWrap(true);
    m_method->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_method->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_method->setFont(small);
    m_method->setForegroundRole(QPalette::PlaceholderText);
    m_empty = new QLabel(tr("No cluster is open, so no address is probed."), this);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(14);
    m_grid->setVerticalSpacing(4);
    m_grid->setColumnStretch(TimelineColumn, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(heading);
    layout->addWidget(m_method);
    layout->addWidget(m_empty);
    layout->addLayout(m_grid);
    layout->addStretch(1);

    // One repaint of every row per tick, not one per echo (30 a second with three rows): at 60 s
    // across a few hundred pixels a column is ~100 ms anyway, and the GUI stays near idle.
    m_tick.setInterval(RefreshMs);
    connect(&m_tick, &QTimer::timeout, this, &ReachabilityPanel::refresh);
    rebuild();
}

QLabel* ReachabilityPanel::cell(int row, int column, const QString& text)
{
    auto* label = new QLabel(text, this);
    label->setMinimumHeight(TimelineWidget::StripHeight);
    m_grid->addWidget(label, row, column, Qt::AlignTop);
    m_rowWidgets.append(label);
    return label;
}

void ReachabilityPanel::clearRows()
{
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    m_rows.clear();
}

void ReachabilityPanel::rebuild()
{
    clearRows();
    const auto& targets = m_tracker->targets();
    m_empty->setVisible(targets.isEmpty());
    if (targets.isEmpty()) {
        m_tick.stop();
        return;
    }
    const QStringList headers{
        QString(),         tr("Address"),        tr("State"), tr("Last RTT"), tr("Lost (last min)"),
        tr("MAC address"), tr("Last 60 seconds")};
    for (int column = 0; column < headers.size(); ++column) {
        QLabel* header = cell(0, column, headers.at(column));
        header->setMinimumHeight(0);
        header->setForegroundRole(QPalette::PlaceholderText);
    }
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int i = 0; i < targets.size(); ++i) {
        const int gridRow = i + 1;
        Row row;
        row.name = cell(gridRow, NameColumn, targets.at(i).name);
        QFont bold = row.name->font();
        bold.setBold(true);
        row.name->setFont(bold);
        row.address = cell(gridRow, AddressColumn, targets.at(i).address.toString());
        row.state = cell(gridRow, StateColumn);
        row.state->setAlignment(Qt::AlignCenter);
        row.state->setMinimumWidth(row.state->fontMetrics().horizontalAdvance(tr("DOWN")) + 24);
        row.rtt = cell(gridRow, RttColumn);
        row.rtt->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.rtt->setMinimumWidth(row.rtt->fontMetrics().horizontalAdvance(QStringLiteral("000.00 ms")));
        row.loss = cell(gridRow, LossColumn);
        row.loss->setMinimumWidth(
            row.loss->fontMetrics().horizontalAdvance(QStringLiteral("100.0 % (600/600)")));
        row.mac = cell(gridRow, MacColumn, QStringLiteral("–"));
        row.mac->setFont(fixed);
        row.mac->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.timeline = new TimelineWidget(this);
        row.timeline->setIntervalMs(m_intervalMs);
        // The last row carries the clock times under its strip for all three.
        row.timeline->setLabelsVisible(i == targets.size() - 1);
        m_grid->addWidget(row.timeline, gridRow, TimelineColumn, Qt::AlignTop);
        m_rowWidgets.append(row.timeline);
        m_rows.append(row);
    }
    refresh();
    m_tick.start();
    fitHeight();
}

void ReachabilityPanel::setProbeMethod(IcmpProber::Method method, int intervalMs, const QString& explanation)
{
    m_intervalMs = intervalMs;
    for (const Row& row : std::as_const(m_rows))
        row.timeline->setIntervalMs(intervalMs);
    QString colour; // the palette's placeholder grey for the best method
    if (method == IcmpProber::Method::None) {
        m_method->setText(explanation);
        colour = QStringLiteral("#c62828");
    } else {
        m_method->setText(tr("Each address every %1 ms. %2").arg(intervalMs).arg(explanation));
        if (method != IcmpProber::Method::DatagramSocket)
            colour = QStringLiteral("#8a5a00");
    }
    m_method->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    fitHeight();
}

void ReachabilityPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitHeight();
}

void ReachabilityPanel::fitHeight()
{
    // The probe notice wraps in a narrow window, and a splitter knows only minimum heights, not
    // height for width: without this the rows would be squeezed and the clock times cut off.
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > 0 && needed != minimumHeight())
        setMinimumHeight(needed);
}

void ReachabilityPanel::setMacText(int index, const QString& text, bool alarm)
{
    if (index < 0 || index >= m_rows.size())
        return;
    QLabel* mac = m_rows.at(index).mac;
    mac->setText(text.isEmpty() ? QStringLiteral("–") : text);
    mac->setStyleSheet(alarm ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
}

TimelineWidget* ReachabilityPanel::timeline(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).timeline : nullptr;
}

QString ReachabilityPanel::stateText(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).state->text() : QString();
}

QString ReachabilityPanel::macText(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).mac->text() : QString();
}

QString ReachabilityPanel::methodText() const
{
    return m_method->text();
}

void ReachabilityPanel::refresh()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < m_rows.size(); ++i)
        refreshRow(i, now);
}

void ReachabilityPanel::refreshRow(int index, qint64 nowMs)
{
    if (index < 0 || index >= m_rows.size() || index >= m_tracker->targets().size())
        return;
    const Row& row = m_rows.at(index);
    const ProbeHistory& history = m_tracker->history(index);
    QString state;
    QString colour;
    switch (history.state()) {
    case ProbeHistory::State::Up:
        state = tr("UP");
        colour = QStringLiteral("#2e9d48");
        break;
    case ProbeHistory::State::Down:
        state = tr("DOWN");
        colour = QStringLiteral("#d32f2f");
        break;
    case ProbeHistory::State::Unknown:
        state = tr("?");
        colour = QStringLiteral("#9e9e9e");
        break;
    }
    if (row.state->text() != state) {
        row.state->setText(state);
        row.state->setToolTip(
            history.state() == ProbeHistory::State::Unknown ? tr("No answer and no loss yet") : QString());
        row.state->setStyleSheet(
            QStringLiteral("background: %1; color: white; font-weight: bold; border-radius: 3px;")
                .arg(colour));
    }
    row.rtt->setText(rttText(history.lastRttMicros()));
    const LossCount loss = history.loss();
    row.loss->setText(
        loss.total == 0
            ? QStringLiteral("–")
            : tr("%1 % (%2/%3)").arg(loss.ratio() * 100.0, 0, 'f', 1).arg(loss.lost).arg(loss.total));
    row.timeline->setSamples(history.samples(), nowMs);
}

} // namespace baton
