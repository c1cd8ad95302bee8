// SPDX-License-Identifier: GPL-3.0-or-later
#include "PkiDirectory.h"

#include "OpenSsl.h"
#include "RevocationList.h"
#include "config/BoundedFile.h"
#include "util/Fail.h"
#include "util/FdWrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baton {

namespace {

constexpr qint64 MaxPemBytes = 64 * 1024;
constexpr int MaxNameLength = 64;

QString subdirectory(const QString& dir, QStringView name)
{
    return QString(QDir::cleanPath(dir) + u'/' + name);
}

QString leafFile(const QString& dir, QStringView kind, const QString& name, QStringView suffix)
{
    return QString(subdirectory(dir, kind) + u'/' + name + suffix);
}

bool lexists(const QString& path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0; // a dangling symlink counts
}

// Missing levels are created 0700 (the umask can only narrow that); existing ones are left alone.
bool ensureDirectory(const QString& path, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::stat(native.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        *error = QStringLiteral("'%1' exists and is not a directory").arg(path);
        return false;
    }
    if (errno != ENOENT) {
        *error = QStringLiteral("cannot use directory '%1': %2").arg(path, qt_error_string(errno));
        return false;
    }
    const QString parent = QFileInfo(path).path();
    if (parent != path && !ensureDirectory(parent, error))
        return false;
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create directory '%1': %2").arg(path, qt_error_string(errno));
        return false;
    }
    return true;
}

void fsyncDirectory(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// A new, uniquely named file next to finalPath holding data. mkostemp() creates it with O_EXCL and
// mode 0600, so a key is never readable by others, not even for a moment; then it gets `mode`.
std::optional<QString> writeTemporary(const QString& finalPath, const QByteArray& data, mode_t mode,
                                      QString* error)
{
    const QFileInfo info(finalPath);
    QByteArray pattern = QFile::encodeName(QString(info.path() + u"/." + info.fileName() + u".XXXXXX"));
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(
            error,
            QStringLiteral("cannot create a file in '%1': %2").arg(info.path(), qt_error_string(errno)));
    bool ok = ::fchmod(fd, mode) == 0 && FdWrite::all(fd, data) && ::fsync(fd) == 0;
    int savedErrno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        savedErrno = errno;
    }
    if (!ok) {
        ::unlink(pattern.constData());
        return fail(error,
                    QStringLiteral("cannot write '%1': %2").arg(finalPath, qt_error_string(savedErrno)));
    }
    return QFile::decodeName(pattern);
}

struct Move
{
    QString from; // a temporary
    QString to;
};

// Moves every temporary into place, or none: a failure part-way undoes the moves already made
// (Replace keeps a hard link to each old file until the end for that). The temporaries are gone
// afterwards either way.
bool commit(const QList<Move>& moves, PkiDirectory::IfExists ifExists, QString* error)
{
    QStringList placed;
    QStringList backups; // per placed file: the old file's hard link, empty if there was none
    for (const Move& move : moves) {
        const QByteArray from = QFile::encodeName(move.from);
        const QByteArray to = QFile::encodeName(move.to);
        QString backup;
        bool ok = true;
        if (ifExists == PkiDirectory::IfExists::Refuse) {
            // link(2), unlike rename(2), fails instead of replacing a file that appeared meanwhile.
            ok = ::link(from.constData(), to.constData()) == 0;
        } else {
            if (lexists(move.to)) {
                backup = QString(move.from + u".old");
                ok = ::link(to.constData(), QFile::encodeName(backup).constData()) == 0;
            }
            ok = ok && ::rename(from.constData(), to.constData()) == 0;
        }
        if (!ok) {
            *error = errno == EEXIST
                         ? QStringLiteral("'%1' already exists; refusing to overwrite it").arg(move.to)
                         : QStringLiteral("cannot write '%1': %2").arg(move.to, qt_error_string(errno));
            if (!backup.isEmpty())
                ::unlink(QFile::encodeName(backup).constData());
            break;
        }
        placed << move.to;
        backups << backup;
    }
    const bool ok = placed.size() == moves.size();
    for (qsizetype i = placed.size() - 1; i >= 0; --i) {
        const QByteArray target = QFile::encodeName(placed[i]);
        if (backups[i].isEmpty()) {
            if (!ok)
                ::unlink(target.constData());
        } else if (ok) {
            ::unlink(QFile::encodeName(backups[i]).constData());
        } else {
            ::rename(QFile::encodeName(backups[i]).constData(), target.constData());
        }
    }
    for (const Move& move : moves)
        ::unlink(QFile::encodeName(move.from).constData()); // Refuse linked them; Replace renamed them
    if (!moves.isEmpty())
        fsyncDirectory(QFileInfo(moves.first().to).path());
    return ok;
}

std::optional<PkiDirectory::Written> writePair(const QString& certificateFile,
                                               const QByteArray& certificatePem, const QString& keyFile,
                                               const QByteArray& keyPem, PkiDirectory::IfExists ifExists,
                                               QString* error)
{
    const auto keyTemporary = writeTemporary(keyFile, keyPem, 0600, error);
    if (!keyTemporary)
        return std::nullopt;
    const auto certificateTemporary = writeTemporary(certificateFile, certificatePem, 0644, error);
    if (!certificateTemporary) {
        ::unlink(QFile::encodeName(*keyTemporary).constData());
        return std::nullopt;
    }
    if (!commit({{*keyTemporary, keyFile}, {*certificateTemporary, certificateFile}}, ifExists, error))
        return std::nullopt;
    return PkiDirectory::Written{certificateFile, keyFile, certificatePem};
}

bool checkDays(int days, int maxDays, QStringView kind, QString* error)
{
    if (days >= 1 && days <= maxDays)
        return true;
    *error =
        QStringLiteral("a validity of %1 days for a %2: expected 1 to %3").arg(days).arg(kind).arg(maxDays);
    return false;
}

PkiDirectory::PassphraseSource& passphraseSource()
{
    static PkiDirectory::PassphraseSource source;
    return source;
}

// What agents and consoles share: name, validity, the CA, the existing files, the writing.
template <typename Issue>
std::optional<PkiDirectory::Written> issueLeaf(const QString& dir, QStringView kind, QStringView subdir,
                                               const QString& name, int days, PkiDirectory::IfExists ifExists,
                                               QString* error, Issue issue)
{
    if (!PkiDirectory::isValidName(name))
        return fail(error,
                    QStringLiteral("bad %1 name '%2': expected a letter or digit, then up to 63 letters, "
                                   "digits, '.', '_' or '-'")
                        .arg(kind, name));
    if (!checkDays(days, kind == u"agent" ? PkiDirectory::MaxAgentDays : PkiDirectory::MaxConsoleDays, kind,
                   error))
        return std::nullopt;
    const QString certificateFile = leafFile(dir, subdir, name, u".crt");
    const QString keyFile = leafFile(dir, subdir, name, u".key");
    if (ifExists == PkiDirectory::IfExists::Refuse) {
        for (const QString& file : {certificateFile, keyFile})
            if (lexists(file))
                return fail(error, QStringLiteral("%1 '%2' already exists ('%3'); refusing to overwrite it")
                                       .arg(kind, name, file));
    }
    const auto ca = PkiDirectory::loadAuthority(dir, error);
    if (!ca)
        return std::nullopt;
    const std::optional<IssuedCertificate> issued = issue(*ca, Validity::days(days), error);
    if (!issued || !ensureDirectory(subdirectory(dir, subdir), error))
        return std::nullopt;
    return writePair(certificateFile, issued->certificatePem, keyFile, issued->keyPem, ifExists, error);
}

QStringList namesIn(const QString& directory)
{
    QStringList names;
    const QStringList files = QDir(directory).entryList({QStringLiteral("*.crt")}, QDir::Files);
    for (const QString& file : files)
        if (const QString name = file.chopped(4); PkiDirectory::isValidName(name))
            names << name;
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

bool PkiDirectory::isValidName(const QString& name)
{
    const auto alphanumeric = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    };
    if (name.isEmpty() || name.size() > MaxNameLength || !alphanumeric(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [&](QChar c) { return alphanumeric(c) || c == u'.' || c == u'_' || c == u'-'; });
}

QString PkiDirectory::caCertificateFile(const QString& dir)
{
    return subdirectory(dir, u"ca.crt");
}

QString PkiDirectory::caKeyFile(const QString& dir)
{
    // DIR/ca.key.location names a key kept apart from the folder (removable media, another
    // account's home): consoles and agents never need it, only issuing and revoking do.
    QFile location(subdirectory(dir, u"ca.key.location"));
    if (location.open(QIODevice::ReadOnly)) {
        const QString path = QString::fromUtf8(location.readLine(4096)).trimmed();
        if (QDir::isAbsolutePath(path))
            return path;
    }
    return subdirectory(dir, u"ca.key");
}

QString PkiDirectory::agentCertificateFile(const QString& dir, const QString& name)
{
    return leafFile(dir, u"agents", name, u".crt");
}

QString PkiDirectory::agentKeyFile(const QString& dir, const QString& name)
{
    return leafFile(dir, u"agents", name, u".key");
}

QString PkiDirectory::consoleCertificateFile(const QString& dir, const QString& name)
{
    return leafFile(dir, u"consoles", name, u".crt");
}

QString PkiDirectory::consoleKeyFile(const QString& dir, const QString& name)
{
    return leafFile(dir, u"consoles", name, u".key");
}

void PkiDirectory::setPassphraseSource(PassphraseSource source)
{
    passphraseSource() = std::move(source);
}

QString PkiDirectory::revocationListFile(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("revoked.crl"));
}

std::optional<PkiDirectory::Written> PkiDirectory::init(const QString& dir, const QString& caName, int days,
                                                        QString* error, const QByteArray& passphrase,
                                                        const QString& caKeyPath)
{
    if (!checkDays(days, MaxCaDays, u"CA", error))
        return std::nullopt;
    if (!caKeyPath.isEmpty() && !QDir::isAbsolutePath(caKeyPath))
        return fail(error,
                    QStringLiteral("the CA key's place must be an absolute path, got '%1'").arg(caKeyPath));
    const QString keyFile = caKeyPath.isEmpty() ? caKeyFile(dir) : caKeyPath;
    for (const QString& file : {caCertificateFile(dir), keyFile, subdirectory(dir, u"ca.key.location")})
        if (lexists(file))
            return fail(error,
                        QStringLiteral("'%1' already exists; refusing to overwrite a CA (every certificate "
                                       "it issued would stop working)")
                            .arg(file));
    const auto ca = CertificateAuthority::create(caName, Validity::days(days), error);
    if (!ca)
        return std::nullopt;
    const QString clean = QDir::cleanPath(dir);
    if (!ensureDirectory(clean, error) || !ensureDirectory(subdirectory(dir, u"agents"), error) ||
        !ensureDirectory(subdirectory(dir, u"consoles"), error))
        return std::nullopt;
    QByteArray keyPem = ca->keyPem();
    if (!passphrase.isEmpty()) {
        const OpenSsl::Key key = OpenSsl::readPrivateKey(keyPem);
        keyPem = key ? OpenSsl::encryptedPrivateKeyPem(key.get(), passphrase) : QByteArray();
        if (keyPem.isEmpty())
            return fail(error, QStringLiteral("cannot encrypt the CA's key: %1").arg(OpenSsl::takeError()));
    }
    if (!caKeyPath.isEmpty() && !ensureDirectory(QFileInfo(caKeyPath).absolutePath(), error))
        return std::nullopt;
    auto written =
        writePair(caCertificateFile(dir), ca->certificatePem(), keyFile, keyPem, IfExists::Refuse, error);
    if (written && !caKeyPath.isEmpty()) {
        const QString location = subdirectory(dir, u"ca.key.location");
        const auto noted = writeTemporary(location, (caKeyPath + u'\n').toUtf8(), 0644, error);
        if (!noted || !commit({{*noted, location}}, IfExists::Refuse, error)) {
            QFile::remove(caCertificateFile(dir)); // all or nothing: no CA whose key cannot be found
            QFile::remove(keyFile);
            return std::nullopt;
        }
    }
    return written;
}

std::optional<PkiDirectory::Written> PkiDirectory::issueAgent(const QString& dir, const QString& name,
                                                              const QStringList& addresses, int days,
                                                              IfExists ifExists, QString* error)
{
    if (addresses.isEmpty() && isValidName(name))
        return fail(
            error,
            QStringLiteral("agent '%1' needs at least one address (the one consoles connect to)").arg(name));
    return issueLeaf(dir, u"agent", u"agents", name, days, ifExists, error,
                     [&](const CertificateAuthority& ca, const Validity& validity, QString* why) {
                         return ca.issueAgent(name, addresses, validity, why);
                     });
}

std::optional<PkiDirectory::Written> PkiDirectory::issueAgentForKey(const QString& dir, const QString& name,
                                                                    const QStringList& addresses,
                                                                    const QByteArray& publicKeyPem, int days,
                                                                    QString* error)
{
    if (!isValidName(name))
        return fail(error, QStringLiteral("bad agent name '%1': expected a letter or digit, then up to 63 "
                                          "letters, digits, '.', '_' or '-'")
                               .arg(name));
    if (!checkDays(days, MaxAgentDays, u"agent", error))
        return std::nullopt;
    const auto ca = loadAuthority(dir, error);
    if (!ca)
        return std::nullopt;
    const auto issued = ca->issueAgentForKey(name, addresses, publicKeyPem, Validity::days(days), error);
    if (!issued || !ensureDirectory(subdirectory(dir, u"agents"), error))
        return std::nullopt;
    const QString certificateFile = agentCertificateFile(dir, name);
    const auto temporary = writeTemporary(certificateFile, issued->certificatePem, 0644, error);
    if (!temporary || !commit({{*temporary, certificateFile}}, IfExists::Replace, error))
        return std::nullopt;
    return Written{certificateFile, QString(), issued->certificatePem};
}

std::optional<PkiDirectory::Written> PkiDirectory::issueConsole(const QString& dir, const QString& name,
                                                                ConsoleAccess access, int days,
                                                                IfExists ifExists, QString* error)
{
    return issueLeaf(dir, u"console", u"consoles", name, days, ifExists, error,
                     [&](const CertificateAuthority& ca, const Validity& validity, QString* why) {
                         return ca.issueConsole(name, access, validity, why);
                     });
}

std::optional<CertificateAuthority> PkiDirectory::loadAuthority(const QString& dir, QString* error)
{
    const auto certificate = readPemFile(caCertificateFile(dir), error);
    if (!certificate)
        return std::nullopt;
    auto key = readPemFile(caKeyFile(dir), error);
    if (!key)
        return std::nullopt;
    if (OpenSsl::isEncryptedKey(*key)) {
        const auto& ask = passphraseSource();
        const std::optional<QByteArray> passphrase = ask ? ask(caKeyFile(dir)) : std::nullopt;
        if (!passphrase)
            return fail(error, QStringLiteral("the CA's key '%1' is encrypted: its passphrase is needed")
                                   .arg(caKeyFile(dir)));
        const OpenSsl::Key plain = OpenSsl::readPrivateKey(*key, *passphrase);
        if (!plain) {
            OpenSsl::takeError();
            return fail(error, QStringLiteral("wrong passphrase for the CA's key '%1'").arg(caKeyFile(dir)));
        }
        key = OpenSsl::privateKeyPem(plain.get()); // in memory only
    }
    QString why;
    auto ca = CertificateAuthority::load(*certificate, *key, &why);
    if (!ca)
        return fail(error, QStringLiteral("the CA in '%1': %2").arg(QDir::cleanPath(dir), why));
    return ca;
}

std::optional<QByteArray> PkiDirectory::readPemFile(const QString& path, QString* error)
{
    std::optional<QByteArray> data = BoundedFile::read(path, MaxPemBytes, error);
    if (!data)
        return std::nullopt;
    if (!data->contains("-----BEGIN "))
        return fail(error, QStringLiteral("'%1' is not a PEM file (no '-----BEGIN' line)").arg(path));
    return data;
}

QStringList PkiDirectory::consoleNames(const QString& dir)
{
    return namesIn(subdirectory(dir, u"consoles"));
}

QStringList PkiDirectory::agentNames(const QString& dir)
{
    return namesIn(subdirectory(dir, u"agents"));
}

std::optional<PkiDirectory::Revoked> PkiDirectory::revoke(const QString& dir, const QString& name, bool agent,
                                                          QString* error)
{
    const QString certificateFile =
        agent ? agentCertificateFile(dir, name) : consoleCertificateFile(dir, name);
    const QString keyFile = agent ? agentKeyFile(dir, name) : consoleKeyFile(dir, name);
    if (!isValidName(name))
        return fail(error, QStringLiteral("bad name '%1'").arg(name));
    const auto pem = readPemFile(certificateFile, error);
    if (!pem)
        return std::nullopt;
    const QByteArray serial = RevocationList::serialOf(*pem);
    if (serial.isEmpty())
        return fail(error, QStringLiteral("'%1' holds no readable certificate").arg(certificateFile));
    const auto ca = loadAuthority(dir, error);
    if (!ca)
        return std::nullopt;
    QList<RevocationList::Entry> entries;
    qint64 number = 0;
    const QString listFile = revocationListFile(dir);
    if (QFileInfo::exists(listFile)) {
        const auto current = readPemFile(listFile, error);
        QString why;
        const auto list = current ? RevocationList::read(*current, ca->certificatePem(), &why) : std::nullopt;
        if (!list)
            return fail(error, QStringLiteral("'%1': %2").arg(listFile, current ? why : *error));
        entries = list->entries();
        number = list->number();
    }
    entries << RevocationList::Entry{serial, QDateTime::currentDateTimeUtc()};
    const auto list = RevocationList::create(*ca, entries, number + 1, error);
    if (!list)
        return std::nullopt;
    // The list first: if it cannot be written, nothing has changed.
    const auto temporary = writeTemporary(listFile, list->pem(), 0644, error);
    if (!temporary || !commit({{*temporary, listFile}}, IfExists::Replace, error))
        return std::nullopt;
    const QString keep = subdirectory(dir, u"revoked");
    QString ignored;
    if (ensureDirectory(keep, &ignored))
        QFile::rename(
            certificateFile,
            QDir(keep).filePath(QStringLiteral("%1-%2.crt").arg(name, QString::fromLatin1(serial))));
    QFile::remove(certificateFile);
    QFile::remove(keyFile);
    return Revoked{serial, list->number(), listFile};
}

} // namespace baton
