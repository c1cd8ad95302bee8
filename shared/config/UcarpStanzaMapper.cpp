// SPDX-License-Identifier: GPL-3.0-or-later
#include "UcarpStanzaMapper.h"

#include "KeySuggester.h"
#include "ValueParsers.h"

#include <QHash>

namespace baton {

UcarpStanzaMapper::UcarpStanzaMapper(ConfigDiagnostics& diagnostics)
    : m_diagnostics(diagnostics)
{
}

const QStringList& UcarpStanzaMapper::knownKeys()
{
    static const QStringList keys = {
        QStringLiteral("ucarp-vid"),        QStringLiteral("ucarp-vip"),
        QStringLiteral("ucarp-password"),   QStringLiteral("ucarp-advskew"),
        QStringLiteral("ucarp-advbase"),    QStringLiteral("ucarp-master"),
        QStringLiteral("ucarp-deadratio"),  QStringLiteral("ucarp-upscript"),
        QStringLiteral("ucarp-downscript"), QStringLiteral("ucarp-xparam"),
        QStringLiteral("ucarp-nomcast"),    QStringLiteral("ucarp-facility"),
    };
    return keys;
}

bool UcarpStanzaMapper::masterMeansPreempt(QStringView value)
{
    // The hook tests `expr "$IF_UCARP_MASTER" : 'no\|off\|false\|0'`: anchored at the start only.
    if (value.isEmpty())
        return false;
    for (const QStringView no : {u"no", u"off", u"false", u"0"})
        if (value.startsWith(no))
            return false;
    return true;
}

void UcarpStanzaMapper::error(const QString& file, int line, const QString& key, const QString& message)
{
    m_failed = true;
    m_diagnostics.error(file, line, key, message);
}

void UcarpStanzaMapper::error(const IfupdownStanza::Option& at, const QString& message)
{
    error(at.file, at.line, at.key, message);
}

void UcarpStanzaMapper::warning(const IfupdownStanza::Option& at, const QString& message)
{
    m_diagnostics.warning(at.file, at.line, at.key, message);
}

std::optional<GroupConfig> UcarpStanzaMapper::map(const IfupdownStanza& stanza,
                                                  const QList<const IfupdownStanza*>& aliases)
{
    m_group = GroupConfig{};
    m_group.line = stanza.line;
    m_vip.reset();
    m_failed = false;
    QString problem;
    if (const auto name = ValueParsers::interfaceName(stanza.name, &problem))
        m_group.interface = *name;
    else
        error(stanza.file, stanza.line, QStringLiteral("iface"), problem);
    checkKeys(stanza);
    mapSource(stanza);
    mapRequired(stanza);
    mapNumbers(stanza);
    mapFlags(stanza);
    mapHooks(stanza);
    mapVip(stanza, aliases);
    if (m_failed)
        return std::nullopt;
    return m_group;
}

void UcarpStanzaMapper::checkKeys(const IfupdownStanza& stanza)
{
    // ifupdown joins a repeated option's values with a newline, which no ucarp option survives.
    QHash<QString, int> first;
    for (const IfupdownStanza::Option& option : stanza.options) {
        const bool ours =
            option.key.startsWith(u"ucarp-") || option.key == u"address" || option.key == u"netmask";
        if (!ours)
            continue;
        if (first.contains(option.key))
            error(
                option,
                QStringLiteral("given twice in this stanza; first at line %1").arg(first.value(option.key)));
        else
            first.insert(option.key, option.line);
        if (option.key.startsWith(u"ucarp-") && !knownKeys().contains(option.key))
            error(option, QStringLiteral("unknown ucarp key") + KeySuggester::hint(option.key, knownKeys()));
    }
}

void UcarpStanzaMapper::mapSource(const IfupdownStanza& stanza)
{
    if (stanza.family != u"inet" || stanza.method != u"static") {
        error(stanza.file, stanza.line, QStringLiteral("iface"),
              QStringLiteral("ucarp keys need an 'inet static' stanza whose address is the source address, "
                             "got '%1 %2'")
                  .arg(stanza.family, stanza.method));
        return;
    }
    const IfupdownStanza::Option* address = stanza.find(u"address");
    if (!address) {
        error(stanza.file, stanza.line, QStringLiteral("address"),
              QStringLiteral("missing; the stanza's own address is the source address of the adverts"));
        return;
    }
    // "a.b.c.d/nn" is fine here (Debian's hook would hand it to ucarp, which rejects it).
    QString problem;
    const QString text = address->value.section(u'/', 0, 0);
    const bool prefixValid = !address->value.contains(u'/') || Ipv4Prefix::parse(address->value).has_value();
    const auto source = ValueParsers::unicastAddress(text, &problem);
    if (!source || !prefixValid)
        error(*address,
              ValueParsers::expected(QStringLiteral("an IPv4 address like 192.0.2.11 or 192.0.2.11/24"),
                                     address->value));
    else
        m_group.source = *source;
}

void UcarpStanzaMapper::mapRequired(const IfupdownStanza& stanza)
{
    for (const QString& key :
         {QStringLiteral("ucarp-vid"), QStringLiteral("ucarp-vip"), QStringLiteral("ucarp-password")}) {
        if (!stanza.find(key))
            error(
                stanza.file, stanza.line, key,
                QStringLiteral("missing; this stanza has other ucarp keys, so it needs ucarp-vid, ucarp-vip "
                               "and ucarp-password (Debian's hook would silently not start ucarp)"));
    }
    QString problem;
    if (const IfupdownStanza::Option* vid = stanza.find(u"ucarp-vid")) {
        if (const auto number = ValueParsers::integer(vid->value, 1, 255, &problem))
            m_group.vhid = static_cast<quint8>(*number);
        else
            error(*vid, problem);
    }
    if (const IfupdownStanza::Option* vip = stanza.find(u"ucarp-vip")) {
        problem.clear();
        m_vip = ValueParsers::unicastAddress(vip->value, &problem);
        if (!m_vip)
            error(*vip, problem);
        else if (*m_vip == m_group.source)
            error(*vip, QStringLiteral("VIP %1 is the stanza's own address; a VIP must be an extra address")
                            .arg(vip->value));
    }
    if (const IfupdownStanza::Option* password = stanza.find(u"ucarp-password")) {
        problem.clear();
        if (const auto bytes = ValueParsers::password(password->value, &problem))
            m_group.password = *bytes;
        else
            error(*password, problem);
    }
}

void UcarpStanzaMapper::mapNumbers(const IfupdownStanza& stanza)
{
    QString problem;
    if (const IfupdownStanza::Option* advbase = stanza.find(u"ucarp-advbase")) {
        if (const auto number = ValueParsers::integer(advbase->value, 0, 254, &problem))
            m_group.advbase = static_cast<quint8>(*number);
        else
            error(*advbase, problem);
    }
    problem.clear();
    if (const IfupdownStanza::Option* advskew = stanza.find(u"ucarp-advskew")) {
        if (const auto number = ValueParsers::integer(advskew->value, 0, 254, &problem))
            m_group.advskew = static_cast<quint8>(*number);
        else
            error(*advskew, problem);
    }
    problem.clear();
    if (const IfupdownStanza::Option* deadratio = stanza.find(u"ucarp-deadratio")) {
        if (const auto number = ValueParsers::integer(deadratio->value, 1, 100, &problem))
            m_group.deadratio = static_cast<quint32>(*number);
        else
            error(*deadratio, problem);
    }
    const IfupdownStanza::Option* advbase = stanza.find(u"ucarp-advbase");
    if (advbase && m_group.advbase == 0 && m_group.advskew == 0)
        error(*advbase,
              QStringLiteral("advbase 0 needs a non-zero ucarp-advskew; both 0 would mean an advert "
                             "interval of zero"));
}

void UcarpStanzaMapper::mapFlags(const IfupdownStanza& stanza)
{
    if (const IfupdownStanza::Option* master = stanza.find(u"ucarp-master")) {
        m_group.preempt = masterMeansPreempt(master->value);
        if (master->value.isEmpty())
            warning(*master,
                    QStringLiteral("empty value, taken as no; ifupdown itself refuses empty options"));
        else if (m_group.preempt && !master->value.startsWith(u"yes") && !master->value.startsWith(u"true") &&
                 !master->value.startsWith(u"1") && !master->value.startsWith(u"on"))
            warning(*master, QStringLiteral("'%1' means yes (preempt) here, as in Debian's hook: only values "
                                            "starting with no, off, false or 0 (lower case) mean no")
                                 .arg(master->value));
    }
    if (const IfupdownStanza::Option* nomcast = stanza.find(u"ucarp-nomcast")) {
        if (masterMeansPreempt(nomcast->value))
            error(*nomcast,
                  QStringLiteral("not supported: batond always sends adverts to the multicast group"));
    }
    if (const IfupdownStanza::Option* facility = stanza.find(u"ucarp-facility"))
        warning(*facility,
                QStringLiteral("ignored; batond logs to the journal (Debian's hook ignores it too)"));
}

void UcarpStanzaMapper::mapHooks(const IfupdownStanza& stanza)
{
    const QList<std::pair<QString, QString*>> scripts = {
        {QStringLiteral("ucarp-upscript"), &m_group.hooks.upScript},
        {QStringLiteral("ucarp-downscript"), &m_group.hooks.downScript},
    };
    for (const auto& [key, target] : scripts) {
        const IfupdownStanza::Option* option = stanza.find(key);
        if (!option)
            continue;
        // Debian's scripts run `ifup/ifdown X:ucarp`; batond adds and removes the VIP itself, and
        // running them as well would take the address away again.
        if (option->value == DebianUpScript || option->value == DebianDownScript) {
            warning(*option, QStringLiteral("skipped: batond adds and removes the VIP itself; '%1' would "
                                            "run ifup/ifdown on the VIP stanza and fight it")
                                 .arg(option->value));
            continue;
        }
        QString problem;
        if (const auto path = ValueParsers::absolutePath(option->value, &problem))
            *target = *path;
        else
            error(*option, problem);
    }
    if (const IfupdownStanza::Option* xparam = stanza.find(u"ucarp-xparam"))
        m_group.hooks.xparam = xparam->value;
}

std::optional<int> UcarpStanzaMapper::aliasPrefix(const IfupdownStanza& alias, int addressPrefix)
{
    const IfupdownStanza::Option* netmask = alias.find(u"netmask");
    if (!netmask)
        return addressPrefix > 0 ? addressPrefix : 32;
    QString problem;
    auto prefix = Ipv4::netmaskToPrefix(netmask->value);
    if (!prefix && !netmask->value.contains(u'.'))
        prefix = ValueParsers::integer(netmask->value, 1, 32, &problem);
    if (!prefix || *prefix < 1) {
        error(*netmask, ValueParsers::expected(QStringLiteral("a contiguous netmask like 255.255.255.0 or a "
                                                              "prefix length 1-32"),
                                               netmask->value));
        return std::nullopt;
    }
    if (addressPrefix > 0 && addressPrefix != *prefix) {
        error(*netmask, QStringLiteral("netmask /%1 disagrees with the address's own /%2")
                            .arg(*prefix)
                            .arg(addressPrefix));
        return std::nullopt;
    }
    return prefix;
}

void UcarpStanzaMapper::mapVip(const IfupdownStanza& stanza, const QList<const IfupdownStanza*>& aliases)
{
    const QString aliasName = stanza.name + QStringLiteral(":ucarp");
    m_group.vipLabel = aliasName.size() <= ValueParsers::MaxInterfaceName ? aliasName : QString();
    const IfupdownStanza::Option* vipOption = stanza.find(u"ucarp-vip");
    if (!m_vip || !vipOption)
        return;
    if (m_group.vipLabel.isEmpty())
        warning(
            *vipOption,
            QStringLiteral("label '%1' is longer than 15 characters; the VIP gets no label").arg(aliasName));
    if (aliases.isEmpty()) {
        warning(*vipOption, QStringLiteral("no 'iface %1 inet static' stanza; using %2/32")
                                .arg(aliasName, Ipv4::toString(*m_vip)));
        m_group.vips = {Ipv4Prefix{*m_vip, 32}};
        return;
    }
    for (qsizetype i = 1; i < aliases.size(); ++i)
        error(aliases[i]->file, aliases[i]->line, QStringLiteral("iface"),
              QStringLiteral("'%1' is defined twice; first at %2:%3")
                  .arg(aliasName, aliases[0]->file)
                  .arg(aliases[0]->line));
    const IfupdownStanza& alias = *aliases.first();
    const IfupdownStanza::Option* address = alias.find(u"address");
    if (alias.method != u"static" || !address) {
        error(alias.file, alias.line, QStringLiteral("address"),
              QStringLiteral("'%1' needs to be an 'inet static' stanza with the VIP as its address")
                  .arg(aliasName));
        return;
    }
    const auto parsed = Ipv4Prefix::parse(address->value, true);
    if (!parsed) {
        error(*address,
              ValueParsers::expected(QStringLiteral("an IPv4 address like 192.0.2.10 or 192.0.2.10/24"),
                                     address->value));
        return;
    }
    if (parsed->address != *m_vip) {
        error(*address, QStringLiteral("VIP %1 differs from ucarp-vip %2 at %3:%4")
                            .arg(Ipv4::toString(parsed->address), Ipv4::toString(*m_vip), vipOption->file)
                            .arg(vipOption->line));
        return;
    }
    const auto prefix = aliasPrefix(alias, address->value.contains(u'/') ? parsed->prefixLength : 0);
    if (prefix)
        m_group.vips = {Ipv4Prefix{*m_vip, *prefix}};
    for (const IfupdownStanza::Option& option : alias.options)
        if (option.key == u"up" || option.key == u"post-up" || option.key == u"down" ||
            option.key == u"pre-down" || option.key == u"pre-up" || option.key == u"post-down")
            warning(option, QStringLiteral("not run by batond: it adds the VIP itself instead of 'ifup %1'")
                                .arg(aliasName));
}

} // namespace baton
