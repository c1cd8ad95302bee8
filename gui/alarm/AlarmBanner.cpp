// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlarmBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

AlarmBanner::AlarmBanner(const QString& objectName, const QString& title, const QString& colour,
                         bool dismissable, QWidget* parent)
    : QFrame(parent)
{
    setObjectName(objectName);
    // A style sheet rather than the palette: styles such as Fusion ignore a frame's Window colour.
    setStyleSheet(QStringLiteral("#%1 { background: %2; border-radius: 4px; }"
                                 "#%1 QLabel { color: white; background: transparent; }")
                      .arg(objectName, colour));
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.5);
    heading->setFont(font);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* top = new QHBoxLayout;
    top->addWidget(heading, 1);
    if (dismissable) {
        auto* dismiss = new QPushButton(tr("&Acknowledge"), this);
        dismiss->setObjectName(objectName + QStringLiteral("Dismiss"));
        connect(dismiss, &QPushButton::clicked, this, &AlarmBanner::dismissed);
        top->addWidget(dismiss);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_details);
    setLines({});
}

void AlarmBanner::setLines(const QStringList& lines)
{
    m_details->setText(lines.join(u'\n'));
    setVisible(!lines.isEmpty());
}

QString AlarmBanner::text() const
{
    return m_details->text();
}

} // namespace baton
