// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

namespace baton {

// An alarm nobody can miss: a coloured band across the top of the window with a title and one line
// per thing seen, hidden while there is nothing to say. A dismissable one has a button that
// acknowledges what it shows (the owner decides what that means).
class AlarmBanner : public QFrame
{
    Q_OBJECT
public:
    AlarmBanner(const QString& objectName, const QString& title, const QString& colour, bool dismissable,
                QWidget* parent = nullptr);

    void setLines(const QStringList& lines);
    QString text() const;

Q_SIGNALS:
    void dismissed();

private:
    QLabel* m_details = nullptr;
};

} // namespace baton
