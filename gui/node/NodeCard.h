// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "node/AgentConnection.h"

#include <QFrame>
#include <QHash>
#include <QTimer>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;

namespace baton {

struct GroupStatus;

// One node at a glance: its role (large and coloured, and never an old role passed off as
// live), how long it has held it, its CARP parameters, link and VIP, how well its agent is heard,
// a pending restore's countdown, and the buttons for the drill's manual steps. Every command's
// result or error is shown on the card and handed to the window's event log (commandLogged).
class NodeCard : public QFrame
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 1000;
    static constexpr qint64 CertificateWarningMs = qint64{30} * 24 * 3600 * 1000;
    // Asked before an interface goes down: the restore delay in seconds, or nullopt to cancel.
    using ConfirmationHandler =
        std::function<std::optional<int>(const QString& interface, int defaultSeconds)>;
    // Asked before a hand-over the partner cannot take (HandoverCheck): true to hand over anyway.
    using HandoverQuestionHandler = std::function<bool(const QString& question)>;

    NodeCard(const QString& title, AgentConnection* connection, QWidget* parent = nullptr);

    AgentConnection* connection() const { return m_connection; }
    QString title() const { return m_title; }
    // The agent's name once known, else the title.
    QString nodeName() const;

    // What the Fast failover row says while the agent reports no peer link (FastPathText::withoutLink).
    void setFastPathWithoutLink(const QString& text);

    // The other node of the cluster: a hand-over it cannot take is asked about first.
    void setPartner(const AgentConnection* partner, const QString& name);

    // For automated tests and drills: replaces the LinkDownDialog for every card (an empty
    // handler restores the dialog).
    static void setConfirmationHandler(ConfirmationHandler handler);
    // Likewise for the hand-over question (an empty handler restores the message box).
    static void setHandoverQuestionHandler(HandoverQuestionHandler handler);

public Q_SLOTS:
    // Re-reads the connection; a timer also calls it, so ages and countdowns keep moving.
    void refresh();
    void takeInterfaceDown();
    void bringInterfaceUp();
    void handOver();
    void toggleMaintenance();

Q_SIGNALS:
    // One line for the window's event log, prefixed with the node's name.
    void commandLogged(const QString& text);

private:
    struct Pending
    {
        ControlRequest request;
        QString doing; // "Taking eth0 down for 20 s"
    };

    const GroupStatus* primaryGroup() const;
    bool restorePending(const QString& interface) const;
    qint64 toLocalMs(qint64 agentMs) const;
    qint64 agentNowMs() const;
    void sendLinkDown(const QString& interface, int seconds);
    void sendHandover();
    void send(const ControlRequest& request, const QString& doing);
    void onReplied(qint64 id, const QCborMap& reply);
    void onRefused(qint64 id, const QString& code, const QCborMap& detail);
    void onDisconnected();
    void showInfo(const QString& text, bool error);
    void refreshRole();
    void refreshDetails();
    void refreshCertificate(const AgentStatus& status);
    void refreshConnection();
    void refreshCountdown();
    void refreshButtons();
    void setAccent(const QString& colour);

    QString m_title;
    AgentConnection* m_connection;
    const AgentConnection* m_partner = nullptr;
    QString m_partnerName;
    QTimer m_tick;
    QHash<qint64, Pending> m_pending;
    QString m_accent;

    QLabel* m_heading = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_role = nullptr;
    QLabel* m_since = nullptr;
    QWidget* m_details = nullptr;
    QFormLayout* m_detailsForm = nullptr;
    QLabel* m_interfaceValue = nullptr;
    QLabel* m_linkValue = nullptr;
    QLabel* m_vipValue = nullptr;
    QLabel* m_timingValue = nullptr;
    QLabel* m_peerValue = nullptr;
    QLabel* m_otherGroups = nullptr;
    QLabel* m_fastPathValue = nullptr;
    QString m_fastPathWithoutLink;
    QLabel* m_certificateValue = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QLabel* m_countdown = nullptr;
    QLabel* m_info = nullptr;
    QPushButton* m_takeDown = nullptr;
    QPushButton* m_bringUp = nullptr;
    QPushButton* m_handover = nullptr;
    QPushButton* m_maintenance = nullptr;
};

} // namespace baton
