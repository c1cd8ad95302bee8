// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QTimer>

class QLabel;
class QSpinBox;

namespace baton {

// Confirms taking a node's interface down and asks when the agent is to bring it back. The
// deadline is not optional (ARCHITECTURE.md: a drill can never strand a node), so the dialog
// shows the clock time it will come back, ticking while the operator hesitates.
class LinkDownDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int DefaultSeconds = 20;

    LinkDownDialog(const QString& node, const QString& interface, int defaultSeconds = DefaultSeconds,
                   QWidget* parent = nullptr);

    QString interface() const { return m_interface; }
    int seconds() const;

private:
    void updateComesBack();

    QString m_interface;
    QSpinBox* m_seconds = nullptr;
    QLabel* m_comesBack = nullptr;
    QTimer m_clock;
};

} // namespace baton
