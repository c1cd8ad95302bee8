// SPDX-License-Identifier: GPL-3.0-or-later
#include "SshTarget.h"

#include "util/Fail.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <pwd.h>
#include <unistd.h>

namespace baton {

namespace {

constexpr int MaxIncludeDepth = 8;
constexpr qint64 MaxConfigBytes = 1024 * 1024;

// "Key Value", "Key=Value", "Key = Value"; a value may be double-quoted.
bool splitLine(const QString& line, QString* key, QStringList* values)
{
    static const QRegularExpression keyPattern(QStringLiteral("^\\s*([A-Za-z]+)\\s*(?:=\\s*|\\s+)(.*)$"));
    const QRegularExpressionMatch match = keyPattern.match(line);
    if (!match.hasMatch())
        return false;
    *key = match.captured(1).toLower();
    values->clear();
    const QString rest = match.captured(2).trimmed();
    QString current;
    bool quoted = false;
    bool any = false;
    for (const QChar c : rest) {
        if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any || !current.isEmpty())
                values->append(current);
            current.clear();
            any = false;
        } else {
            current += c;
        }
    }
    if (any || !current.isEmpty())
        values->append(current);
    return true;
}

bool patternMatches(const QString& pattern, const QString& host)
{
    const QRegularExpression wildcard(QRegularExpression::wildcardToRegularExpression(
                                          pattern, QRegularExpression::UnanchoredWildcardConversion),
                                      QRegularExpression::CaseInsensitiveOption);
    return QRegularExpression(QStringLiteral("^(?:") + wildcard.pattern() + QStringLiteral(")$"),
                              QRegularExpression::CaseInsensitiveOption)
        .match(host)
        .hasMatch();
}

// OpenSSH: a Host line matches when one pattern matches and no negated pattern does.
bool hostLineMatches(const QStringList& patterns, const QString& host)
{
    bool matched = false;
    for (const QString& pattern : patterns) {
        if (pattern.startsWith(u'!')) {
            if (patternMatches(pattern.mid(1), host))
                return false;
        } else if (patternMatches(pattern, host)) {
            matched = true;
        }
    }
    return matched;
}

struct Collected
{
    QHash<QString, QString> first; // key -> first value (OpenSSH: first obtained value wins)
    QHash<QString, QString> spelled;
    QStringList identityFiles;
    QStringList order;
};

bool collect(const QString& text, const QString& host, const QString& home, int depth, Collected& out,
             QString* error)
{
    bool active = true; // lines before the first Host apply to every host
    const QStringList lines = text.split(u'\n');
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QString key;
        QStringList values;
        if (!splitLine(line, &key, &values) || values.isEmpty())
            continue;
        if (key == QLatin1StringView("host")) {
            active = hostLineMatches(values, host);
            continue;
        }
        if (key == QLatin1StringView("match")) {
            // Match needs OpenSSH's evaluation (exec, canonical, ...): its block is not applied.
            active = values.first().compare(QLatin1StringView("all"), Qt::CaseInsensitive) == 0;
            continue;
        }
        if (!active)
            continue;
        if (key == QLatin1StringView("include")) {
            if (depth >= MaxIncludeDepth) {
                fail(error, QCoreApplication::translate("SshTarget",
                                                        "~/.ssh/config: Include nested more than %1 deep")
                                .arg(MaxIncludeDepth));
                return false;
            }
            for (QString pattern : values) {
                if (pattern.startsWith(QLatin1StringView("~/")))
                    pattern = home + pattern.mid(1);
                else if (!pattern.startsWith(u'/'))
                    pattern = home + QStringLiteral("/.ssh/") + pattern;
                const QFileInfo info(pattern);
                const QStringList files =
                    QDir(info.path()).entryList({info.fileName()}, QDir::Files, QDir::Name);
                for (const QString& name : files) {
                    QFile file(QDir(info.path()).filePath(name));
                    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxConfigBytes) {
                        fail(error, QCoreApplication::translate(
                                        "SshTarget", "cannot read '%1', included from ~/.ssh/config")
                                        .arg(file.fileName()));
                        return false;
                    }
                    if (!collect(QString::fromUtf8(file.readAll()), host, home, depth + 1, out, error))
                        return false;
                }
            }
            continue;
        }
        const QString spelledKey = line.section(QRegularExpression(QStringLiteral("[\\s=]")), 0, 0);
        if (key == QLatin1StringView("identityfile")) {
            out.identityFiles << values.first();
            if (!out.order.contains(QStringLiteral("identityfile"))) {
                out.order << key;
                out.spelled.insert(key, spelledKey);
            }
            continue;
        }
        if (!out.first.contains(key)) {
            out.first.insert(key, key == QLatin1StringView("userknownhostsfile") ? values.first()
                                                                                 : values.join(u' '));
            out.spelled.insert(key, spelledKey);
            out.order << key;
        }
    }
    return true;
}

QString expand(QString value, const QString& home, const QString& localUser, const SshTarget& target)
{
    if (value.startsWith(QLatin1StringView("~/")) || value == QLatin1StringView("~"))
        value = home + value.mid(1);
    QString result;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] != u'%' || i + 1 == value.size()) {
            result += value[i];
            continue;
        }
        const QChar token = value[++i];
        if (token == u'd')
            result += home;
        else if (token == u'u')
            result += localUser;
        else if (token == u'h')
            result += target.hostName;
        else if (token == u'r')
            result += target.user;
        else if (token == u'p')
            result += QString::number(target.port);
        else if (token == u'n')
            result += target.alias;
        else
            result += token; // %% and unknown tokens: the character itself
    }
    return result;
}

QString tilde(const QString& path, const QString& home)
{
    if (!home.isEmpty() && path.startsWith(home + u'/'))
        return u'~' + path.mid(home.size());
    return path;
}

} // namespace

QStringList SshTarget::defaultIdentityFiles(const QString& home)
{
    QStringList files;
    for (const char* name : {"id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk"})
        files << home + QStringLiteral("/.ssh/") + QLatin1StringView(name);
    return files;
}

std::optional<SshTarget> SshTarget::resolve(const QString& spec, const QString& defaultUser,
                                            const QString& configText, const QString& home,
                                            const QString& localUser, QString* error)
{
    static const QRegularExpression specPattern(QStringLiteral(
        "^(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]+))?$"));
    const QRegularExpressionMatch match = specPattern.match(spec.trimmed());
    if (!match.hasMatch())
        return fail(error, QCoreApplication::translate(
                               "SshTarget", "'%1' is not a server: expected an alias from ~/.ssh/config or "
                                            "[USER@]HOST[:PORT]")
                               .arg(spec));
    SshTarget target;
    target.spec = spec.trimmed();
    target.alias = match.captured(2);
    if (target.alias.startsWith(u'['))
        target.alias = target.alias.mid(1, target.alias.size() - 2);
    Collected collected;
    if (!collect(configText, target.alias, home, 0, collected, error))
        return std::nullopt;
    for (const QString& key : std::as_const(collected.order))
        target.configuredKeys << collected.spelled.value(key);

    target.hostName = collected.first.value(QStringLiteral("hostname"), target.alias);
    target.hostName.replace(QStringLiteral("%h"), target.alias);
    const QString portText =
        !match.captured(3).isEmpty() ? match.captured(3) : collected.first.value(QStringLiteral("port"));
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return fail(error, QCoreApplication::translate("SshTarget", "'%1' is not a port (for %2)")
                                   .arg(portText, target.alias));
        target.port = static_cast<quint16>(port);
    }
    target.user =
        !match.captured(1).isEmpty()
            ? match.captured(1)
            : collected.first.value(QStringLiteral("user"), defaultUser.isEmpty() ? localUser : defaultUser);
    target.proxyJump = collected.first.value(QStringLiteral("proxyjump"));
    if (target.proxyJump.isEmpty() && collected.first.contains(QStringLiteral("proxycommand")))
        target.proxyJump =
            QStringLiteral("ProxyCommand ") + collected.first.value(QStringLiteral("proxycommand"));
    target.hashKnownHosts = collected.first.value(QStringLiteral("hashknownhosts"))
                                .compare(QLatin1StringView("yes"), Qt::CaseInsensitive) == 0;
    target.knownHostsFile = expand(
        collected.first.value(QStringLiteral("userknownhostsfile"), QStringLiteral("~/.ssh/known_hosts")),
        home, localUser, target);
    for (const QString& file : std::as_const(collected.identityFiles))
        if (file.compare(QLatin1StringView("none"), Qt::CaseInsensitive) != 0)
            target.identityFiles << expand(file, home, localUser, target);
    return target;
}

std::optional<SshTarget> SshTarget::resolveWithUserConfig(const QString& spec, const QString& defaultUser,
                                                          QString* error)
{
    QString home = QDir::homePath();
    QString localUser = qEnvironmentVariable("USER");
    if (const passwd* entry = ::getpwuid(::getuid())) {
        localUser = QString::fromLocal8Bit(entry->pw_name);
        if (qEnvironmentVariableIsEmpty("HOME"))
            home = QString::fromLocal8Bit(entry->pw_dir);
    }
    QString text;
    QFile file(home + QStringLiteral("/.ssh/config"));
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly) || file.size() > MaxConfigBytes)
            return fail(error, QCoreApplication::translate("SshTarget", "cannot read '%1': %2")
                                   .arg(file.fileName(), file.errorString()));
        text = QString::fromUtf8(file.readAll());
    }
    return resolve(spec, defaultUser, text, home, localUser, error);
}

QString SshTarget::describe(const QString& home) const
{
    QStringList parts;
    parts << QCoreApplication::translate("SshTarget", "%1@%2 port %3").arg(user, hostName).arg(port);
    parts << (identityFiles.isEmpty()
                  ? QCoreApplication::translate("SshTarget", "IdentityFile: OpenSSH's defaults")
                  : QStringLiteral("IdentityFile %1").arg([&] {
                        QStringList shown;
                        for (const QString& f : identityFiles)
                            shown << tilde(f, home);
                        return shown.join(QStringLiteral(", "));
                    }()));
    parts << (viaJumpHost() ? QStringLiteral("ProxyJump %1").arg(proxyJump)
                            : QCoreApplication::translate("SshTarget", "no ProxyJump"));
    QString text = alias + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    if (!configuredKeys.isEmpty())
        text += QCoreApplication::translate("SshTarget", " (from ~/.ssh/config: %1)")
                    .arg(configuredKeys.join(QStringLiteral(", ")));
    return text;
}

} // namespace baton
