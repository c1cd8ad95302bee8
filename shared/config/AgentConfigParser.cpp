// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentConfigParser.h"

#include "BoundedFile.h"
#include "KeySuggester.h"
#include "PasswordExposure.h"
#include "ValueParsers.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>

namespace baton {

namespace {

const QString StateDirKey = QStringLiteral("state-dir");

// "host[:port]" with an IPv4 host or a bracketed IPv6 one; the port defaults to `defaultPort`.
bool parseEndpoint(QStringView text, quint16 defaultPort, QString& address, quint16& portOut, QString* error)
{
    QStringView host = text;
    QStringView port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        host = close < 0 ? QStringView() : text.mid(1, close - 1);
        const QStringView rest = close < 0 ? QStringView() : text.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            host = QStringView();
        port = rest.mid(1);
        if (QHostAddress(host.toString()).protocol() != QAbstractSocket::IPv6Protocol)
            host = QStringView();
    } else if (const qsizetype colon = text.indexOf(u':'); colon >= 0) {
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    const bool hostValid = !host.isEmpty() && (text.startsWith(u'[') || Ipv4::parse(host).has_value());
    const bool hasPort = text.startsWith(u'[') ? text.contains(u"]:") : text.contains(u':');
    QString portProblem;
    const auto portNumber =
        hasPort ? ValueParsers::integer(port, 1, 65535, &portProblem) : std::optional<int>(defaultPort);
    if (!hostValid || !portNumber) {
        *error = ValueParsers::expected(
            QStringLiteral("an IPv4 address or [IPv6 address], optionally with :port (1-65535)"), text);
        return false;
    }
    address = host.toString();
    portOut = static_cast<quint16>(*portNumber);
    return true;
}

} // namespace

AgentConfigParser::AgentConfigParser(const QString& fileName)
    : m_file(fileName)
{
}

const QStringList& AgentConfigParser::controlKeys()
{
    static const QStringList list = {QStringLiteral("listen"),   QStringLiteral("tls-ca"),
                                     QStringLiteral("tls-cert"), QStringLiteral("tls-key"),
                                     QStringLiteral("peer"),     QStringLiteral("peer-listen")};
    return list;
}

ConfigResult AgentConfigParser::parseFile(const QString& path)
{
    QString problem;
    const std::optional<QByteArray> text = BoundedFile::read(path, MaxFileSize, &problem);
    if (!text) {
        ConfigResult result;
        result.errors.append(
            {path, 0, QString(), QStringLiteral("cannot read the configuration: %1").arg(problem)});
        return result;
    }
    ConfigResult result = parseText(QString::fromUtf8(*text), path);
    result.warnings << PasswordExposure::check(path, result.config.groups);
    return result;
}

ConfigResult AgentConfigParser::parseText(const QString& text, const QString& fileName)
{
    return AgentConfigParser(fileName).parse(text);
}

ConfigResult AgentConfigParser::parse(const QString& text)
{
    for (const IniLineReader::Line& line : IniLineReader::read(text)) {
        switch (line.kind) {
        case IniLineReader::Line::Kind::Section:
            startSection(line);
            break;
        case IniLineReader::Line::Kind::KeyValue:
            applyKey(line);
            break;
        case IniLineReader::Line::Kind::Invalid:
            m_diagnostics.error(m_file, line.number, line.key, line.error);
            if (m_section == Section::Group && GroupSection::keys().contains(line.key))
                m_group->markGiven(line.key, line.number);
            break;
        }
    }
    finishGroup();
    finishControl();
    checkAcrossGroups();
    if (!m_sawGroup)
        m_diagnostics.error(m_file, 0, QString(),
                            QStringLiteral("no [vhid N] section; at least one virtual host is needed"));
    return {m_config, m_diagnostics.errors(), m_diagnostics.warnings()};
}

void AgentConfigParser::startSection(const IniLineReader::Line& line)
{
    finishGroup();
    const QStringList words = line.section.simplified().split(u' ', Qt::SkipEmptyParts);
    if (line.section == u"control") {
        if (m_controlLine > 0)
            m_diagnostics.error(m_file, line.number, QString(),
                                QStringLiteral("[control] given twice; first at line %1").arg(m_controlLine));
        else
            m_controlLine = line.number;
        m_section = Section::Control;
    } else if (words.size() == 2 && words[0] == u"vhid") {
        startGroup(words[1], line);
    } else {
        m_diagnostics.error(m_file, line.number, QString(),
                            ValueParsers::expected(QStringLiteral("a [control] or [vhid N] section"),
                                                   QString(u'[' + line.section + u']')));
        m_section = Section::Ignored;
    }
}

void AgentConfigParser::startGroup(QStringView number, const IniLineReader::Line& line)
{
    QString problem;
    const auto vhid = ValueParsers::integer(number, 1, 255, &problem);
    if (!vhid)
        m_diagnostics.error(m_file, line.number, QStringLiteral("vhid"), problem);
    m_group = std::make_unique<GroupSection>(m_file, line.number, static_cast<quint8>(vhid.value_or(0)),
                                             m_diagnostics);
    m_keepGroup = vhid.has_value();
    m_sawGroup = true;
    m_section = Section::Group;
}

void AgentConfigParser::finishGroup()
{
    if (!m_group)
        return;
    const auto group = m_group->finish();
    if (group && m_keepGroup)
        m_config.groups.append(*group);
    m_group.reset();
}

void AgentConfigParser::applyKey(const IniLineReader::Line& line)
{
    if (m_section == Section::Ignored || !checkScope(line))
        return;
    switch (m_section) {
    case Section::Global:
        applyGlobal(line);
        break;
    case Section::Control:
        applyControl(line);
        break;
    case Section::Group:
        m_group->apply(line.key, line.value, line.number);
        break;
    case Section::Ignored:
        break;
    }
}

// Known keys in the wrong place get told where they belong; unknown ones get a suggestion.
bool AgentConfigParser::checkScope(const IniLineReader::Line& line)
{
    const bool global = line.key == StateDirKey;
    const bool control = controlKeys().contains(line.key);
    const bool group = GroupSection::keys().contains(line.key);
    QString problem;
    if (!global && !control && !group) {
        const QStringList all = QStringList{StateDirKey} + controlKeys() + GroupSection::keys();
        problem = QStringLiteral("unknown key") + KeySuggester::hint(line.key, all);
    } else if (global && m_section != Section::Global) {
        problem = QStringLiteral("belongs before the first section");
    } else if (control && m_section != Section::Control) {
        problem = QStringLiteral("belongs in the [control] section");
    } else if (group && m_section != Section::Group) {
        problem = QStringLiteral("belongs in a [vhid N] section");
    }
    if (problem.isEmpty())
        return true;
    m_diagnostics.error(m_file, line.number, line.key, problem);
    return false;
}

bool AgentConfigParser::firstTime(QHash<QString, int>& seen, const IniLineReader::Line& line)
{
    if (const int first = seen.value(line.key); first > 0) {
        m_diagnostics.error(m_file, line.number, line.key,
                            QStringLiteral("given twice; first at line %1").arg(first));
        return false;
    }
    seen.insert(line.key, line.number);
    return true;
}

void AgentConfigParser::applyGlobal(const IniLineReader::Line& line)
{
    if (!firstTime(m_globalLines, line))
        return;
    QString problem;
    if (const auto path = ValueParsers::absolutePath(line.value, &problem))
        m_config.stateDir = *path;
    else
        m_diagnostics.error(m_file, line.number, line.key, problem);
}

void AgentConfigParser::applyControl(const IniLineReader::Line& line)
{
    if (!firstTime(m_controlLines, line))
        return;
    QString problem;
    ControlConfig& control = m_config.control;
    if (line.key == u"listen") {
        parseEndpoint(line.value, 7112, control.listenAddress, control.port, &problem);
    } else if (line.key == u"peer") {
        parseEndpoint(line.value, 7113, control.peerAddress, control.peerPort, &problem);
    } else if (line.key == u"peer-listen") {
        parseEndpoint(line.value, 7113, control.peerListenAddress, control.peerListenPort, &problem);
    } else if (const auto path = ValueParsers::absolutePath(line.value, &problem)) {
        (line.key == u"tls-ca"     ? control.caFile
         : line.key == u"tls-cert" ? control.certFile
                                   : control.keyFile) = *path;
    }
    if (!problem.isEmpty())
        m_diagnostics.error(m_file, line.number, line.key, problem);
}

void AgentConfigParser::finishControl()
{
    if (m_controlLine == 0)
        return;
    // Only a listener that could be read needs its TLS files; a bad listen line is error enough.
    ControlConfig& control = m_config.control;
    const bool listen = !control.listenAddress.isEmpty();
    const bool peer = !control.peerAddress.isEmpty();
    for (const QString& key :
         {QStringLiteral("tls-ca"), QStringLiteral("tls-cert"), QStringLiteral("tls-key")}) {
        if ((listen || peer) && !m_controlLines.contains(key))
            m_diagnostics.error(m_file, m_controlLine, key,
                                listen
                                    ? QStringLiteral("missing; the control listener only speaks mutual TLS")
                                    : QStringLiteral("missing; the peer link only speaks mutual TLS"));
    }
    if (peer && control.peerListenAddress.isEmpty()) {
        if (listen) {
            control.peerListenAddress = control.listenAddress; // the partner reaches us where consoles do
        } else if (!m_controlLines.contains(QStringLiteral("peer-listen"))) {
            m_diagnostics.error(m_file, m_controlLines.value(QStringLiteral("peer")),
                                QStringLiteral("peer-listen"),
                                QStringLiteral("missing; without 'listen' the peer link needs the address "
                                               "its partner reaches this agent on"));
        }
    }
    if (peer && control.peerAddress == control.peerListenAddress &&
        control.peerPort == control.peerListenPort)
        m_diagnostics.error(m_file, m_controlLines.value(QStringLiteral("peer")), QStringLiteral("peer"),
                            QStringLiteral("names this agent's own peer listener (%1:%2); give the partner's")
                                .arg(control.peerAddress)
                                .arg(control.peerPort));
    if (m_controlLines.contains(QStringLiteral("peer-listen")) &&
        !m_controlLines.contains(QStringLiteral("peer")))
        m_diagnostics.warning(m_file, m_controlLines.value(QStringLiteral("peer-listen")),
                              QStringLiteral("peer-listen"),
                              QStringLiteral("without 'peer' there is no peer link, so it is not used"));
    if (!m_controlLines.contains(QStringLiteral("listen")) &&
        !m_controlLines.contains(QStringLiteral("peer")) && m_controlLines.size() > 0)
        m_diagnostics.warning(m_file, m_controlLine, QStringLiteral("listen"),
                              QStringLiteral("not given, so there is no control listener and the TLS files "
                                             "are not used"));
}

void AgentConfigParser::checkAcrossGroups()
{
    const QList<GroupConfig>& groups = m_config.groups;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            // One error per pair of sections: a copied section would otherwise report vhid and VIP.
            if (groups[i].vhid == groups[j].vhid && groups[i].interface == groups[j].interface) {
                m_diagnostics.error(m_file, groups[i].line, QStringLiteral("vhid"),
                                    QStringLiteral("vhid %1 on interface '%2' is already defined at line %3")
                                        .arg(groups[i].vhid)
                                        .arg(groups[i].interface)
                                        .arg(groups[j].line));
                continue;
            }
            for (const Ipv4Prefix& vip : groups[i].vips)
                for (const Ipv4Prefix& other : groups[j].vips)
                    if (vip.address == other.address)
                        m_diagnostics.error(m_file, groups[i].line, QStringLiteral("vip"),
                                            QStringLiteral("VIP %1 is already used by the section at line %2")
                                                .arg(Ipv4::toString(vip.address))
                                                .arg(groups[j].line));
        }
    }
}

} // namespace baton
