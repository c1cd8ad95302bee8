// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

namespace baton {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Baton"));
}

} // namespace baton
