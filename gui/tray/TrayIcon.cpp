// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayIcon.h"

#include "watch/ClusterFleet.h"

#include <QAction>
#include <QLinearGradient>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace baton {

namespace {
constexpr int TooltipClusters = 8;

// Baton's own icon where the desktop's theme has it (installed); the build tree draws its outline.
void paintBase(QPainter& painter, int size)
{
    const QIcon themed = QIcon::fromTheme(QStringLiteral("org.example.baton"));
    if (!themed.isNull()) {
        painter.drawPixmap(0, 0, themed.pixmap(size));
        return;
    }
    const QRectF square(size * 0.05, size * 0.05, size * 0.9, size * 0.9);
    QLinearGradient sky(square.topLeft(), square.bottomLeft());
    sky.setColorAt(0, QColor(0x3a, 0x7b, 0xe0));
    sky.setColorAt(1, QColor(0x17, 0x3f, 0x8a));
    painter.setPen(Qt::NoPen);
    painter.setBrush(sky);
    painter.drawRoundedRect(square, size * 0.2, size * 0.2);
    painter.save();
    painter.translate(size * 0.5, size * 0.38);
    painter.rotate(-28);
    painter.setBrush(QColor(0xf6, 0x8b, 0x1f));
    painter.drawRoundedRect(QRectF(-size * 0.3, -size * 0.08, size * 0.6, size * 0.16), size * 0.08,
                            size * 0.08);
    painter.restore();
}
} // namespace

TrayIcon::TrayIcon(ClusterFleet* fleet, QObject* parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    QAction* show = m_menu->addAction(tr("Show Baton"));
    connect(show, &QAction::triggered, this, &TrayIcon::showRequested);
    QAction* overview = m_menu->addAction(tr("Overview of all clusters"));
    connect(overview, &QAction::triggered, this, &TrayIcon::overviewRequested);
    m_quitSeparator = m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit Baton"));
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_fleet, &ClusterFleet::membersChanged, this, &TrayIcon::update);
    connect(m_fleet, &ClusterFleet::watchChanged, this, &TrayIcon::update);
    m_health = fleetHealth();
    m_tray->setIcon(icon(m_health));
    m_tray->setToolTip(toolTip());
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a menu has no parent: QSystemTrayIcon does not own its context menu
}

ClusterWatch::Health TrayIcon::fleetHealth() const
{
    // Grey with nothing to watch: a green icon would claim something was checked.
    return m_fleet->watches().isEmpty() ? ClusterWatch::Health::Unknown : m_fleet->worst();
}

bool TrayIcon::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QColor TrayIcon::colour(ClusterWatch::Health health)
{
    switch (health) {
    case ClusterWatch::Health::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case ClusterWatch::Health::Unknown:
        return QColor(0x9e, 0x9e, 0x9e);
    case ClusterWatch::Health::Warning:
        return QColor(0xf9, 0xa8, 0x25);
    case ClusterWatch::Health::Alarm:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::black;
}

QIcon TrayIcon::icon(ClusterWatch::Health health)
{
    QIcon result;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap picture(size, size);
        picture.fill(Qt::transparent);
        QPainter painter(&picture);
        painter.setRenderHint(QPainter::Antialiasing);
        paintBase(painter, size);
        // The state: a dot in the lower right, ringed so that it reads on any panel colour.
        const qreal diameter = size * 0.55;
        const QRectF dot(size - diameter, size - diameter, diameter, diameter);
        painter.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
        painter.setBrush(colour(health));
        painter.drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5));
        painter.end();
        result.addPixmap(picture);
    }
    return result;
}

QString TrayIcon::toolTip() const
{
    const QList<ClusterWatch*>& watches = m_fleet->watches();
    if (watches.isEmpty())
        return tr("Baton: no cluster to watch");
    QStringList lines{tr("Baton: clusters watched: %1").arg(watches.size())};
    QStringList trouble;
    for (const ClusterWatch* watch : watches) {
        if (watch->health() == ClusterWatch::Health::Ok)
            continue;
        const QString why = !watch->alarms().isEmpty()          ? watch->alarms().constFirst()
                            : !watch->identityError().isEmpty() ? watch->identityError()
                                                                : tr("nothing heard yet");
        trouble.append(tr("%1: %2").arg(watch->label(), why));
    }
    if (trouble.isEmpty())
        lines.append(tr("All well"));
    lines.append(trouble.mid(0, TooltipClusters));
    if (trouble.size() > TooltipClusters)
        lines.append(tr("and %1 more").arg(trouble.size() - TooltipClusters));
    return lines.join(u'\n');
}

void TrayIcon::addToggle(QAction* action)
{
    m_menu->insertAction(m_quitSeparator, action);
}

void TrayIcon::update()
{
    const ClusterWatch::Health health = fleetHealth();
    if (health != m_health) {
        m_health = health;
        m_tray->setIcon(icon(health));
    }
    m_tray->setToolTip(toolTip());
}

} // namespace baton
