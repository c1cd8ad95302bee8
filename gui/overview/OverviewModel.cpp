// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewModel.h"

#include "net/Ipv4.h"
#include "tray/TrayIcon.h"
#include "watch/ClusterFleet.h"

#include <QDateTime>
#include <QLocale>

namespace baton {

OverviewModel::OverviewModel(ClusterFleet* fleet, QObject* parent)
    : QAbstractTableModel(parent)
    , m_fleet(fleet)
{
    connect(m_fleet, &ClusterFleet::membersChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(m_fleet, &ClusterFleet::watchChanged, this, [this](ClusterWatch* watch) {
        const auto row = static_cast<int>(m_fleet->watches().indexOf(watch));
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int OverviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fleet->watches().size());
}

int OverviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClusterColumn:
        return tr("Cluster");
    case VipColumn:
        return tr("VIP");
    case MasterColumn:
        return tr("MASTER");
    case FailoverColumn:
        return tr("Last failover");
    case AlarmsColumn:
        return tr("Alarms");
    default:
        return {};
    }
}

QString OverviewModel::healthText(int health)
{
    switch (static_cast<ClusterWatch::Health>(health)) {
    case ClusterWatch::Health::Ok:
        return tr("All well");
    case ClusterWatch::Health::Unknown:
        return tr("Nothing heard yet");
    case ClusterWatch::Health::Warning:
        return tr("Needs attention");
    case ClusterWatch::Health::Alarm:
        return tr("Alarm: the VIP is at risk");
    }
    return {};
}

QVariant OverviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ClusterWatch& watch = *m_fleet->watches().at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(watch, column);
    case LabelRole:
        return watch.label();
    case SortRole:
        if (column == ClusterColumn) // worst first when sorted up, then by name
            return QString(QChar(u'9' - static_cast<char16_t>(watch.health())) + watch.label());
        if (column == FailoverColumn)
            return watch.lastFailover() ? -watch.lastFailover()->timeMs : 0; // latest first
        return display(watch, column);
    case Qt::DecorationRole:
        if (column == ClusterColumn)
            return TrayIcon::colour(watch.health());
        return {};
    case Qt::ForegroundRole:
        if ((column == VipColumn && watch.vip() == ClusterWatch::Vip::Silent) ||
            (column == MasterColumn && watch.masters().size() != 1) ||
            (column == AlarmsColumn && watch.health() == ClusterWatch::Health::Alarm))
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::ToolTipRole:
        if (column == ClusterColumn)
            return healthText(static_cast<int>(watch.health()));
        if (column == AlarmsColumn && !watch.alarms().isEmpty())
            return watch.alarms().join(u'\n');
        if (column == AlarmsColumn && !watch.identityError().isEmpty())
            return watch.identityError();
        return {};
    default:
        return {};
    }
}

QVariant OverviewModel::display(const ClusterWatch& watch, int column) const
{
    switch (column) {
    case ClusterColumn:
        return watch.label();
    case VipColumn: {
        const QString address = Ipv4::toString(watch.cluster().vip.address);
        switch (watch.vip()) {
        case ClusterWatch::Vip::Answering:
            return tr("%1 answers").arg(address);
        case ClusterWatch::Vip::Silent:
            return tr("%1 SILENT").arg(address);
        case ClusterWatch::Vip::Unknown:
            return tr("%1 not probed yet").arg(address);
        }
        return address;
    }
    case MasterColumn:
        return masterText(watch);
    case FailoverColumn:
        return failoverText(watch);
    case AlarmsColumn: {
        const QStringList alarms = watch.alarms();
        if (alarms.isEmpty())
            return watch.identityError().isEmpty() ? tr("none") : tr("cannot connect");
        if (alarms.size() == 1)
            return alarms.constFirst();
        return tr("%1 (and %2 more)").arg(alarms.constFirst()).arg(alarms.size() - 1);
    }
    default:
        return {};
    }
}

QString OverviewModel::masterText(const ClusterWatch& watch) const
{
    const QStringList masters = watch.masters();
    if (masters.size() > 1)
        return tr("%1 (two holders)").arg(masters.join(tr(" and ")));
    if (masters.size() == 1)
        return masters.constFirst();
    if (watch.health() == ClusterWatch::Health::Unknown)
        return tr("unknown");
    return tr("none");
}

QString OverviewModel::failoverText(const ClusterWatch& watch) const
{
    const auto& failover = watch.lastFailover();
    if (!failover)
        return tr("none seen");
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(failover->timeMs);
    const QLocale locale;
    const QString at = when.date() == QDate::currentDate()
                           ? locale.toString(when.time(), QLocale::ShortFormat)
                           : locale.toString(when, QLocale::ShortFormat);
    const QString move =
        tr("%1: %2 → %3").arg(at, failover->from.isEmpty() ? tr("?") : failover->from, failover->to);
    if (!failover->outageMs)
        return move;
    const qint64 outage = *failover->outageMs;
    const QString length =
        outage < 1000 ? tr("%1 ms").arg(outage)
                      : tr("%1 s").arg(locale.toString(static_cast<double>(outage) / 1000.0, 'f', 1));
    return tr("%1, outage %2").arg(move, length);
}

} // namespace baton
