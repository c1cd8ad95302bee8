// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertsCommand.h"

#include "CarpSocket.h"
#include "NetlinkRoute.h"
#include "carp/AdvertInspector.h"
#include "config/AgentConfigParser.h"
#include "config/IfupdownReader.h"
#include "net/PcapReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTextStream>

namespace baton {

namespace {

bool loadKeys(const QCommandLineParser& p, AdvertInspector& inspector, QTextStream& err)
{
    QList<quint32> vips;
    for (const QString& text : p.values(QStringLiteral("vip"))) {
        const auto vip = Ipv4::parse(text);
        if (!vip) {
            err << "batonctl: --vip: expected a dotted-quad address, got '" << text << "'\n";
            return false;
        }
        vips << *vip;
    }
    if (p.isSet(QStringLiteral("password-file"))) {
        if (vips.isEmpty()) {
            err << "batonctl: --password-file needs --vip too: the HMAC covers the VIP list\n";
            return false;
        }
        QFile file(p.value(QStringLiteral("password-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "batonctl: " << file.fileName() << ": " << file.errorString() << '\n';
            return false;
        }
        QByteArray password = file.readLine();
        while (password.endsWith('\n') || password.endsWith('\r'))
            password.chop(1);
        inspector.setDefaultKey(password, vips);
    }
    for (const QString& option : {QStringLiteral("config"), QStringLiteral("interfaces")}) {
        if (!p.isSet(option))
            continue;
        const ConfigResult r = option == QLatin1StringView("config")
                                   ? AgentConfigParser::parseFile(p.value(option))
                                   : IfupdownReader::readFile(p.value(option));
        for (const ConfigError& e : r.errors)
            err << "batonctl: " << e.toString() << '\n';
        if (!r.ok())
            return false;
        for (const GroupConfig& g : r.config.groups) {
            QList<quint32> groupVips;
            for (const Ipv4Prefix& v : g.vips)
                groupVips << v.address;
            inspector.addKey(g.vhid, g.password, groupVips);
        }
    }
    return true;
}

int fromPcap(const QString& path, const AdvertInspector& inspector, int count, QTextStream& out,
             QTextStream& err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "batonctl: " << path << ": " << file.errorString() << '\n';
        return 1;
    }
    PcapReader reader(file.readAll());
    int shown = 0;
    while (const auto packet = reader.next()) {
        const auto result = inspector.inspect(packet->ipv4, packet->timestampMicros);
        if (result.line.isEmpty())
            continue;
        out << result.line << '\n';
        if (++shown == count)
            return 0;
    }
    if (!reader.error().isEmpty()) {
        err << "batonctl: " << path << ": " << reader.error() << '\n';
        return 1;
    }
    return 0;
}

} // namespace

int AdvertsCommand::run(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Decode the CARP adverts seen on an interface or in a capture."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("interface"), QStringLiteral("Listen live on this interface (needs CAP_NET_RAW)."),
         QStringLiteral("if")},
        {QStringLiteral("pcap"), QStringLiteral("Read a capture file instead."), QStringLiteral("file")},
        {QStringLiteral("password-file"), QStringLiteral("Check HMACs with this password (needs --vip)."),
         QStringLiteral("file")},
        {QStringLiteral("vip"), QStringLiteral("A VIP of the group (repeat for several)."),
         QStringLiteral("addr")},
        {QStringLiteral("config"), QStringLiteral("Take passwords and VIPs from a batond.conf."),
         QStringLiteral("file")},
        {QStringLiteral("interfaces"), QStringLiteral("Take them from ucarp-* stanzas."),
         QStringLiteral("file")},
        {QStringLiteral("count"), QStringLiteral("Stop after N adverts."), QStringLiteral("n")},
    });
    p.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool countOk = true;
    const int count = p.isSet(QStringLiteral("count")) ? p.value(QStringLiteral("count")).toInt(&countOk) : 0;
    if (!countOk || count < 0) {
        err << "batonctl: --count: expected a whole number (0: no limit), got '"
            << p.value(QStringLiteral("count")) << "'\n";
        return 2;
    }
    AdvertInspector inspector;
    if (!loadKeys(p, inspector, err))
        return 2;
    if (p.isSet(QStringLiteral("pcap")))
        return fromPcap(p.value(QStringLiteral("pcap")), inspector, count, out, err);
    if (!p.isSet(QStringLiteral("interface"))) {
        err << "batonctl: adverts needs --interface IF or --pcap FILE\n";
        return 2;
    }
    const QString name = p.value(QStringLiteral("interface"));
    NetlinkRoute netlink;
    const auto link = netlink.link(name);
    if (!link) {
        err << "batonctl: no interface named '" << name << "'\n";
        return 1;
    }
    CarpSocket socket;
    if (const QString error = socket.open(name, link->ifindex, CarpAdvert::DefaultGroup); !error.isEmpty()) {
        err << "batonctl: " << name << ": " << error << '\n';
        return 1;
    }
    int shown = 0;
    socket.setHandler([&](QByteArrayView packet, TimePoint) {
        const auto result = inspector.inspect(packet, QDateTime::currentMSecsSinceEpoch() * 1000);
        if (result.line.isEmpty())
            return;
        out << result.line << Qt::endl;
        if (++shown == count)
            QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

} // namespace baton
