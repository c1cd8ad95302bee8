// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupSection.h"

#include "PasswordFile.h"
#include "ValueParsers.h"

namespace baton {

GroupSection::GroupSection(const QString& file, int line, quint8 vhid, ConfigDiagnostics& diagnostics)
    : m_file(file)
    , m_diagnostics(diagnostics)
{
    m_group.vhid = vhid;
    m_group.line = line;
}

const QStringList& GroupSection::keys()
{
    static const QStringList list = {
        QStringLiteral("interface"),    QStringLiteral("source"),      QStringLiteral("vip"),
        QStringLiteral("vip-label"),    QStringLiteral("password"),    QStringLiteral("password-file"),
        QStringLiteral("advbase"),      QStringLiteral("advskew"),     QStringLiteral("deadratio"),
        QStringLiteral("preempt"),      QStringLiteral("strict-auth"), QStringLiteral("multicast-group"),
        QStringLiteral("up-hook"),      QStringLiteral("down-hook"),   QStringLiteral("hook-xparam"),
        QStringLiteral("hook-timeout"),
    };
    return list;
}

void GroupSection::error(int line, const QString& key, const QString& message)
{
    m_failed = true;
    m_diagnostics.error(m_file, line, key, message);
}

void GroupSection::apply(const QString& key, const QString& value, int line)
{
    const bool repeatable = key == u"vip";
    if (const int first = m_lines.value(key); first > 0 && !repeatable) {
        error(line, key, QStringLiteral("given twice in this section; first at line %1").arg(first));
        return;
    }
    if (!m_lines.contains(key))
        m_lines.insert(key, line);
    applyValue(key, value, line);
}

void GroupSection::markGiven(const QString& key, int line)
{
    m_failed = true;
    if (!m_lines.contains(key))
        m_lines.insert(key, line);
}

void GroupSection::applyValue(const QString& key, const QString& value, int line)
{
    QString problem;
    // Each branch stores the value when it parses; otherwise `problem` says why not.
    if (key == u"interface") {
        if (const auto name = ValueParsers::interfaceName(value, &problem))
            m_group.interface = *name;
    } else if (key == u"source") {
        if (const auto address = ValueParsers::unicastAddress(value, &problem))
            m_group.source = *address;
    } else if (key == u"vip") {
        if (const auto vip = ValueParsers::vipPrefix(value, &problem))
            checkVip(*vip, line);
    } else if (key == u"vip-label") {
        m_labelGiven = true;
        m_explicitLabel = value; // checked against the interface at the end of the section
    } else if (key == u"password") {
        if (const auto password = ValueParsers::password(value, &problem))
            m_group.password = *password;
    } else if (key == u"password-file") {
        applyPasswordFile(value, line);
    } else if (key == u"advbase" || key == u"advskew") {
        if (const auto number = ValueParsers::integer(value, 0, 254, &problem))
            (key == u"advbase" ? m_group.advbase : m_group.advskew) = static_cast<quint8>(*number);
    } else if (key == u"deadratio") {
        if (const auto number = ValueParsers::integer(value, 1, 100, &problem))
            m_group.deadratio = static_cast<quint32>(*number);
    } else if (key == u"preempt") {
        if (const auto flag = ValueParsers::boolean(value, &problem))
            m_group.preempt = *flag;
    } else if (key == u"strict-auth") {
        if (const auto flag = ValueParsers::boolean(value, &problem))
            m_group.strictAuth = *flag;
    } else if (key == u"multicast-group") {
        if (const auto group = ValueParsers::multicastAddress(value, &problem))
            m_group.multicastGroup = *group;
    } else if (key == u"up-hook" || key == u"down-hook") {
        if (const auto path = ValueParsers::absolutePath(value, &problem))
            (key == u"up-hook" ? m_group.hooks.upScript : m_group.hooks.downScript) = *path;
    } else if (key == u"hook-xparam") {
        m_group.hooks.xparam = value;
    } else if (key == u"hook-timeout") {
        if (const auto seconds = ValueParsers::integer(value, 1, 3600, &problem))
            m_group.hooks.timeoutSeconds = *seconds;
    }
    if (!problem.isEmpty())
        error(line, key, problem);
}

void GroupSection::checkVip(const Ipv4Prefix& vip, int line)
{
    for (const Ipv4Prefix& earlier : std::as_const(m_group.vips)) {
        if (earlier.address == vip.address) {
            error(line, QStringLiteral("vip"),
                  QStringLiteral("address %1 is already a VIP of this section")
                      .arg(Ipv4::toString(vip.address)));
            return;
        }
    }
    m_group.vips.append(vip);
    m_vipLines.append(line);
}

void GroupSection::applyPasswordFile(const QString& value, int line)
{
    const QString key = QStringLiteral("password-file");
    QString problem;
    const auto path = ValueParsers::absolutePath(value, &problem);
    if (!path) {
        error(line, key, problem);
        return;
    }
    const auto content = PasswordFile::read(*path, &problem);
    if (!content) {
        error(line, key, problem);
        return;
    }
    if (content->readableByOthers)
        m_diagnostics.warning(m_file, line, key,
                              QStringLiteral("password file '%1' is readable by group or others; "
                                             "make it readable by its owner only (chmod 600)")
                                  .arg(*path));
    m_group.password = content->password;
    m_group.passwordFile = *path;
}

std::optional<GroupConfig> GroupSection::finish()
{
    checkRequired();
    checkLabel();
    checkTiming();
    for (qsizetype i = 0; i < m_group.vips.size(); ++i)
        if (m_lines.contains(QStringLiteral("source")) && m_group.vips[i].address == m_group.source)
            error(m_vipLines[i], QStringLiteral("vip"),
                  QStringLiteral("VIP %1 is this node's own source address; a VIP must be an extra address")
                      .arg(Ipv4::toString(m_group.source)));
    const bool hooks = !m_group.hooks.upScript.isEmpty() || !m_group.hooks.downScript.isEmpty();
    for (const QString& key : {QStringLiteral("hook-xparam"), QStringLiteral("hook-timeout")})
        if (!hooks && m_lines.contains(key))
            m_diagnostics.warning(m_file, lineOf(key), key,
                                  QStringLiteral("has no effect without up-hook or down-hook"));
    if (m_failed)
        return std::nullopt;
    return m_group;
}

void GroupSection::checkRequired()
{
    const QString where = QStringLiteral("[vhid %1]").arg(m_group.vhid);
    for (const QString& key : {QStringLiteral("interface"), QStringLiteral("source"), QStringLiteral("vip")})
        if (!m_lines.contains(key))
            error(m_group.line, key, QStringLiteral("missing; every %1 section needs it").arg(where));
    const int password = lineOf(QStringLiteral("password"));
    const int passwordFile = lineOf(QStringLiteral("password-file"));
    if (password == 0 && passwordFile == 0)
        error(m_group.line, QStringLiteral("password"),
              QStringLiteral("missing; %1 needs 'password' or 'password-file'").arg(where));
    if (password > 0 && passwordFile > 0)
        error(qMax(password, passwordFile),
              password > passwordFile ? QStringLiteral("password") : QStringLiteral("password-file"),
              QStringLiteral("give either 'password' or 'password-file', not both"));
}

void GroupSection::checkLabel()
{
    if (!m_labelGiven) {
        m_group.vipLabel = GroupConfig::defaultVipLabel(m_group.interface);
        return;
    }
    // An empty label is how a config asks for no label at all.
    if (m_explicitLabel.isEmpty() || m_group.interface.isEmpty())
        return;
    QString problem;
    if (const auto label = ValueParsers::vipLabel(m_explicitLabel, m_group.interface, &problem))
        m_group.vipLabel = *label;
    else
        error(lineOf(QStringLiteral("vip-label")), QStringLiteral("vip-label"), problem);
}

void GroupSection::checkTiming()
{
    if (m_group.advbase == 0 && m_group.advskew == 0 && m_lines.contains(QStringLiteral("advbase")))
        error(lineOf(QStringLiteral("advbase")), QStringLiteral("advbase"),
              QStringLiteral("advbase 0 needs a non-zero advskew; both 0 would mean an advert interval of "
                             "zero"));
}

} // namespace baton
