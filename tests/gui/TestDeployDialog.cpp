// SPDX-License-Identifier: GPL-3.0-or-later
// The deploy dialog offscreen, without a server: what an alias resolves to as it is typed, the
// refusal of a jump host, the prompts the engine asks from its worker thread (fingerprint with the
// command to compare it, a passphrase naming its key, the sudo password, the plan), and errors
// with their step and server, in English and on a German desktop. The deployment itself runs
// against booted servers in tests/server/deploy.sh, the window's end to end too.
#include "DeployPlan.h"
#include "DeployStep.h"
#include "FakePki.h"
#include "deploy/DeployDialog.h"
#include "deploy/GuiDeployPrompter.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <functional>

using namespace baton;

namespace {

// Answers the next modal dialog named objectName with answer(), from the event loop.
void answerNext(const QString& objectName, std::function<void(QWidget*)> answer, QString* seen = nullptr)
{
    auto* timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [=] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || modal->objectName() != objectName)
            return;
        timer->stop();
        timer->deleteLater();
        if (seen) {
            if (auto* box = qobject_cast<QMessageBox*>(modal))
                *seen = box->text() + u'\n' + box->detailedText();
            else if (auto* input = qobject_cast<QInputDialog*>(modal))
                *seen = input->labelText() + u'\n' + input->windowTitle();
        }
        answer(modal);
    });
    timer->start(20);
}

void clickButton(QWidget* dialog, const QString& text)
{
    const auto buttons = dialog->findChildren<QPushButton*>();
    for (QPushButton* button : buttons)
        if (button->text() == text) {
            button->click();
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no button '%1'").arg(text)));
}

void typeAndAccept(QWidget* dialog, const QString& text)
{
    auto* input = qobject_cast<QInputDialog*>(dialog);
    QVERIFY(input);
    QCOMPARE(input->findChild<QLineEdit*>()->echoMode(), QLineEdit::Password);
    input->setTextValue(text);
    input->accept();
}

// Calls function on a thread of its own, as the engine does, while the event loop runs.
template <typename Result>
Result fromWorker(std::function<Result()> function)
{
    Result result{};
    QThread* thread = QThread::create([&] { result = function(); });
    thread->start();
    // A question nobody answered keeps the thread blocked: nothing to continue with then.
    if (!QTest::qWaitFor([&] { return thread->isFinished(); }, 10000))
        qFatal("a prompt was not answered within 10 s");
    thread->wait();
    delete thread;
    return result;
}

// Two files named as the packages are: enough to get past the package check to the first server.
bool writePackages(const QString& dir)
{
    for (const char* name : {"batond_1.0_amd64.deb", "batonctl_1.0_amd64.deb"}) {
        QFile file(QDir(dir).filePath(QString::fromLatin1(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write("not really a package") < 0)
            return false;
    }
    return true;
}

// A bare Debian 12 server, and what node1 should get there: a fresh install's plan.
DeployPlan freshPlan()
{
    RemoteFacts facts;
    facts.osId = QStringLiteral("debian");
    facts.osVersion = QStringLiteral("12");
    facts.osPretty = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    facts.architecture = QStringLiteral("amd64");
    facts.freeKiB = 1024 * 1024;
    facts.unitActive = QStringLiteral("inactive");
    facts.addresses << QStringLiteral("eth0 192.0.2.11/24");
    DesiredServer desired;
    desired.name = QStringLiteral("node1");
    desired.server = QStringLiteral("lab1");
    desired.version = QStringLiteral("1.0");
    desired.architecture = QStringLiteral("amd64");
    desired.packageBytes = 1024 * 1024;
    desired.files << DesiredServer::File{QStringLiteral("/etc/baton/batond.conf"), "[control]\n",
                                         QStringLiteral("600"), false}
                  << DesiredServer::File{
                         QStringLiteral("/etc/baton/pki/agent.key"), {}, QStringLiteral("600"), true};
    DeployPlan plan = DeployPlan::make(facts, desired, false);
    plan.warnings << facts.describe(); // the facts, to be seen translated in the same list
    return plan;
}

ClusterDefinition cluster(const QString& pkiDir)
{
    ClusterDefinition d;
    d.name = QStringLiteral("lab pair");
    d.vip = {0xC000020A, 24};
    d.password = QStringLiteral("secret");
    d.pkiDir = pkiDir;
    d.console = QStringLiteral("admin");
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QString(), 7112, QStringLiteral("eth0"), 0};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QString(), 7112, QStringLiteral("eth0"), 100};
    return d;
}

} // namespace

class TestDeployDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".ssh")));
        QFile config(m_home.filePath(QStringLiteral(".ssh/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "Host lab1\n  HostName 127.0.0.1\n  Port 1\n  User deployer\n  IdentityFile ~/.ssh/lab_key\n"
            "Host behind\n  ProxyJump admin@bastion\n");
    }

    void aliasesResolveAsTyped()
    {
        FakePki pki;
        DeployDialog dialog(cluster(pki.directory()));
        QCOMPARE(dialog.serverEdit(0)->text(), QStringLiteral("192.0.2.11"));
        QVERIFY(dialog.resolvedLabel(0)->text().contains(QStringLiteral("root@192.0.2.11 port 22")));
        dialog.serverEdit(0)->setText(QStringLiteral("lab1"));
        const QString shown = dialog.resolvedLabel(0)->text();
        QVERIFY2(shown.contains(QStringLiteral("deployer@127.0.0.1 port 1")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("IdentityFile ~/.ssh/lab_key")));
        QVERIFY(shown.contains(QStringLiteral("no ProxyJump")));
        QVERIFY(shown.contains(QStringLiteral("HostName, Port, User, IdentityFile")));
        dialog.serverEdit(1)->setText(QStringLiteral("behind"));
        QVERIFY(dialog.resolvedLabel(1)->text().contains(QStringLiteral("ProxyJump admin@bastion")));
        QVERIFY(dialog.resolvedLabel(1)->text().contains(QStringLiteral("Jump hosts are not supported")));
        dialog.serverEdit(1)->setText(QStringLiteral("not a host"));
        QVERIFY(dialog.resolvedLabel(1)->text().contains(QStringLiteral("'not a host' is not a server")));
    }

    void missingPackagesAreNamed()
    {
        FakePki pki;
        DeployDialog dialog(cluster(pki.directory()));
        dialog.packagesEdit()->setText(m_home.filePath(QStringLiteral("nowhere")));
        QVERIFY(!dialog.start(false));
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("expected one batond_VERSION_ARCH.deb")),
                 qPrintable(dialog.statusText()));
    }

    void promptsFromTheWorkerThread()
    {
        QWidget parent;
        GuiDeployPrompter prompter(&parent);
        const HostKeyInfo key{QStringLiteral("lab1"), QStringLiteral("127.0.0.1"), 2222,
                              QStringLiteral("ssh-ed25519"),
                              QStringLiteral("SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")};
        QString seen;
        answerNext(
            QStringLiteral("hostKeyPrompt"),
            [](QWidget* w) { clickButton(w, QStringLiteral("Trust and continue")); }, &seen);
        QVERIFY(fromWorker<bool>([&] { return prompter.trustHostKey(key); }));
        QVERIFY(seen.contains(key.fingerprint));
        QVERIFY(
            seen.contains(QStringLiteral("ssh-keygen -l -E sha256 -f /etc/ssh/ssh_host_ed25519_key.pub")));
        QVERIFY(seen.contains(QStringLiteral("127.0.0.1 port 2222")));

        answerNext(QStringLiteral("hostKeyPrompt"),
                   [](QWidget* w) { qobject_cast<QMessageBox*>(w)->reject(); });
        QVERIFY(!fromWorker<bool>([&] { return prompter.trustHostKey(key); }));

        answerNext(
            QStringLiteral("passphrasePrompt"),
            [](QWidget* w) { typeAndAccept(w, QStringLiteral("open sesame")); }, &seen);
        const auto passphrase = fromWorker<std::optional<QByteArray>>([&] {
            return prompter.keyPassphrase(QStringLiteral("lab1"), QStringLiteral("/home/ann/.ssh/lab_key"),
                                          1);
        });
        QCOMPARE(passphrase, std::optional<QByteArray>("open sesame"));
        QVERIFY(seen.contains(QStringLiteral("/home/ann/.ssh/lab_key")));

        answerNext(
            QStringLiteral("sudoPrompt"), [](QWidget* w) { qobject_cast<QInputDialog*>(w)->reject(); },
            &seen);
        const auto sudo = fromWorker<std::optional<QByteArray>>(
            [&] { return prompter.sudoPassword(QStringLiteral("lab1"), QStringLiteral("ann")); });
        QVERIFY(!sudo);
        QVERIFY(seen.contains(QStringLiteral("ann is not root on lab1")));

        answerNext(
            QStringLiteral("planPrompt"), [](QWidget* w) { clickButton(w, QStringLiteral("Deploy")); },
            &seen);
        QVERIFY(fromWorker<bool>(
            [&] { return prompter.confirmPlan(QStringLiteral("lab1 (node1):\n  packages: install")); }));
        QVERIFY(seen.contains(QStringLiteral("packages: install")));
    }

    // A server that does not answer: the deployment stops at its first step, names the server and
    // says that nothing changed.
    void unreachableServerIsAnError()
    {
        FakePki pki;
        QVERIFY(pki.console(QStringLiteral("admin")));
        QTemporaryDir packages;
        QVERIFY(writePackages(packages.path()));
        DeployDialog dialog(cluster(pki.directory()));
        dialog.serverEdit(0)->setText(QStringLiteral("lab1"));
        dialog.packagesEdit()->setText(packages.path());
        QSignalSpy finished(&dialog, &DeployDialog::finished);
        QVERIFY(dialog.start(false));
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(dialog.outcome(), std::optional(DeployEngine::Outcome::Refused));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("cannot connect to lab1 (127.0.0.1 port 1)")),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("nothing was changed")));
        QTreeWidget* steps = dialog.stepsView();
        QVERIFY(steps->topLevelItemCount() >= 1);
        QCOMPARE(steps->topLevelItem(0)->text(0), QStringLiteral("lab1"));
        QCOMPARE(steps->topLevelItem(0)->text(1), QStringLiteral("connect"));
    }

    // The window's translation loaded, as on a German desktop: the engine's steps, details and
    // reports come in German, and in English again without it (batonctl deploy loads none, and
    // the server tests read its English).
    void germanDesktop()
    {
        QTranslator german;
        QVERIFY2(german.load(QStringLiteral(BATON_QM_FILE)), BATON_QM_FILE);
        QVERIFY(QCoreApplication::installTranslator(&german));
        auto english = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        const QString cause = QStringLiteral("SHA-256 differs");
        QCOMPARE(DeployEngine::stepFailure(QStringLiteral("upload"), QStringLiteral("node2"), cause),
                 QStringLiteral("Schritt „Hochladen“ auf node2 fehlgeschlagen: SHA-256 differs"));
        const QString plan = freshPlan().text();
        QVERIFY2(plan.contains(QStringLiteral("\n  Pakete: batond 1.0 und batonctl 1.0 installieren\n")),
                 qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("\n  Datei /etc/baton/pki/agent.key anlegen (root:root, Modus "
                                              "600), auf dem Server erzeugt\n")),
                 qPrintable(plan));
        QVERIFY2(
            plan.contains(QStringLiteral("\n  Hinweis: System: Debian GNU/Linux 12 (bookworm) (ID=debian, "
                                         "VERSION_ID=12), amd64, 1024 MiB frei auf /var\n")),
            qPrintable(plan));
        QVERIFY2(
            plan.endsWith(QStringLiteral(
                "\n  unangetastet: /etc/network/interfaces, /etc/default/batond, alle anderen Pakete und "
                "Dienste")),
            qPrintable(plan));

        FakePki pki;
        QVERIFY(pki.console(QStringLiteral("admin")));
        QTemporaryDir packages;
        QVERIFY(writePackages(packages.path()));
        DeployDialog dialog(cluster(pki.directory()));
        dialog.resize(1000, 560);
        dialog.serverEdit(0)->setText(QStringLiteral("lab1"));
        dialog.packagesEdit()->setText(packages.path());
        const QString resolved = dialog.resolvedLabel(0)->text();
        QVERIFY2(resolved.contains(QStringLiteral("deployer@127.0.0.1 Port 1")), qPrintable(resolved));
        QVERIFY2(resolved.contains(QStringLiteral("kein ProxyJump (aus ~/.ssh/config: HostName")),
                 qPrintable(resolved));
        QSignalSpy finished(&dialog, &DeployDialog::finished);
        QVERIFY(dialog.start(false));
        QVERIFY(finished.wait(20000));
        QCOMPARE(dialog.outcome(), std::optional(DeployEngine::Outcome::Refused));
        const QString status = dialog.statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Abgelehnt, nichts wurde geändert: ")), qPrintable(status));
        QVERIFY2(status.endsWith(QStringLiteral("; nichts wurde geändert")), qPrintable(status));
        QTreeWidgetItem* first = dialog.stepsView()->topLevelItem(0);
        QVERIFY(first);
        QCOMPARE(first->text(1), QStringLiteral("Verbindung"));
        QVERIFY2(first->text(2).contains(QStringLiteral("Port 1")), qPrintable(first->text(2)));

        // The plan as the engine hands it to the dialog: one line a row, step "Plan".
        DeployDialog planned(cluster(pki.directory()));
        planned.resize(1000, 560);
        auto* engine = planned.findChild<DeployEngine*>();
        QVERIFY(engine);
        Q_EMIT engine->progress(QStringLiteral("lab1"), DeployStep::name(QStringLiteral("facts")), QString());
        Q_EMIT engine->planReady(plan);
        const auto rows =
            planned.stepsView()->findItems(QStringLiteral("  Pakete: "), Qt::MatchStartsWith, 2);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first()->text(1), QStringLiteral("Plan"));
        QCOMPARE(planned.stepsView()->topLevelItem(0)->text(1), QStringLiteral("Fakten"));
        // BATON_SCREENSHOTS=DIR: the German dialogs as they look, to be checked by eye.
        if (const QString shots = qEnvironmentVariable("BATON_SCREENSHOTS"); !shots.isEmpty()) {
            for (auto [shown, name] :
                 {std::pair{&dialog, "deploy-de-refused.png"}, {&planned, "deploy-de-plan.png"}}) {
                shown->show();
                QVERIFY(QTest::qWaitForWindowExposed(shown));
                QVERIFY(shown->grab().save(QDir(shots).filePath(QString::fromLatin1(name))));
            }
        }

        english.dismiss();
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(DeployEngine::stepFailure(QStringLiteral("upload"), QStringLiteral("node2"), cause),
                 QStringLiteral("step 'upload' failed on node2: SHA-256 differs"));
        const QString englishPlan = freshPlan().text();
        QVERIFY2(englishPlan.contains(QStringLiteral("\n  packages: install batond 1.0 and batonctl 1.0\n")),
                 qPrintable(englishPlan));
        QVERIFY(englishPlan.contains(QStringLiteral(
            "\n  file create /etc/baton/pki/agent.key (root:root, mode 600), generated on the server\n")));
        QVERIFY(englishPlan.endsWith(QStringLiteral(
            "\n  untouched: /etc/network/interfaces, /etc/default/batond, every other package and service")));
    }
};

QTEST_MAIN(TestDeployDialog)
#include "TestDeployDialog.moc"
