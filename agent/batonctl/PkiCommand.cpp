// SPDX-License-Identifier: GPL-3.0-or-later
#include "PkiCommand.h"

#include "Passphrase.h"
#include "pki/PkiDirectory.h"
#include "util/FdWrite.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSslCertificate>
#include <QTextStream>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace baton {

namespace {

const char* const Synopsis =
    "usage: batonctl pki init DIR [--name CA-NAME] [--days N] [--passphrase-file FILE | --encrypt]\n"
    "                             [--ca-key FILE]\n"
    "       batonctl pki issue-agent DIR NAME ADDRESS... [--days N] [--replace]\n"
    "       batonctl pki issue-console DIR NAME [--operator | --read-only] [--days N] [--replace]\n"
    "       batonctl pki revoke DIR NAME [--agent]\n"
    "       batonctl pki keygen FILE\n";
const char* const Details =
    "  init           create the cluster's CA: DIR/ca.crt and DIR/ca.key (never overwrites a CA)\n"
    "  issue-agent    an agent's TLS server certificate: DIR/agents/NAME.{crt,key}; ADDRESS is\n"
    "                 what consoles connect to (IPv4, IPv6 or host name; at least one)\n"
    "  issue-console  a console's TLS client certificate: DIR/consoles/NAME.{crt,key}; read-only\n"
    "                 (may only watch) unless --operator (may take links down, hand over, ...)\n"
    "  revoke         put console NAME's certificate (--agent: agent NAME's) on DIR/revoked.crl;\n"
    "                 give the list to the agents with: batonctl --agent HOST --pki DIR\n"
    "                 push-revocations (each agent refuses the certificate from then on)\n"
    "  keygen         a new private key in FILE (mode 0600, never overwritten), its public key\n"
    "                 printed; deployment makes each agent's key on its server with it\n"
    "  --name         the CA's common name (default: Baton CA)\n"
    "  --days         validity in days (default and longest: the CA 3650 and 3650, an agent 730\n"
    "                 and 825, a console 365 and 397; never past the CA)\n"
    "  --replace      re-issue NAME's certificate and key if they exist\n"
    "  --encrypt      encrypt the CA's key with a passphrase asked on the terminal (twice)\n"
    "  --ca-key FILE  keep the CA's key at FILE (absolute), apart from the console certificates and keys;\n"
    "                 DIR/ca.key.location records where (move it offline and edit that line)\n"
    "  --passphrase-file FILE\n"
    "                 the CA key's passphrase, from the first line of FILE: with init, encrypt the\n"
    "                 key with it; otherwise, unlock an encrypted key (else it is asked for)\n";

int usageError(QTextStream& err, const QString& message)
{
    err << "batonctl pki: " << message << "\n" << Synopsis;
    return 2;
}

QString isoDate(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString subject(const QSslCertificate& certificate)
{
    QStringList parts;
    for (const auto& [label, attribute] : {std::pair{u"CN=", QSslCertificate::CommonName},
                                           std::pair{u"OU=", QSslCertificate::OrganizationalUnitName},
                                           std::pair{u"O=", QSslCertificate::Organization}}) {
        for (const QString& value : certificate.subjectInfo(attribute))
            parts << QString(label + value);
    }
    return parts.join(QStringLiteral(", "));
}

void report(const PkiDirectory::Written& written, int days, QTextStream& out)
{
    const QSslCertificate certificate(written.certificatePem, QSsl::Pem);
    out << "wrote " << written.certificateFile << '\n'
        << "wrote " << written.keyFile << " (private key, mode 0600)\n"
        << "  subject   " << subject(certificate) << '\n';
    QStringList altNames;
    const auto entries = certificate.subjectAlternativeNames();
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        altNames << QString((it.key() == QSsl::IpAddressEntry ? u"IP:" : u"DNS:") + it.value());
    if (!altNames.isEmpty())
        out << "  names     " << altNames.join(QStringLiteral(", ")) << '\n';
    out << "  SHA-256   " << certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper() << '\n'
        << "  valid     " << isoDate(certificate.effectiveDate()) << " to "
        << isoDate(certificate.expiryDate()) << '\n';
    // Clamped to the CA's own end (CertificateAuthority): say so rather than surprise later.
    if (certificate.expiryDate() < Validity::days(days).notAfter.addSecs(-60))
        out << "  note      shortened to end with the CA, not after " << days << " days\n";
}

} // namespace

int PkiCommand::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser p;
    p.addOptions({
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
        {QStringLiteral("name"), QStringLiteral("The CA's common name."), QStringLiteral("ca-name")},
        {QStringLiteral("days"), QStringLiteral("Validity in days."), QStringLiteral("n")},
        {QStringLiteral("replace"), QStringLiteral("Re-issue an existing certificate.")},
        {QStringLiteral("read-only"), QStringLiteral("A console that may only watch (the default).")},
        {QStringLiteral("operator"), QStringLiteral("A console that may change state.")},
        {QStringLiteral("agent"), QStringLiteral("Revoke an agent's certificate.")},
        {QStringLiteral("encrypt"), QStringLiteral("Encrypt the CA key with a passphrase.")},
        {QStringLiteral("ca-key"), QStringLiteral("Keep the CA's key here, apart."), QStringLiteral("file")},
        {QStringLiteral("passphrase-file"), QStringLiteral("The CA key's passphrase."),
         QStringLiteral("file")},
    });
    // parse(), not process(): process() exits with 1 on a bad option, and usage errors are 2 here.
    if (!p.parse(arguments))
        return usageError(err, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        out << Synopsis << Details;
        return 0;
    }
    const QStringList positional = p.positionalArguments();
    const QString verb = positional.value(0);
    const QString dir = positional.value(1);
    const bool isInit = verb == QLatin1StringView("init");
    const bool isAgent = verb == QLatin1StringView("issue-agent");
    const bool isConsole = verb == QLatin1StringView("issue-console");
    const bool isRevoke = verb == QLatin1StringView("revoke");
    if (!isInit && !isAgent && !isConsole && !isRevoke)
        return usageError(err, verb.isEmpty() ? QStringLiteral("no sub-command given")
                                              : QStringLiteral("unknown sub-command '%1'").arg(verb));
    if (isAgent && positional.size() == 3)
        return usageError(
            err, QStringLiteral("issue-agent needs at least one ADDRESS (what consoles connect to)"));
    if ((isInit && positional.size() != 2) || (isAgent && positional.size() < 4) ||
        ((isConsole || isRevoke) && positional.size() != 3))
        return usageError(err, QStringLiteral("wrong number of arguments for '%1'").arg(verb));
    for (const auto& [option, allowed] :
         {std::pair{QStringLiteral("name"), isInit},
          std::pair{QStringLiteral("replace"), isAgent || isConsole},
          std::pair{QStringLiteral("read-only"), isConsole}, std::pair{QStringLiteral("operator"), isConsole},
          std::pair{QStringLiteral("agent"), isRevoke}, std::pair{QStringLiteral("encrypt"), isInit},
          std::pair{QStringLiteral("ca-key"), isInit}, std::pair{QStringLiteral("days"), !isRevoke}}) {
        if (p.isSet(option) && !allowed)
            return usageError(err, QStringLiteral("--%1 does not apply to '%2'").arg(option, verb));
    }
    if (p.isSet(QStringLiteral("read-only")) && p.isSet(QStringLiteral("operator")))
        return usageError(err, QStringLiteral("--read-only and --operator exclude each other"));
    const int maxDays = isInit    ? PkiDirectory::MaxCaDays
                        : isAgent ? PkiDirectory::MaxAgentDays
                                  : PkiDirectory::MaxConsoleDays;
    int days = isInit    ? CertificateAuthority::DefaultCaDays
               : isAgent ? CertificateAuthority::DefaultLeafDays
                         : PkiDirectory::DefaultConsoleDays;
    if (p.isSet(QStringLiteral("days"))) {
        bool ok = false;
        days = p.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || days < 1 || days > maxDays)
            return usageError(
                err, QStringLiteral("--days: expected a whole number from 1 to %1 for '%2', got '%3'")
                         .arg(maxDays)
                         .arg(verb, p.value(QStringLiteral("days"))));
    }
    const auto ifExists =
        p.isSet(QStringLiteral("replace")) ? PkiDirectory::IfExists::Replace : PkiDirectory::IfExists::Refuse;

    QString error;
    std::optional<QByteArray> passphrase;
    if (p.isSet(QStringLiteral("passphrase-file"))) {
        passphrase = Passphrase::fromFile(p.value(QStringLiteral("passphrase-file")), &error);
        if (!passphrase) {
            err << "batonctl pki: " << error << '\n';
            return 1;
        }
    }
    PkiDirectory::setPassphraseSource([passphrase](const QString& keyFile) {
        return passphrase ? passphrase : Passphrase::ask(QStringLiteral("Passphrase for %1: ").arg(keyFile));
    });

    std::optional<PkiDirectory::Written> written;
    if (isInit) {
        if (p.isSet(QStringLiteral("encrypt")) && !passphrase) {
            passphrase = Passphrase::askNew(QStringLiteral("New passphrase for the CA's key: "), &error);
            if (!passphrase) {
                err << "batonctl pki init: " << error << '\n';
                return 1;
            }
        }
        const QString name =
            p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name")) : QStringLiteral("Baton CA");
        written = PkiDirectory::init(dir, name, days, &error, passphrase.value_or(QByteArray()),
                                     p.value(QStringLiteral("ca-key")));
    } else if (isAgent) {
        written = PkiDirectory::issueAgent(dir, positional[2], positional.mid(3), days, ifExists, &error);
    } else if (isConsole) {
        const auto access =
            p.isSet(QStringLiteral("operator")) ? ConsoleAccess::Operator : ConsoleAccess::ReadOnly;
        written = PkiDirectory::issueConsole(dir, positional[2], access, days, ifExists, &error);
    } else {
        const auto revoked =
            PkiDirectory::revoke(dir, positional[2], p.isSet(QStringLiteral("agent")), &error);
        if (!revoked) {
            err << "batonctl pki revoke: " << error << '\n';
            return 1;
        }
        out << "revoked " << positional[2] << " (serial " << revoked->serial << ")\n"
            << "wrote " << revoked->listFile << " (list " << revoked->listNumber << ")\n"
            << "  next: batonctl --agent HOST --pki " << dir << " push-revocations, for each agent\n";
        return 0;
    }
    if (!written) {
        err << "batonctl pki " << verb << ": " << error << '\n';
        return 1;
    }
    report(*written, days, out);
    return 0;
}

int PkiCommand::keygen(const QString& file)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const auto key = GeneratedKey::create(&error);
    if (!key) {
        err << "batonctl pki keygen: " << error << "\n";
        return 1;
    }
    const QByteArray path = QFile::encodeName(file);
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        err << "batonctl pki keygen: cannot create '" << file
            << "': " << QString::fromLocal8Bit(std::strerror(errno)) << "\n";
        return 1;
    }
    const bool ok = FdWrite::all(fd, key->keyPem) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(path.constData());
        err << "batonctl pki keygen: cannot write '" << file
            << "': " << QString::fromLocal8Bit(std::strerror(savedErrno)) << "\n";
        return 1;
    }
    out << QString::fromLatin1(key->publicKeyPem);
    return 0;
}

} // namespace baton
