// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace baton {

// Entries of OpenSSH's known_hosts as OpenSSH writes them: "HOST TYPE KEY" with HOST the name, or
// "[name]:port" off port 22, or hashed (HashKnownHosts yes) as "|1|base64(salt)|base64(HMAC-SHA1
// keyed with the salt over that name)". libssh 0.10 reads both forms but writes only the plain one,
// so the deployment writes its trusted entries itself.
class KnownHostsFile
{
public:
    static QString hostName(const QString& host, quint16 port);
    // salt: 20 random bytes when empty (tests pass their own).
    static QByteArray line(const QString& host, quint16 port, const QByteArray& keyType,
                           const QByteArray& keyBase64, bool hashed, QByteArray salt = {});
    // Whether a hashed host field ("|1|salt|hash") stands for host:port.
    static bool hashedMatches(const QByteArray& field, const QString& host, quint16 port);
    // Appends one line: ~/.ssh made 0700 if missing, a new file 0600; a missing final newline of
    // the existing file is added first. Errors name the file.
    static bool append(const QString& file, const QByteArray& line, QString* error);
};

} // namespace baton
