// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace baton {

class SplitBrainMonitor;

// The alarm nobody can miss: a red band across the top of the window, shown while the monitor
// sees split brain, saying what was seen. Hidden otherwise.
class SplitBrainBanner : public QFrame
{
    Q_OBJECT
public:
    explicit SplitBrainBanner(SplitBrainMonitor* monitor, QWidget* parent = nullptr);

    QString text() const;

private:
    void refresh();

    SplitBrainMonitor* m_monitor;
    QLabel* m_title = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace baton
