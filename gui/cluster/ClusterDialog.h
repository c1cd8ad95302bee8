// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ClusterDefinition.h"

#include <QDialog>
#include <QHash>
#include <QPalette>

#include <array>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace baton {

// Adds or edits one cluster: its name, VIP, vhid, CARP password and timing, the PKI folder and
// which console certificate of it to use, and both nodes with their agents' addresses. Checked as
// it is typed with ClusterDefinition's own rules (the same ones batonctl and the config generator
// apply): each problem is listed and its field marked, and OK stays disabled until there is none.
// Notes (advisories) are shown but do not block.
class ClusterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ClusterDialog(QWidget* parent = nullptr);

    void setDefinition(const ClusterDefinition& definition);
    // What the fields say, if they can be read at all (addresses parse, and so on); not validated.
    std::optional<ClusterDefinition> definition() const;
    // Names other clusters have already: taking one of them is a problem too.
    void setTakenNames(const QStringList& names);
    // Every problem, one line each ("vip: ..."); empty when OK is enabled.
    QStringList problems() const { return m_problems; }

private:
    struct NodeFields
    {
        QLineEdit* name = nullptr;
        QLineEdit* address = nullptr;
        QLineEdit* interface = nullptr;
        QSpinBox* advskew = nullptr;
        QLineEdit* agentAddress = nullptr;
        QSpinBox* agentPort = nullptr;
        QLineEdit* ssh = nullptr;
    };
    QWidget* makeNode(int index);
    void browsePki();
    void listConsoles();
    // The console choice against the PKI folder's certificates; empty when it is usable.
    QString consoleProblem(const ClusterDefinition& definition) const;
    void check();
    void mark(QWidget* field, const QString& problem);
    std::optional<ClusterDefinition> read(QString* error) const;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_vip = nullptr;
    QSpinBox* m_vhid = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_showPassword = nullptr;
    QSpinBox* m_advbase = nullptr;
    QCheckBox* m_preempt = nullptr;
    QLineEdit* m_pkiDir = nullptr;
    QComboBox* m_console = nullptr; // editable: empty means the only console certificate there
    std::array<NodeFields, 2> m_nodes;
    QLabel* m_problemsLabel = nullptr;
    QLabel* m_notesLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QHash<QString, QWidget*> m_fields;    // ClusterDefinition's field names ("nodes[1].address")
    QHash<QWidget*, QPalette> m_palettes; // each field's own palette and tooltip, to undo a mark
    QHash<QWidget*, QString> m_toolTips;
    quint32 m_deadratio = 3; // not shown: kept as it was
    QStringList m_takenNames;
    QStringList m_problems;
};

} // namespace baton
