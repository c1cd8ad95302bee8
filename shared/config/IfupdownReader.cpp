// SPDX-License-Identifier: GPL-3.0-or-later
#include "IfupdownReader.h"

#include "IfupdownLineLoader.h"
#include "PasswordExposure.h"
#include "UcarpStanzaMapper.h"

#include <QDir>

namespace baton {

namespace {

bool endsStanza(const QString& keyword)
{
    return keyword == u"auto" || keyword.startsWith(u"allow-") || keyword == u"source" ||
           keyword == u"source-directory" || keyword == u"rename" || keyword == u"no-auto-down" ||
           keyword == u"no-scripts";
}

} // namespace

IfupdownReader::IfupdownReader(ConfigDiagnostics& diagnostics)
    : m_diagnostics(diagnostics)
{
}

ConfigResult IfupdownReader::readFile(const QString& path)
{
    return read(path, nullptr);
}

ConfigResult IfupdownReader::readText(const QString& text, const QString& fileName)
{
    return read(fileName, &text);
}

ConfigResult IfupdownReader::read(const QString& path, const QString* text)
{
    ConfigDiagnostics diagnostics;
    IfupdownReader reader(diagnostics);
    ConfigResult result;
    result.config.groups = reader.groups(path, text);
    result.errors = diagnostics.errors();
    result.warnings = diagnostics.warnings();
    if (!text)
        result.warnings << PasswordExposure::check(path, result.config.groups);
    return result;
}

QList<GroupConfig> IfupdownReader::groups(const QString& path, const QString* text)
{
    IfupdownLineLoader loader(m_diagnostics);
    const QList<IfupdownLine> lines = text ? loader.loadText(*text, path) : loader.load(path);
    if (m_diagnostics.hasErrors() && lines.isEmpty())
        return {}; // the file itself could not be read
    const QList<IfupdownStanza> all = stanzas(lines);
    UcarpStanzaMapper mapper(m_diagnostics);
    QList<GroupConfig> groups;
    QList<const IfupdownStanza*> sources;
    bool anyUcarp = false;
    for (const IfupdownStanza& stanza : all) {
        if (!stanza.hasUcarpKeys())
            continue;
        anyUcarp = true;
        QList<const IfupdownStanza*> aliases;
        for (const IfupdownStanza& other : all)
            if (other.name == stanza.name + QStringLiteral(":ucarp") && other.family == u"inet")
                aliases.append(&other);
        if (const auto group = mapper.map(stanza, aliases)) {
            groups.append(*group);
            sources.append(&stanza);
        }
    }
    if (!anyUcarp)
        m_diagnostics.error(QDir::cleanPath(path), 0, QString(),
                            QStringLiteral("no 'iface ... inet static' stanza with ucarp-* keys (ucarp-vid, "
                                           "ucarp-vip, ucarp-password) was found"));
    checkAcrossGroups(groups, sources);
    return groups;
}

QList<IfupdownStanza> IfupdownReader::stanzas(const QList<IfupdownLine>& lines)
{
    QString currentFile;
    for (const IfupdownLine& line : lines) {
        // Each file starts outside any stanza, and so does the rest of a file after an include.
        if (line.file != currentFile)
            m_state = State::None;
        currentFile = line.file;
        const QString keyword = line.firstWord();
        if (keyword == u"iface")
            startIface(line);
        else if (keyword == u"mapping")
            m_state = State::Mapping;
        else if (endsStanza(keyword))
            m_state = State::None;
        else
            addOption(line);
    }
    return m_stanzas;
}

void IfupdownReader::startIface(const IfupdownLine& line)
{
    const QStringList words = line.words();
    IfupdownStanza stanza{words.value(1), words.value(2), words.value(3), line.file, line.number, {}};
    // "iface NAME FAMILY METHOD inherits OTHER" starts with a copy of OTHER's options.
    const qsizetype inherits = words.indexOf(QStringLiteral("inherits"));
    if (inherits > 1) {
        stanza.family = inherits > 2 ? words.value(2) : QString();
        stanza.method = inherits > 3 ? words.value(3) : QString();
        const QString parentName = words.value(inherits + 1);
        const IfupdownStanza* parent = nullptr;
        for (const IfupdownStanza& earlier : std::as_const(m_stanzas))
            if (earlier.name == parentName && (stanza.family.isEmpty() || earlier.family == stanza.family))
                parent = &earlier;
        if (!parent) {
            m_diagnostics.error(line.file, line.number, QStringLiteral("iface"),
                                QStringLiteral("unknown iface to inherit from: '%1'").arg(parentName));
            m_state = State::Skipped;
            return;
        }
        stanza.family = stanza.family.isEmpty() ? parent->family : stanza.family;
        stanza.method = stanza.method.isEmpty() ? parent->method : stanza.method;
        stanza.options = parent->options;
    } else if (words.size() < 4) {
        m_diagnostics.error(
            line.file, line.number, QStringLiteral("iface"),
            QStringLiteral("expected 'iface NAME FAMILY METHOD', got '%1'").arg(line.text.left(80)));
        m_state = State::Skipped;
        return;
    }
    m_stanzas.append(stanza);
    m_state = State::Iface;
}

void IfupdownReader::misplaced(const IfupdownLine& line, const QString& where)
{
    // ifupdown refuses the whole file here; for ucarp keys we cannot guess the stanza either.
    const QString message = QStringLiteral("option %1; ifupdown refuses such a file").arg(where);
    if (line.firstWord().startsWith(u"ucarp-"))
        m_diagnostics.error(line.file, line.number, line.firstWord(), message);
    else
        m_diagnostics.warning(line.file, line.number, line.firstWord(), message);
}

void IfupdownReader::addOption(const IfupdownLine& line)
{
    switch (m_state) {
    case State::None:
        misplaced(line, QStringLiteral("outside an iface stanza"));
        return;
    case State::Mapping:
        if (line.firstWord() != u"script" && line.firstWord() != u"map")
            misplaced(line, QStringLiteral("inside a mapping stanza"));
        return;
    case State::Skipped:
        return;
    case State::Iface:
        break;
    }
    const QString key = line.firstWord();
    const QString value = line.rest();
    if (value.isEmpty() && !key.startsWith(u"ucarp-"))
        m_diagnostics.warning(line.file, line.number, key,
                              QStringLiteral("option with an empty value; ifupdown refuses such a file"));
    m_stanzas.last().options.append({key, value, line.file, line.number});
}

void IfupdownReader::checkAcrossGroups(const QList<GroupConfig>& groups,
                                       const QList<const IfupdownStanza*>& sources)
{
    for (qsizetype i = 0; i < groups.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            const IfupdownStanza& stanza = *sources[i];
            const IfupdownStanza& earlier = *sources[j];
            const auto vid = [](const IfupdownStanza& s) { return s.find(u"ucarp-vid"); };
            // One error per pair: a copied stanza would otherwise report both its vhid and its VIP.
            if (groups[i].vhid == groups[j].vhid && groups[i].interface == groups[j].interface) {
                m_diagnostics.error(vid(stanza)->file, vid(stanza)->line, QStringLiteral("ucarp-vid"),
                                    QStringLiteral("vhid %1 on '%2' is already used at %3:%4")
                                        .arg(groups[i].vhid)
                                        .arg(groups[i].interface, vid(earlier)->file)
                                        .arg(vid(earlier)->line));
            } else if (groups[i].vips.value(0).address == groups[j].vips.value(0).address) {
                const auto* vip = stanza.find(u"ucarp-vip");
                m_diagnostics.error(vip->file, vip->line, QStringLiteral("ucarp-vip"),
                                    QStringLiteral("VIP %1 is already used at %2:%3")
                                        .arg(Ipv4::toString(groups[i].vips.value(0).address), earlier.file)
                                        .arg(earlier.line));
            }
        }
    }
}

} // namespace baton
