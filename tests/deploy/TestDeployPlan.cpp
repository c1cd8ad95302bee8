// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployPlan.h"

#include <QCryptographicHash>
#include <QTest>

using namespace baton;

namespace {
QByteArray agentConfig(int advskew, int port)
{
    return QStringLiteral("[control]\nlisten = 192.0.2.11:%2\ntls-ca = /etc/baton/pki/ca.pem\n"
                          "tls-cert = /etc/baton/pki/agent.pem\ntls-key = /etc/baton/pki/agent.key\n"
                          "[vhid 1]\ninterface = eth0\nsource = 192.0.2.11\nvip = 192.0.2.10/24\n"
                          "password = secret\nadvskew = %1\n")
        .arg(advskew)
        .arg(port)
        .toUtf8();
}
} // namespace

class TestDeployPlan : public QObject
{
    Q_OBJECT

private:
    static QString sha(const QByteArray& data)
    {
        return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    }
    static DesiredServer desired()
    {
        DesiredServer d;
        d.name = QStringLiteral("node1");
        d.server = QStringLiteral("srv1");
        d.version = QStringLiteral("0.2.0");
        d.architecture = QStringLiteral("amd64");
        d.packageBytes = 1024 * 1024;
        d.files << DesiredServer::File{QStringLiteral("/etc/baton/batond.conf"), agentConfig(1, 7112),
                                       QStringLiteral("600"), false}
                << DesiredServer::File{QStringLiteral("/etc/baton/pki/agent.pem"),
                                       {},
                                       QStringLiteral("644"),
                                       true}
                << DesiredServer::File{
                       QStringLiteral("/etc/baton/pki/agent.key"), {}, QStringLiteral("600"), true};
        return d;
    }
    static RemoteFacts bare()
    {
        RemoteFacts f;
        f.osId = QStringLiteral("debian");
        f.osVersion = QStringLiteral("12");
        f.architecture = QStringLiteral("amd64");
        f.freeKiB = 1024 * 1024;
        f.unitActive = QStringLiteral("inactive");
        return f;
    }
    static RemoteFacts deployed()
    {
        RemoteFacts f = bare();
        f.packages.insert(QStringLiteral("batond"), {true, QStringLiteral("0.2.0")});
        f.packages.insert(QStringLiteral("batonctl"), {true, QStringLiteral("0.2.0")});
        f.files.insert(QStringLiteral("/etc/baton/batond.conf"),
                       {true, QStringLiteral("root:root"), QStringLiteral("600"), sha(agentConfig(1, 7112))});
        f.agentConfig = agentConfig(1, 7112);
        f.files.insert(QStringLiteral("/etc/baton/pki/agent.pem"),
                       {true, QStringLiteral("root:root"), QStringLiteral("644"), QStringLiteral("x")});
        f.files.insert(QStringLiteral("/etc/baton/pki/agent.key"),
                       {true, QStringLiteral("root:root"), QStringLiteral("600"), QStringLiteral("y")});
        f.unitEnabled = QStringLiteral("enabled");
        f.unitActive = QStringLiteral("active");
        f.cacheHasPackages = true;
        return f;
    }

private Q_SLOTS:
    void freshServerGetsEverything()
    {
        const DeployPlan plan = DeployPlan::make(bare(), desired(), false);
        QVERIFY(plan.refusals.isEmpty());
        QVERIFY(plan.installPackages);
        QVERIFY(plan.previousVersion.isEmpty());
        QVERIFY(plan.newAgentKey);
        QCOMPARE(plan.service, DeployPlan::Service::Start);
        QVERIFY(plan.enableUnit);
        for (const auto& file : plan.files)
            QCOMPARE(file.change, DeployPlan::FileChange::Create);
        const QString text = plan.text();
        QVERIFY(text.contains(QStringLiteral("install batond 0.2.0")));
        QVERIFY(text.contains(QStringLiteral(
            "create /etc/baton/pki/agent.key (root:root, mode 600), generated on the server")));
        QVERIFY(text.contains(QStringLiteral("untouched: /etc/network/interfaces")));
    }

    void sameStateIsNothingToChange()
    {
        const DeployPlan plan = DeployPlan::make(deployed(), desired(), true);
        QVERIFY(plan.nothingToChange());
        QVERIFY(plan.text().contains(QStringLiteral("nothing to change")));
    }

    void changedConfigIsAReload()
    {
        DesiredServer d = desired();
        d.files[0].contents = agentConfig(50, 7112);
        const DeployPlan plan = DeployPlan::make(deployed(), d, true);
        QVERIFY(!plan.installPackages);
        QCOMPARE(plan.files[0].change, DeployPlan::FileChange::Replace);
        QCOMPARE(plan.files[1].change, DeployPlan::FileChange::Keep);
        QCOMPARE(plan.service, DeployPlan::Service::Reload);
        // A mode that differs is a change too.
        RemoteFacts f = deployed();
        f.files[QStringLiteral("/etc/baton/batond.conf")].mode = QStringLiteral("644");
        QCOMPARE(DeployPlan::make(f, desired(), true).files[0].change, DeployPlan::FileChange::Replace);
    }

    // batond takes a new control listener only when it starts.
    void changedControlPortIsARestart()
    {
        DesiredServer d = desired();
        d.files[0].contents = agentConfig(1, 7113);
        QCOMPARE(DeployPlan::make(deployed(), d, true).service, DeployPlan::Service::Restart);
        RemoteFacts unreadable = deployed();
        unreadable.agentConfig = "[broken";
        d.files[0].contents = agentConfig(50, 7112);
        QCOMPARE(DeployPlan::make(unreadable, d, true).service, DeployPlan::Service::Restart);
    }

    void newVersionIsAnUpgrade()
    {
        RemoteFacts f = deployed();
        f.packages[QStringLiteral("batond")].version = QStringLiteral("0.1.0");
        const DeployPlan plan = DeployPlan::make(f, desired(), true);
        QVERIFY(plan.installPackages);
        QCOMPARE(plan.previousVersion, QStringLiteral("0.1.0"));
        QCOMPARE(plan.service, DeployPlan::Service::Restart);
        QVERIFY(plan.text().contains(QStringLiteral("upgrade batond and batonctl 0.1.0 -> 0.2.0")));
    }

    void upgradeWithoutAPreviousCopyIsRefused()
    {
        // Installed by hand: nothing to put back if the upgrade failed.
        RemoteFacts f = deployed();
        f.packages[QStringLiteral("batond")].version = QStringLiteral("0.1.0");
        f.packages[QStringLiteral("batonctl")].version = QStringLiteral("0.1.0");
        f.cacheHasPackages = false;
        const DeployPlan refused = DeployPlan::make(f, desired(), true);
        QCOMPARE(refused.refusals.size(), 1);
        QVERIFY(
            refused.refusals[0].contains(QStringLiteral("srv1 has Baton 0.1.0 installed, but not by this")));
        QVERIFY(refused.refusals[0].contains(QStringLiteral("/var/cache/baton-deploy")));
        // The same version already there needs no package, so nothing is refused.
        f.packages[QStringLiteral("batond")].version = QStringLiteral("0.2.0");
        f.packages[QStringLiteral("batonctl")].version = QStringLiteral("0.2.0");
        QVERIFY(DeployPlan::make(f, desired(), true).refusals.isEmpty());
    }

    void staleCertificateIsRenewedWithItsKey()
    {
        const DeployPlan plan = DeployPlan::make(deployed(), desired(), false);
        QVERIFY(plan.newAgentKey);
        QCOMPARE(plan.service, DeployPlan::Service::Restart);
        QCOMPARE(plan.files[1].change, DeployPlan::FileChange::Replace);
        QCOMPARE(plan.files[2].change, DeployPlan::FileChange::Replace);
    }

    void refusalsNameWhatWasFound()
    {
        RemoteFacts f = bare();
        f.osId = QStringLiteral("ubuntu");
        f.osVersion = QStringLiteral("22.04");
        f.osPretty = QStringLiteral("Ubuntu 22.04.3 LTS");
        f.architecture = QStringLiteral("arm64");
        f.freeKiB = 100;
        f.ucarpRunning = true;
        const DeployPlan plan = DeployPlan::make(f, desired(), false);
        QCOMPARE(plan.refusals.size(), 4);
        QVERIFY(
            plan.refusals[0].contains(QStringLiteral("Ubuntu 22.04.3 LTS (ID=ubuntu, VERSION_ID=22.04)")));
        QVERIFY(plan.refusals[1].contains(QStringLiteral("arm64")));
        QVERIFY(plan.refusals[2].contains(QStringLiteral("ucarp")));
        QVERIFY(plan.refusals[3].contains(QStringLiteral("MiB free")));
        QVERIFY(!plan.nothingToChange() || !plan.refusals.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeployPlan)
#include "TestDeployPlan.moc"
