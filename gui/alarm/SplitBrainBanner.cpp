// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitBrainBanner.h"

#include "alarm/SplitBrainMonitor.h"

#include <QLabel>
#include <QVBoxLayout>

namespace baton {

SplitBrainBanner::SplitBrainBanner(SplitBrainMonitor* monitor, QWidget* parent)
    : QFrame(parent)
    , m_monitor(monitor)
{
    setObjectName(QStringLiteral("splitBrainBanner"));
    // A style sheet rather than the palette: styles such as Fusion ignore a frame's Window colour.
    setStyleSheet(QStringLiteral("#splitBrainBanner { background: #c62828; border-radius: 4px; }"
                                 "#splitBrainBanner QLabel { color: white; background: transparent; }"));
    m_title = new QLabel(tr("SPLIT BRAIN"), this);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.5);
    m_title->setFont(font);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    connect(m_monitor, &SplitBrainMonitor::changed, this, &SplitBrainBanner::refresh);
    refresh();
}

QString SplitBrainBanner::text() const
{
    return m_details->text();
}

void SplitBrainBanner::refresh()
{
    m_details->setText(m_monitor->reasons().join(u'\n'));
    setVisible(m_monitor->isAlarmed());
}

} // namespace baton
