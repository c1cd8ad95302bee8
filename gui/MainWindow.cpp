// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QLabel>
#include <QStatusBar>

namespace baton {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Baton"));
    // Placeholder until the window issue: says plainly what this build can and cannot do yet.
    auto* label = new QLabel(tr("<h2>Baton</h2><p>No cluster is open.</p>"
                                "<p>This build contains the failover agent <tt>batond</tt> and the "
                                "<tt>batonctl</tt> tool; the node view, reachability probes and one-click "
                                "interface tests come with the window release.</p>"),
                             this);
    label->setWordWrap(true);
    label->setMargin(24);
    setCentralWidget(label);
    statusBar()->showMessage(tr("Version %1").arg(QStringLiteral(BATON_VERSION)));
    resize(640, 360);
}

} // namespace baton
