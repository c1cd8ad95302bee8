// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CertificateAuthority.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace baton {

// The certificate authority's files on disk, shared by `batonctl pki` and the desktop tool:
//   DIR/ca.crt  DIR/ca.key (or where DIR/ca.key.location says)
//   DIR/agents/NAME.crt    DIR/agents/NAME.key
//   DIR/consoles/NAME.crt  DIR/consoles/NAME.key
//   DIR/revoked.crl  (the CA's revocation list)   DIR/revoked/NAME-SERIAL.crt  (for the record)
// The CA's key may be encrypted with a passphrase; whoever loads it asks for it through
// setPassphraseSource(). Consoles and agents never need it: only issuing and revoking do.
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

    // Lifetimes are capped: a lost certificate stops working on its own, at the latest then.
    static constexpr int MaxCaDays = 3650;
    static constexpr int MaxAgentDays = 825;
    static constexpr int MaxConsoleDays = 397;
    static constexpr int DefaultConsoleDays = 365;

    // Asked for the CA key's passphrase when the key is encrypted; nullopt to give up.
    using PassphraseSource = std::function<std::optional<QByteArray>(const QString& keyFile)>;
    static void setPassphraseSource(PassphraseSource source);

    struct Revoked
    {
        QByteArray serial;
        qint64 listNumber = 0;
        QString listFile;
    };

    // Agent and console names become file names: [A-Za-z0-9][A-Za-z0-9._-]{0,63}.
    static bool isValidName(const QString& name);

    static QString caCertificateFile(const QString& dir);
    static QString caKeyFile(const QString& dir);
    static QString agentCertificateFile(const QString& dir, const QString& name);
    static QString agentKeyFile(const QString& dir, const QString& name);
    static QString consoleCertificateFile(const QString& dir, const QString& name);
    static QString consoleKeyFile(const QString& dir, const QString& name);
    static QString revocationListFile(const QString& dir);

    // A new CA valid for `days` (1..MaxDays). Refused if DIR/ca.crt or DIR/ca.key exists: replacing
    // a CA silently would cut off every agent and console it certified. DIR may exist already.
    // A non-empty passphrase encrypts the CA's key.
    // A non-empty caKeyPath keeps the key there instead of DIR/ca.key (DIR/ca.key.location says
    // where; move the key and edit that line to take it offline).
    static std::optional<Written> init(const QString& dir, const QString& caName, int days, QString* error,
                                       const QByteArray& passphrase = {}, const QString& caKeyPath = {});
    // Issue with the CA in DIR. Refused if NAME has a certificate or key already, unless Replace.
    static std::optional<Written> issueAgent(const QString& dir, const QString& name,
                                             const QStringList& addresses, int days, IfExists ifExists,
                                             QString* error);
    // An agent's certificate for a public key generated on its server (deployment): the
    // certificate is kept as DIR/agents/NAME.crt (replacing an earlier one, whose key lived on the
    // server too); no private key is written here. keyFile of the result is empty.
    static std::optional<Written> issueAgentForKey(const QString& dir, const QString& name,
                                                   const QStringList& addresses,
                                                   const QByteArray& publicKeyPem, int days, QString* error);
    static std::optional<Written> issueConsole(const QString& dir, const QString& name, ConsoleAccess access,
                                               int days, IfExists ifExists, QString* error);

    static std::optional<CertificateAuthority> loadAuthority(const QString& dir, QString* error);
    // Puts the certificate of console (or agent) NAME on DIR/revoked.crl, signed anew with a higher
    // number, and moves it out of the way: its key is deleted, the certificate kept under revoked/.
    static std::optional<Revoked> revoke(const QString& dir, const QString& name, bool agent, QString* error);
    // A small file read whole; the error names the file and says what is wrong with it.
    static std::optional<QByteArray> readPemFile(const QString& path, QString* error);
    // The names with a certificate in DIR/consoles (or DIR/agents), sorted.
    static QStringList consoleNames(const QString& dir);
    static QStringList agentNames(const QString& dir);
};

} // namespace baton
