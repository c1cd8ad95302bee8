// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster's revocation list (RevocationList, PkiDirectory::revoke): signed by the CA and read
// back only with it, numbered upwards, the serials as an agent compares them, and `revoke` moving
// the withdrawn certificate out of the way without losing the list on a second revocation.
#include "pki/PkiDirectory.h"
#include "pki/RevocationList.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {
QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestRevocationList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(PkiDirectory::init(dir(), s("Test CA"), 30, &error), qPrintable(error));
        for (const char* name : {"alice", "bob"})
            QVERIFY2(PkiDirectory::issueConsole(dir(), s(name), ConsoleAccess::Operator, 10,
                                                PkiDirectory::IfExists::Refuse, &error),
                     qPrintable(error));
        QVERIFY2(PkiDirectory::init(m_other.path(), s("Other CA"), 30, &error), qPrintable(error));
    }

    void serialMatchesWhatQtSees()
    {
        const QByteArray pem = contents(PkiDirectory::consoleCertificateFile(dir(), s("alice")));
        const QByteArray serial = RevocationList::serialOf(pem);
        QVERIFY(!serial.isEmpty());
        QByteArray qt = QSslCertificate(pem).serialNumber().replace(':', QByteArray()).toLower();
        while (qt.startsWith('0'))
            qt.remove(0, 1);
        QCOMPARE(serial, qt);
        QCOMPARE(RevocationList::serialOf("not a certificate"), QByteArray());
    }

    void signedAndReadBack()
    {
        QString error;
        const auto ca = PkiDirectory::loadAuthority(dir(), &error);
        QVERIFY2(ca, qPrintable(error));
        const QList<RevocationList::Entry> entries{
            {"1a2b", QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC)},
            {"ff", QDateTime::fromSecsSinceEpoch(1'800'000'100, Qt::UTC)}};
        const auto list = RevocationList::create(*ca, entries, 7, &error);
        QVERIFY2(list, qPrintable(error));
        const auto back = RevocationList::read(list->pem(), ca->certificatePem(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->number(), qint64{7});
        QVERIFY(back->isRevoked("1a2b") && back->isRevoked("ff"));
        QVERIFY(!back->isRevoked("1a2c"));
        QCOMPARE(back->entries().size(), 2);
    }

    void otherCaOrTamperedRefused()
    {
        QString error;
        const auto ca = PkiDirectory::loadAuthority(dir(), &error);
        const auto other = PkiDirectory::loadAuthority(m_other.path(), &error);
        QVERIFY(ca && other);
        const auto theirs =
            RevocationList::create(*other, {{"1", QDateTime::currentDateTimeUtc()}}, 99, &error);
        QVERIFY2(theirs, qPrintable(error));
        QVERIFY(!RevocationList::read(theirs->pem(), ca->certificatePem(), &error));
        QVERIFY2(error.contains(QLatin1StringView("not signed by this cluster's CA")), qPrintable(error));
        const auto ours = RevocationList::create(*ca, {{"1", QDateTime::currentDateTimeUtc()}}, 1, &error);
        QVERIFY(ours);
        QByteArray tampered = ours->pem();
        tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
        QVERIFY(!RevocationList::read(tampered, ca->certificatePem(), &error));
        QVERIFY(!RevocationList::read("-----BEGIN X509 CRL-----\nxx\n-----END X509 CRL-----\n",
                                      ca->certificatePem(), &error));
    }

    void revokeInTheDirectory()
    {
        QString error;
        const QByteArray alicePem = contents(PkiDirectory::consoleCertificateFile(dir(), s("alice")));
        const auto first = PkiDirectory::revoke(dir(), s("alice"), false, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->serial, RevocationList::serialOf(alicePem));
        QCOMPARE(first->listNumber, qint64{1});
        QVERIFY(!QFile::exists(PkiDirectory::consoleKeyFile(dir(), s("alice"))));
        QVERIFY(!QFile::exists(PkiDirectory::consoleCertificateFile(dir(), s("alice"))));
        QVERIFY(!PkiDirectory::consoleNames(dir()).contains(s("alice")));
        QVERIFY(QFile::exists(QDir(dir()).filePath(
            QStringLiteral("revoked/alice-%1.crt").arg(QString::fromLatin1(first->serial)))));
        // A second revocation keeps the first on the list, under a higher number.
        const QByteArray bobPem = contents(PkiDirectory::consoleCertificateFile(dir(), s("bob")));
        const auto second = PkiDirectory::revoke(dir(), s("bob"), false, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->listNumber, qint64{2});
        const auto list = RevocationList::read(contents(PkiDirectory::revocationListFile(dir())),
                                               contents(PkiDirectory::caCertificateFile(dir())), &error);
        QVERIFY2(list, qPrintable(error));
        QVERIFY(list->isRevoked(RevocationList::serialOf(alicePem)));
        QVERIFY(list->isRevoked(RevocationList::serialOf(bobPem)));
        // Nothing left to revoke under that name: an error naming the file, the list untouched.
        const QByteArray before = contents(PkiDirectory::revocationListFile(dir()));
        QVERIFY(!PkiDirectory::revoke(dir(), s("alice"), false, &error));
        QVERIFY2(error.contains(QLatin1StringView("alice")), qPrintable(error));
        QCOMPARE(contents(PkiDirectory::revocationListFile(dir())), before);
    }

private:
    QString dir() const { return m_tmp.path(); }
    QTemporaryDir m_tmp;
    QTemporaryDir m_other;
};

QTEST_GUILESS_MAIN(TestRevocationList)
#include "TestRevocationList.moc"
