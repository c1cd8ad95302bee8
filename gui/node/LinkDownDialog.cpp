// SPDX-License-Identifier: GPL-3.0-or-later
#include "LinkDownDialog.h"

#include "DurationText.h"
#include "control/ControlProtocol.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace baton {

LinkDownDialog::LinkDownDialog(const QString& node, const QString& interface, int defaultSeconds,
                               QWidget* parent)
    : QDialog(parent)
    , m_interface(interface)
{
    setObjectName(QStringLiteral("linkDownDialog"));
    setWindowTitle(tr("Take %1 down").arg(interface));

    auto* heading =
        new QLabel(tr("<b>Take %1 down on %2?</b>").arg(interface.toHtmlEscaped(), node.toHtmlEscaped()));
    auto* explanation =
        new QLabel(tr("The agent sets the link down now and brings it up again by itself when the time "
                      "below has passed, even if this window closes or loses its connection."));
    explanation->setWordWrap(true);

    m_seconds = new QSpinBox;
    m_seconds->setObjectName(QStringLiteral("restoreSeconds"));
    m_seconds->setRange(control::RestoreMinSeconds, control::RestoreMaxSeconds);
    m_seconds->setValue(defaultSeconds);
    m_seconds->setSuffix(tr(" s"));
    m_comesBack = new QLabel;
    m_comesBack->setObjectName(QStringLiteral("comesBackLabel"));
    auto* form = new QFormLayout;
    form->addRow(tr("Bring it back &after:"), m_seconds);
    form->addRow(tr("It comes back at:"), m_comesBack);

    auto* warning = new QLabel(tr("If this console reaches the agent over %1, the agent stays unreachable "
                                  "until the link is back.")
                                   .arg(interface));
    warning->setWordWrap(true);
    warning->setEnabled(false); // a quieter grey: a note, not an alarm

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("linkDownButtons"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Take %1 &down").arg(interface));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(warning);
    layout->addWidget(buttons);

    connect(m_seconds, &QSpinBox::valueChanged, this, &LinkDownDialog::updateComesBack);
    connect(&m_clock, &QTimer::timeout, this, &LinkDownDialog::updateComesBack);
    m_clock.start(500);
    updateComesBack();
    setMinimumWidth(420);
}

int LinkDownDialog::seconds() const
{
    return m_seconds->value();
}

void LinkDownDialog::updateComesBack()
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch() + qint64{seconds()} * 1000;
    m_comesBack->setText(
        tr("%1 (in %2)").arg(DurationText::clock(at), DurationText::format(qint64{seconds()} * 1000)));
}

} // namespace baton
