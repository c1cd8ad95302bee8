// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentConfig.h"
#include "ConfigDiagnostics.h"
#include "IfupdownStanza.h"

#include <QStringList>

#include <optional>

namespace baton {

// Turns one "iface X inet static" stanza with ucarp-* keys, plus its "iface X:ucarp" VIP stanza,
// into the GroupConfig that Debian's if-up.d/ucarp hook would have started ucarp with.
class UcarpStanzaMapper
{
public:
    explicit UcarpStanzaMapper(ConfigDiagnostics& diagnostics);

    // aliases: the "iface X:ucarp inet ..." stanzas of the whole file (normally one).
    std::optional<GroupConfig> map(const IfupdownStanza& stanza, const QList<const IfupdownStanza*>& aliases);

    static const QStringList& knownKeys();
    // Debian's hook: a value starting with no, off, false or 0 means no; empty means no; anything
    // else (also "No", the match is case-sensitive) means yes.
    static bool masterMeansPreempt(QStringView value);

    static inline const QString DebianUpScript = QStringLiteral("/usr/share/ucarp/vip-up");
    static inline const QString DebianDownScript = QStringLiteral("/usr/share/ucarp/vip-down");

private:
    void error(const QString& file, int line, const QString& key, const QString& message);
    void error(const IfupdownStanza::Option& at, const QString& message);
    void warning(const IfupdownStanza::Option& at, const QString& message);
    void checkKeys(const IfupdownStanza& stanza);
    void mapSource(const IfupdownStanza& stanza);
    void mapRequired(const IfupdownStanza& stanza);
    void mapNumbers(const IfupdownStanza& stanza);
    void mapFlags(const IfupdownStanza& stanza);
    void mapHooks(const IfupdownStanza& stanza);
    void mapVip(const IfupdownStanza& stanza, const QList<const IfupdownStanza*>& aliases);
    std::optional<int> aliasPrefix(const IfupdownStanza& alias, int addressPrefix);

    ConfigDiagnostics& m_diagnostics;
    GroupConfig m_group;
    std::optional<quint32> m_vip;
    bool m_failed = false;
};

} // namespace baton
