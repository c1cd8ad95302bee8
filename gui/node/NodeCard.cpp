// SPDX-License-Identifier: GPL-3.0-or-later
#include "NodeCard.h"

#include "DurationText.h"
#include "FastPathText.h"
#include "HandoverCheck.h"
#include "LinkDownDialog.h"
#include "control/ControlError.h"
#include "control/ControlProtocol.h"

#include <QCborArray>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

namespace {
// A light theme's colours, dark enough to read as text on white.
const QLatin1StringView MasterColour("#1b7f3b");
const QLatin1StringView BackupColour("#1f5fbf");
const QLatin1StringView InitColour("#5f6b7a");
const QLatin1StringView MaintenanceColour("#b35c00");
const QLatin1StringView UnknownColour("#80868b");
const QLatin1StringView ErrorColour("#c62828");
const QLatin1StringView LiveColour("#1b7f3b");
const QLatin1StringView WarningColour("#b35c00");

NodeCard::ConfirmationHandler& confirmationHandler()
{
    static NodeCard::ConfirmationHandler handler;
    return handler;
}

NodeCard::HandoverQuestionHandler& handoverQuestionHandler()
{
    static NodeCard::HandoverQuestionHandler handler;
    return handler;
}

QLabel* valueLabel(const char* objectName)
{
    auto* label = new QLabel;
    label->setObjectName(QLatin1StringView(objectName));
    label->setTextFormat(Qt::PlainText); // names and addresses come from the network
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void setColour(QLabel* label, QLatin1StringView colour)
{
    const QString sheet = colour.isEmpty() ? QString() : QString(u"color: " + colour + u';');
    if (label->styleSheet() != sheet)
        label->setStyleSheet(sheet);
}

QString cborText(const QCborValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isInteger())
        return QString::number(value.toInteger());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toDiagnosticNotation();
}

// " (interface: eth9, min: 1)": the fields the agent named, so an error says what it is about.
QString detailText(const QCborMap& detail)
{
    QStringList parts;
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it)
        parts << QString(cborText(it.key()) + u": " + cborText(it.value()));
    return parts.isEmpty() ? QString() : QString(u" (" + parts.join(QStringLiteral(", ")) + u')');
}

// A state as a plain word, for history ("last known: master"), never as the big live role.
QString stateWord(const AgentStatus& status, const GroupStatus& group)
{
    if (status.maintenance || group.maintenance)
        return NodeCard::tr("maintenance");
    switch (group.state) {
    case CarpState::Master:
        return NodeCard::tr("master");
    case CarpState::Backup:
        return NodeCard::tr("backup");
    case CarpState::Init:
        break;
    }
    return NodeCard::tr("init");
}

QString seconds1(qint64 ms)
{
    return NodeCard::tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
}
} // namespace

NodeCard::NodeCard(const QString& title, AgentConnection* connection, QWidget* parent)
    : QFrame(parent)
    , m_title(title)
    , m_connection(connection)
{
    setObjectName(QStringLiteral("nodeCard"));
    setFrameShape(QFrame::StyledPanel);

    m_heading = valueLabel("titleLabel");
    m_heading->setText(title);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_address = valueLabel("addressLabel");
    setColour(m_address, UnknownColour);
    auto* header = new QHBoxLayout;
    header->addWidget(m_heading);
    header->addStretch();
    header->addWidget(m_address);

    m_role = valueLabel("roleLabel");
    m_role->setWordWrap(true);
    m_since = valueLabel("sinceLabel");
    m_since->setWordWrap(true);

    m_details = new QWidget;
    auto* form = m_detailsForm = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft);
    m_interfaceValue = valueLabel("interfaceLabel");
    m_linkValue = valueLabel("linkLabel");
    m_vipValue = valueLabel("vipLabel");
    m_timingValue = valueLabel("timingLabel");
    m_peerValue = valueLabel("peerLabel");
    m_otherGroups = valueLabel("otherGroupsLabel");
    m_otherGroups->setWordWrap(true);
    m_fastPathValue = valueLabel("fastPathLabel");
    m_fastPathValue->setWordWrap(true);
    m_certificateValue = valueLabel("certificateLabel");
    m_certificateValue->setWordWrap(true);
    form->addRow(tr("Interface:"), m_interfaceValue);
    form->addRow(tr("Link:"), m_linkValue);
    form->addRow(tr("VIP:"), m_vipValue);
    form->addRow(tr("CARP:"), m_timingValue);
    form->addRow(tr("Peer:"), m_peerValue);
    form->addRow(tr("Fast failover:"), m_fastPathValue);
    form->addRow(m_otherGroups);
    form->addRow(tr("Certificate:"), m_certificateValue);

    m_connectionLabel = valueLabel("connectionLabel");
    m_connectionLabel->setWordWrap(true);
    m_countdown = valueLabel("countdownLabel");
    m_countdown->setWordWrap(true);
    QFont countdownFont = m_countdown->font();
    countdownFont.setBold(true);
    countdownFont.setPointSizeF(countdownFont.pointSizeF() * 1.2);
    m_countdown->setFont(countdownFont);
    setColour(m_countdown, MaintenanceColour);
    m_info = valueLabel("infoLabel");
    m_info->setWordWrap(true);

    m_takeDown = new QPushButton(tr("Take interface &down…"));
    m_takeDown->setObjectName(QStringLiteral("takeDownButton"));
    m_bringUp = new QPushButton(tr("Bring it &up now"));
    m_bringUp->setObjectName(QStringLiteral("bringUpButton"));
    m_handover = new QPushButton(tr("&Hand over"));
    m_handover->setObjectName(QStringLiteral("handoverButton"));
    m_maintenance = new QPushButton(tr("Start &maintenance"));
    m_maintenance->setObjectName(QStringLiteral("maintenanceButton"));
    connect(m_takeDown, &QPushButton::clicked, this, &NodeCard::takeInterfaceDown);
    connect(m_bringUp, &QPushButton::clicked, this, &NodeCard::bringInterfaceUp);
    connect(m_handover, &QPushButton::clicked, this, &NodeCard::handOver);
    connect(m_maintenance, &QPushButton::clicked, this, &NodeCard::toggleMaintenance);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_takeDown);
    buttons->addWidget(m_bringUp);
    buttons->addWidget(m_handover);
    buttons->addWidget(m_maintenance);
    buttons->addStretch();

    auto* line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 12, 12);
    layout->addLayout(header);
    layout->addWidget(m_role);
    layout->addWidget(m_since);
    layout->addWidget(line);
    layout->addWidget(m_details);
    layout->addWidget(m_connectionLabel);
    layout->addWidget(m_countdown);
    layout->addLayout(buttons);
    layout->addWidget(m_info);
    layout->addStretch();

    connect(m_connection, &AgentConnection::changed, this, &NodeCard::refresh);
    connect(m_connection, &AgentConnection::replied, this, &NodeCard::onReplied);
    connect(m_connection, &AgentConnection::refused, this, &NodeCard::onRefused);
    connect(m_connection, &AgentConnection::disconnected, this, &NodeCard::onDisconnected);
    // Changes arrive through changed(); the tick only ages the "N s ago" texts and the countdown,
    // which count in whole seconds, so a second is often enough (and keeps repaints rare).
    connect(&m_tick, &QTimer::timeout, this, &NodeCard::refresh);
    m_tick.start(RefreshMs);
    refresh();
}

void NodeCard::setConfirmationHandler(ConfirmationHandler handler)
{
    confirmationHandler() = std::move(handler);
}

void NodeCard::setHandoverQuestionHandler(HandoverQuestionHandler handler)
{
    handoverQuestionHandler() = std::move(handler);
}

void NodeCard::setPartner(const AgentConnection* partner, const QString& name)
{
    m_partner = partner;
    m_partnerName = name;
}

QString NodeCard::nodeName() const
{
    if (m_connection->status() && !m_connection->status()->agent.isEmpty())
        return m_connection->status()->agent;
    return m_connection->agentName().isEmpty() ? m_title : m_connection->agentName();
}

const GroupStatus* NodeCard::primaryGroup() const
{
    const auto& status = m_connection->status();
    return status && !status->groups.isEmpty() ? &status->groups.first() : nullptr;
}

bool NodeCard::restorePending(const QString& interface) const
{
    const auto& status = m_connection->status();
    if (!status)
        return false;
    return std::any_of(status->restores.cbegin(), status->restores.cend(),
                       [&](const PendingRestore& r) { return r.interface == interface; });
}

qint64 NodeCard::agentNowMs() const
{
    const auto& status = m_connection->status();
    return status ? status->timeMs + m_connection->statusAgeMs() : QDateTime::currentMSecsSinceEpoch();
}

qint64 NodeCard::toLocalMs(qint64 agentMs) const
{
    // Deadlines and "since" are in the agent's clock: shown on this host's clock, they agree with
    // the countdown even if the two clocks differ.
    return agentMs + (QDateTime::currentMSecsSinceEpoch() - agentNowMs());
}

void NodeCard::setFastPathWithoutLink(const QString& text)
{
    m_fastPathWithoutLink = text;
    refresh();
}

void NodeCard::refresh()
{
    m_address->setText(
        QStringLiteral("%1 · %2:%3").arg(nodeName(), m_connection->host()).arg(m_connection->port()));
    refreshRole();
    refreshDetails();
    refreshConnection();
    refreshCountdown();
    refreshButtons();
}

void NodeCard::refreshRole()
{
    const auto& status = m_connection->status();
    const GroupStatus* group = primaryGroup();
    QFont roleFont = font();
    roleFont.setBold(true);
    if (!m_connection->isLive()) {
        const qint64 heard = m_connection->lastHeardMsAgo();
        if (heard >= 0)
            m_role->setText(tr("unknown — last seen %1 ago").arg(DurationText::format(heard)));
        else if (m_connection->health() == AgentConnection::Health::Connecting)
            m_role->setText(tr("unknown — connecting…"));
        else
            m_role->setText(tr("unknown — never reached"));
        roleFont.setPointSizeF(roleFont.pointSizeF() * 1.5);
        if (m_role->font() != roleFont)
            m_role->setFont(roleFont);
        setColour(m_role, UnknownColour);
        setAccent(UnknownColour);
        // What it was, plainly marked as history.
        if (group)
            m_since->setText(
                tr("Last known: %1 at %2")
                    .arg(stateWord(*status, *group), DurationText::clock(toLocalMs(status->timeMs))));
        else
            m_since->clear();
        setColour(m_since, UnknownColour);
        return;
    }

    QString text = tr("NO GROUPS");
    QLatin1StringView colour = UnknownColour;
    if (group && (status->maintenance || group->maintenance)) {
        text = tr("MAINTENANCE");
        colour = MaintenanceColour;
    } else if (group) {
        switch (group->state) {
        case CarpState::Master:
            text = tr("MASTER");
            colour = MasterColour;
            break;
        case CarpState::Backup:
            text = tr("BACKUP");
            colour = BackupColour;
            break;
        case CarpState::Init:
            text = tr("INIT");
            colour = InitColour;
            break;
        }
    }
    roleFont.setPointSizeF(roleFont.pointSizeF() * 2.4);
    if (m_role->font() != roleFont)
        m_role->setFont(roleFont);
    m_role->setText(text);
    setColour(m_role, colour);
    setAccent(colour);

    if (group && group->sinceMs > 0) {
        const qint64 held = agentNowMs() - group->sinceMs;
        m_since->setText(tr("since %1, for %2 (%3)")
                             .arg(DurationText::clock(toLocalMs(group->sinceMs)), DurationText::format(held),
                                  group->reason));
    } else {
        m_since->clear();
    }
    setColour(m_since, {});
}

void NodeCard::refreshDetails()
{
    const auto& status = m_connection->status();
    const GroupStatus* group = primaryGroup();
    // Old facts stay visible for context but greyed, like the role.
    m_details->setEnabled(m_connection->isLive());
    m_details->setVisible(group != nullptr);
    if (!group)
        return;
    m_interfaceValue->setText(
        tr("%1 · vhid %2 · %3").arg(group->interface).arg(group->vhid).arg(group->source));
    m_linkValue->setText(group->linkUp ? tr("up") : tr("down"));
    setColour(m_linkValue, group->linkUp ? QLatin1StringView() : WarningColour);
    const QString vips = group->vips.join(QStringLiteral(", "));
    m_vipValue->setText(group->vipHeld ? tr("%1 held here").arg(vips) : tr("%1 not held").arg(vips));
    m_timingValue->setText(tr("advbase %1 s · advskew %2 · demote %3 · preempt %4")
                               .arg(group->advbase)
                               .arg(group->advskew)
                               .arg(group->demote)
                               .arg(group->preempt ? tr("on") : tr("off")));
    if (group->peer.isEmpty())
        m_peerValue->setText(tr("none heard"));
    else
        m_peerValue->setText(
            tr("%1, heard %2 ago").arg(group->peer, DurationText::format(agentNowMs() - group->peerHeardMs)));
    QStringList others;
    for (qsizetype i = 1; i < status->groups.size(); ++i) {
        const GroupStatus& g = status->groups.at(i);
        others << tr("vhid %1 on %2: %3").arg(g.vhid).arg(g.interface, stateWord(*status, g).toUpper());
    }
    m_otherGroups->setText(others.join(QLatin1Char('\n')));
    m_fastPathValue->setText(FastPathText::describe(status->peerLink, m_fastPathWithoutLink));
    setColour(m_fastPathValue,
              status->peerLink && !status->peerLink->ready() ? WarningColour : QLatin1StringView());
    refreshCertificate(*status);
    // A hidden widget would still leave its row's spacing behind.
    m_detailsForm->setRowVisible(m_otherGroups, !others.isEmpty());
}

void NodeCard::refreshCertificate(const AgentStatus& status)
{
    // Only worth a row when something is to be done: an expiry within 30 days, or a problem.
    const qint64 left = status.certificateExpiresMs - agentNowMs();
    QString text;
    if (!status.controlProblem.isEmpty())
        text = tr("the agent cannot use its certificate files (%1): renew them before its channel restarts")
                   .arg(status.controlProblem);
    else if (status.certificateExpiresMs > 0 && left < CertificateWarningMs)
        text = left <= 0
                   ? tr("expired on %1").arg(DurationText::clock(toLocalMs(status.certificateExpiresMs)))
                   : tr("expires in %1, on %2: issue a new one (batonctl pki issue-agent --replace)")
                         .arg(DurationText::format(left),
                              QDateTime::fromMSecsSinceEpoch(toLocalMs(status.certificateExpiresMs))
                                  .toString(QStringLiteral("yyyy-MM-dd")));
    m_certificateValue->setText(text);
    setColour(m_certificateValue, WarningColour);
    m_detailsForm->setRowVisible(m_certificateValue, !text.isEmpty());
}

void NodeCard::refreshConnection()
{
    const qint64 heard = m_connection->lastHeardMsAgo();
    switch (m_connection->health()) {
    case AgentConnection::Health::Connecting:
        m_connectionLabel->setText(
            tr("Agent: connecting to %1:%2…").arg(m_connection->host()).arg(m_connection->port()));
        setColour(m_connectionLabel, UnknownColour);
        return;
    case AgentConnection::Health::Live:
        m_connectionLabel->setText(tr("Agent: live · last heartbeat %1 ago · %2")
                                       .arg(seconds1(heard), m_connection->mayChange()
                                                                 ? tr("operator access")
                                                                 : tr("read-only access")));
        setColour(m_connectionLabel, LiveColour);
        return;
    case AgentConnection::Health::Stale:
        m_connectionLabel->setText(
            tr("Agent: stale · connected, but nothing heard for %1").arg(DurationText::format(heard)));
        setColour(m_connectionLabel, WarningColour);
        return;
    case AgentConnection::Health::Unreachable:
        break;
    }
    // With its link down the agent is often unreachable over that very link: expected, not alarming.
    const auto& status = m_connection->status();
    if (status && !status->restores.isEmpty() && status->restores.first().deadlineMs > agentNowMs()) {
        m_connectionLabel->setText(
            tr("Agent: unreachable (expected: its link is down until %1) · %2")
                .arg(DurationText::clock(toLocalMs(status->restores.first().deadlineMs)),
                     m_connection->lastError()));
        setColour(m_connectionLabel, WarningColour);
        return;
    }
    m_connectionLabel->setText(tr("Agent: unreachable · %1 · retrying every %2 s")
                                   .arg(m_connection->lastError())
                                   .arg(AgentConnection::RetryMs / 1000));
    setColour(m_connectionLabel, ErrorColour);
}

void NodeCard::refreshCountdown()
{
    const auto& status = m_connection->status();
    QStringList lines;
    if (status) {
        // Counted on from the last snapshot while the agent is silent: the agent restores the
        // link by itself, whether or not we hear it.
        for (const PendingRestore& r : status->restores) {
            const qint64 left = r.deadlineMs - agentNowMs();
            const QString at = DurationText::clock(toLocalMs(r.deadlineMs));
            if (left > 0)
                lines << tr("%1 comes back in %2 (at %3)")
                             .arg(r.interface, DurationText::format(DurationText::secondsLeft(left) * 1000),
                                  at);
            else
                lines << tr("%1 was due back at %2").arg(r.interface, at);
        }
    }
    m_countdown->setText(lines.join(QLatin1Char('\n')));
    m_countdown->setVisible(!lines.isEmpty());
}

void NodeCard::refreshButtons()
{
    const auto& status = m_connection->status();
    const GroupStatus* group = primaryGroup();
    const bool live = m_connection->isLive();
    const bool mayChange = m_connection->mayChange();
    QString why; // why every mutating button is off, if one reason covers them all
    if (!live)
        why = tr("The agent is not connected live.");
    else if (!mayChange)
        why = tr("This console's certificate is read-only: it may watch, not change anything.");
    else if (!group)
        why = tr("The agent has no CARP group.");
    else if (!m_pending.isEmpty()) // one at a time: a double click must not take a link down twice
        why = tr("Waiting for the agent's answer to the last command.");
    const bool usable = why.isEmpty();
    const QString interface = group ? group->interface : QString();
    const bool pending = group && restorePending(interface);

    const auto set = [&](QPushButton* button, bool enabled, const QString& tip) {
        button->setEnabled(usable && enabled);
        button->setToolTip(usable ? tip : why);
    };
    const bool linkUp = group && group->linkUp;
    set(m_takeDown, linkUp && !pending,
        pending  ? tr("%1 is already down; the agent brings it back by itself.").arg(interface)
        : linkUp ? tr("Set %1 down on this node; the agent brings it back after a delay you choose.")
                       .arg(interface)
                 : tr("%1 is down already.").arg(interface));
    set(m_bringUp, pending || (group && !linkUp),
        pending || (group && !linkUp) ? tr("Set %1 up now instead of at its restore deadline.").arg(interface)
                                      : tr("No restore is pending: %1 is up.").arg(interface));
    const bool master = group && group->state == CarpState::Master;
    set(m_handover, master && !status->maintenance,
        master ? tr("Give up the VIP now: the peer takes over at once.")
               : tr("Only the master can hand over."));
    const bool maintenance = status && status->maintenance;
    m_maintenance->setText(maintenance ? tr("End &maintenance") : tr("Start &maintenance"));
    set(m_maintenance, true,
        maintenance ? tr("Let this node take part in elections again.")
                    : tr("Keep this node backup (demoted) until maintenance ends, also across restarts."));
}

void NodeCard::setAccent(const QString& colour)
{
    if (colour == m_accent)
        return;
    m_accent = colour;
    // A coloured edge carries the role even when the card is seen from across the room.
    setStyleSheet(QStringLiteral("#nodeCard { background: palette(base); border: 1px solid #d0d4d9; "
                                 "border-left: 6px solid %1; border-radius: 6px; }")
                      .arg(colour));
}

void NodeCard::takeInterfaceDown()
{
    const GroupStatus* group = primaryGroup();
    if (!group)
        return;
    const QString interface = group->interface;
    if (confirmationHandler()) {
        if (const std::optional<int> seconds =
                confirmationHandler()(interface, LinkDownDialog::DefaultSeconds))
            sendLinkDown(interface, *seconds);
        return;
    }
    // open(), not exec(): the window keeps updating (no nested event loop) while it asks.
    auto* dialog = new LinkDownDialog(nodeName(), interface, LinkDownDialog::DefaultSeconds, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { sendLinkDown(dialog->interface(), dialog->seconds()); });
    dialog->open();
}

void NodeCard::sendLinkDown(const QString& interface, int seconds)
{
    ControlRequest request;
    request.verb = ControlRequest::Verb::LinkDown;
    request.interface = interface;
    request.restoreAfterSeconds = seconds;
    send(request, tr("Taking %1 down for %2").arg(interface, DurationText::format(qint64{seconds} * 1000)));
}

void NodeCard::bringInterfaceUp()
{
    const GroupStatus* group = primaryGroup();
    if (!group)
        return;
    ControlRequest request;
    request.verb = ControlRequest::Verb::LinkUp;
    request.interface = group->interface;
    send(request, tr("Bringing %1 up").arg(group->interface));
}

void NodeCard::handOver()
{
    const GroupStatus* group = primaryGroup();
    const QString problem = m_partner && group
                                ? HandoverCheck::partnerProblem(*m_partner, m_partnerName, group->vhid)
                                : QString();
    if (problem.isEmpty()) {
        sendHandover();
        return;
    }
    const QString question = HandoverCheck::question(problem, *group);
    const auto declined = [this, problem] {
        showInfo(tr("Not handed over: %1.").arg(problem), false);
        Q_EMIT commandLogged(tr("Hand-over not sent: %1").arg(problem));
    };
    if (handoverQuestionHandler()) {
        if (handoverQuestionHandler()(question))
            sendHandover();
        else
            declined();
        return;
    }
    // open(), not exec(): the window keeps updating while it asks. "No" is the default.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Hand over %1?").arg(nodeName()), question,
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, declined](int result) {
        if (result == QMessageBox::Yes)
            sendHandover();
        else
            declined();
    });
    box->open();
}

void NodeCard::sendHandover()
{
    ControlRequest request;
    request.verb = ControlRequest::Verb::Handover;
    send(request, tr("Handing over"));
}

void NodeCard::toggleMaintenance()
{
    const auto& status = m_connection->status();
    ControlRequest request;
    request.verb = ControlRequest::Verb::Maintenance;
    request.maintenanceOn = !(status && status->maintenance);
    send(request, request.maintenanceOn ? tr("Starting maintenance") : tr("Ending maintenance"));
}

void NodeCard::send(const ControlRequest& request, const QString& doing)
{
    const qint64 id = m_connection->send(request);
    if (id == 0) {
        showInfo(tr("%1 failed: the agent is not connected.").arg(doing), true);
        return;
    }
    m_pending.insert(id, Pending{request, doing});
    showInfo(tr("%1…").arg(doing), false);
    refreshButtons();
}

void NodeCard::onReplied(qint64 id, const QCborMap& reply)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    const ControlRequest& r = pending.request;
    switch (r.verb) {
    case ControlRequest::Verb::LinkDown:
        showInfo(tr("%1 is down; the agent brings it back at %2.")
                     .arg(r.interface,
                          DurationText::clock(toLocalMs(reply.value(control::key::Deadline).toInteger()))),
                 false);
        break;
    case ControlRequest::Verb::LinkUp:
        showInfo(tr("%1 is up again.").arg(r.interface), false);
        break;
    case ControlRequest::Verb::Handover:
        showInfo(tr("Handed over: the peer takes the VIP."), false);
        break;
    case ControlRequest::Verb::Maintenance:
        showInfo(r.maintenanceOn ? tr("Maintenance is on: this node stays backup.")
                                 : tr("Maintenance is off."),
                 false);
        break;
    default:
        showInfo(tr("%1: done.").arg(pending.doing), false);
        break;
    }
    refresh();
}

void NodeCard::onRefused(qint64 id, const QString& code, const QCborMap& detail)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const QString doing = it->doing;
    m_pending.erase(it);
    showInfo(tr("%1 failed: %2").arg(doing, QString(ControlErrors::describe(code) + detailText(detail))),
             true);
    refreshButtons();
}

void NodeCard::onDisconnected()
{
    // No reply will come for what was in flight; whether it happened shows once the agent is back.
    for (const Pending& p : std::as_const(m_pending))
        showInfo(tr("%1: no answer, the connection was lost. The node's state shows once the agent is back.")
                     .arg(p.doing),
                 true);
    m_pending.clear();
    refreshButtons();
}

void NodeCard::showInfo(const QString& text, bool error)
{
    m_info->setText(tr("%1  %2").arg(DurationText::clock(QDateTime::currentMSecsSinceEpoch()), text));
    setColour(m_info, error ? ErrorColour : QLatin1StringView());
    Q_EMIT commandLogged(tr("%1: %2").arg(nodeName(), text));
}

} // namespace baton
