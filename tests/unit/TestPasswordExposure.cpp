// SPDX-License-Identifier: GPL-3.0-or-later
// A CARP password in a file others can read is warned about (PasswordExposure), through both
// readers: batond.conf and the ucarp-* stanzas of an interfaces file.
#include "config/AgentConfigParser.h"
#include "config/IfupdownReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {
bool write(const QString& path, const QByteArray& text, QFile::Permissions mode)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.setPermissions(mode);
}

const QFile::Permissions Private = QFile::ReadOwner | QFile::WriteOwner;
const QFile::Permissions Shared = Private | QFile::ReadGroup | QFile::ReadOther;

bool warns(const ConfigResult& result)
{
    return std::any_of(result.warnings.cbegin(), result.warnings.cend(), [](const QString& w) {
        return w.contains(QLatin1StringView("forge the pair's adverts"));
    });
}
} // namespace

class TestPasswordExposure : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agentConfig()
    {
        QTemporaryDir tmp;
        const QString conf = tmp.filePath(QStringLiteral("batond.conf"));
        const QByteArray inline_ = "[vhid 1]\ninterface = eth0\nsource = 192.0.2.11\nvip = 192.0.2.10/24\n"
                                   "password = secret\n";
        QVERIFY(write(conf, inline_, Shared));
        const ConfigResult shared = AgentConfigParser::parseFile(conf);
        QVERIFY(shared.ok());
        QVERIFY2(warns(shared), qPrintable(shared.warnings.join(u'\n')));
        QVERIFY(shared.warnings.join(u'\n').contains(conf));
        QVERIFY(write(conf, inline_, Private));
        QVERIFY(!warns(AgentConfigParser::parseFile(conf)));
        // In a password file of its own (which has its own warning), the config may be 0644.
        QVERIFY(write(tmp.filePath(QStringLiteral("pass")), "secret\n", Private));
        QVERIFY(
            write(conf,
                  "[vhid 1]\ninterface = eth0\nsource = 192.0.2.11\nvip = 192.0.2.10/24\npassword-file = " +
                      tmp.filePath(QStringLiteral("pass")).toUtf8() + "\n",
                  Shared));
        QVERIFY(!warns(AgentConfigParser::parseFile(conf)));
    }

    void interfaces()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("interfaces"));
        QVERIFY(
            write(path,
                  "iface eth0 inet static\n  address 192.0.2.11/24\n  ucarp-vid 1\n  ucarp-vip 192.0.2.10\n"
                  "  ucarp-password some_password\n",
                  Shared));
        const ConfigResult result = IfupdownReader::readFile(path);
        QVERIFY2(result.ok(), qPrintable(result.errors.value(0).toString()));
        QVERIFY2(warns(result), qPrintable(result.warnings.join(u'\n')));
        QVERIFY(QFile::setPermissions(path, Private));
        QVERIFY(!warns(IfupdownReader::readFile(path)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordExposure)
#include "TestPasswordExposure.moc"
