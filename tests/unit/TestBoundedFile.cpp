// SPDX-License-Identifier: GPL-3.0-or-later
// The one reader of user files (BoundedFile): a missing file, a directory, a device, a file over
// its limit and a /proc file that reports size 0 each get their own words; JSON errors name the line.
#include "config/BoundedFile.h"
#include "config/ClusterDefinition.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

class TestBoundedFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusals()
    {
        QTemporaryDir tmp;
        QString error;
        QVERIFY(!BoundedFile::read(tmp.filePath(QStringLiteral("none")), 10, &error));
        QVERIFY2(error.endsWith(QLatin1StringView("no such file")), qPrintable(error));
        QVERIFY(!BoundedFile::read(tmp.path(), 10, &error));
        QVERIFY2(error.endsWith(QLatin1StringView("is a directory")), qPrintable(error));
        QVERIFY(!BoundedFile::read(QStringLiteral("/dev/zero"), 10, &error));
        QVERIFY2(error.endsWith(QLatin1StringView("not a regular file")), qPrintable(error));
        QFile big(tmp.filePath(QStringLiteral("big")));
        QVERIFY(big.open(QIODevice::WriteOnly) && big.write(QByteArray(2048, 'x')) == 2048);
        big.close();
        QVERIFY(!BoundedFile::read(big.fileName(), 1024, &error));
        QVERIFY2(error.contains(QLatin1StringView("larger than 1 KiB")), qPrintable(error));
        QCOMPARE(BoundedFile::read(big.fileName(), 2048, &error)->size(), 2048);
    }

    void procFilesReadDespiteSizeZero()
    {
        QString error;
        const auto text = BoundedFile::read(QStringLiteral("/proc/self/status"), 64 * 1024, &error);
        QVERIFY2(text, qPrintable(error));
        QVERIFY(text->startsWith("Name:"));
    }

    void jsonErrorsNameTheLine()
    {
        QString error;
        QVERIFY(!BoundedFile::jsonObject("{\n  \"a\": 1,\n  \"b\": ]\n}\n", &error));
        QVERIFY2(error.startsWith(QLatin1StringView("line 3:")), qPrintable(error));
        QVERIFY(!BoundedFile::jsonObject("[1]", &error));
        QCOMPARE(error, QStringLiteral("not a JSON object"));
        QCOMPARE(BoundedFile::jsonObject("{\"a\": 1}", &error)->value(QLatin1StringView("a")).toInt(), 1);
    }

    void clusterFileErrorsNameTheFile()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("cluster.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("{\n  \"name\": \"x\",\n}\n") > 0);
        file.close();
        QString error;
        QVERIFY(!ClusterDefinition::readFile(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": line 3:")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBoundedFile)
#include "TestBoundedFile.moc"
