// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CertificateAuthority.h"

#include <QStringList>

#include <optional>

namespace baton {

// The certificate authority's files on disk, shared by `batonctl pki` and the desktop tool:
//   DIR/ca.crt  DIR/ca.key
//   DIR/agents/NAME.crt    DIR/agents/NAME.key
//   DIR/consoles/NAME.crt  DIR/consoles/NAME.key
// Directories are created 0700, private keys 0600 from their first byte, certificates 0644. A
// certificate and its key are written to temporary files and moved into place together: on any
// error nothing new is left behind and nothing old is lost.
class PkiDirectory
{
public:
    enum class IfExists
    {
        Refuse,
        Replace,
    };

    struct Written
    {
        QString certificateFile;
        QString keyFile;
        QByteArray certificatePem;
    };

    static constexpr int MaxDays = 36500;

    // Agent and console names become file names: [A-Za-z0-9][A-Za-z0-9._-]{0,63}.
    static bool isValidName(const QString& name);

    static QString caCertificateFile(const QString& dir);
    static QString caKeyFile(const QString& dir);
    static QString agentCertificateFile(const QString& dir, const QString& name);
    static QString agentKeyFile(const QString& dir, const QString& name);
    static QString consoleCertificateFile(const QString& dir, const QString& name);
    static QString consoleKeyFile(const QString& dir, const QString& name);

    // A new CA valid for `days` (1..MaxDays). Refused if DIR/ca.crt or DIR/ca.key exists: replacing
    // a CA silently would cut off every agent and console it certified. DIR may exist already.
    static std::optional<Written> init(const QString& dir, const QString& caName, int days, QString* error);
    // Issue with the CA in DIR. Refused if NAME has a certificate or key already, unless Replace.
    static std::optional<Written> issueAgent(const QString& dir, const QString& name,
                                             const QStringList& addresses, int days, IfExists ifExists,
                                             QString* error);
    static std::optional<Written> issueConsole(const QString& dir, const QString& name, ConsoleAccess access,
                                               int days, IfExists ifExists, QString* error);

    static std::optional<CertificateAuthority> loadAuthority(const QString& dir, QString* error);
    // A small file read whole; the error names the file and says what is wrong with it.
    static std::optional<QByteArray> readPemFile(const QString& path, QString* error);
    // The names with a certificate in DIR/consoles (or DIR/agents), sorted.
    static QStringList consoleNames(const QString& dir);
    static QStringList agentNames(const QString& dir);
};

} // namespace baton
