// SPDX-License-Identifier: GPL-3.0-or-later
// gui_deploy CLUSTER.json SERVER1 SERVER2 PACKAGES FINGERPRINT1 FINGERPRINT2 PASSPHRASE SUDO [SHOTS]:
// the Baton window (offscreen), Cluster → Deploy cluster…, both servers typed in, Deploy clicked,
// and every question answered as an administrator would: each host key trusted only if the dialog
// shows the fingerprint read on that server, the key's passphrase, the sudo password, the plan.
// Exits 0 only if both agents were deployed, the servers kept as the cluster's SSH access and the
// window's node cards then went live. With SHOTS it saves deploy-plan.png, deploy-finished.png and
// deploy-window.png. Used by tests/server/deploy.sh.
#include "MainWindow.h"
#include "deploy/DeployDialog.h"
#include "node/AgentConnection.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace baton;

namespace {
bool spin(const std::function<bool()>& done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(std::max(0, timeoutMs), &loop, &QEventLoop::quit);
    poll.start(20);
    if (!done())
        loop.exec();
    return done();
}

int fail(const QString& what)
{
    std::printf("FAIL: %s\n", qPrintable(what));
    return 1;
}

void click(QWidget* dialog, const QString& text)
{
    const auto buttons = dialog->findChildren<QPushButton*>();
    for (QPushButton* button : buttons)
        if (button->text() == text) {
            button->click();
            return;
        }
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 9) {
        std::fprintf(stderr,
                     "usage: gui_deploy CLUSTER.json SERVER1 SERVER2 PACKAGES FINGERPRINT1 FINGERPRINT2 "
                     "PASSPHRASE SUDO [SHOTS]\n");
        return 2;
    }
    const QStringList args = app.arguments();
    const QStringList fingerprints{args[5], args[6]};
    const QString passphrase = args[7];
    const QString sudo = args[8];
    const QString shots = args.value(9);
    const auto shoot = [&](QWidget* widget, const char* name) {
        if (!shots.isEmpty() && !widget->grab().save(QDir(shots).filePath(QString::fromLatin1(name))))
            std::printf("# could not save %s\n", name);
    };
    QTemporaryDir store;
    MainWindow window(store.filePath(QStringLiteral("clusters.json")));
    window.resize(1280, 860);
    window.show();
    QString error;
    if (!window.openClusterFile(args[1], &error))
        return fail(error);
    if (!window.deployAction()->isEnabled())
        return fail(QStringLiteral("Cluster → Deploy cluster… is disabled with a cluster open"));
    window.deployAction()->trigger();
    DeployDialog* dialog = window.deployDialog();
    if (!dialog)
        return fail(QStringLiteral("the deploy dialog did not open"));
    dialog->resize(1100, 640);
    dialog->serverEdit(0)->setText(args[2]);
    dialog->serverEdit(1)->setText(args[3]);
    dialog->packagesEdit()->setText(args[4]);
    std::printf("# %s\n# %s\n", qPrintable(dialog->resolvedLabel(0)->text()),
                qPrintable(dialog->resolvedLabel(1)->text()));

    // The administrator at the questions.
    int hostKeys = 0;
    int passphrases = 0;
    int sudos = 0;
    QStringList problems;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, &app, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        const QString name = modal->objectName();
        if (name == QLatin1StringView("hostKeyPrompt")) {
            const QString text = static_cast<QMessageBox*>(modal)->text();
            const bool known = text.contains(fingerprints[0]) || text.contains(fingerprints[1]);
            std::printf("# host key question (%s)\n",
                        known ? "the fingerprint read on the server" : "UNKNOWN KEY");
            if (!known)
                problems
                    << QStringLiteral("a host key question without the server's fingerprint: %1").arg(text);
            ++hostKeys;
            click(modal, known ? QStringLiteral("Trust and continue") : QStringLiteral("Cancel"));
        } else if (name == QLatin1StringView("passphrasePrompt")) {
            auto* input = static_cast<QInputDialog*>(modal);
            std::printf("# passphrase question: %s\n", qPrintable(input->labelText()));
            ++passphrases;
            input->setTextValue(passphrase);
            input->accept();
        } else if (name == QLatin1StringView("sudoPrompt")) {
            auto* input = static_cast<QInputDialog*>(modal);
            std::printf("# sudo question: %s\n", qPrintable(input->labelText()));
            ++sudos;
            input->setTextValue(sudo);
            input->accept();
        } else if (name == QLatin1StringView("planPrompt")) {
            std::printf("# plan question\n");
            shoot(dialog, "deploy-plan.png");
            click(modal, QStringLiteral("Deploy"));
        } else {
            problems << QStringLiteral("an unexpected question: %1").arg(name);
            if (auto* box = qobject_cast<QDialog*>(modal))
                box->reject();
        }
    });
    answer.start(50);
    if (!dialog->start(false))
        return fail(dialog->statusText());
    if (!spin([&] { return dialog->outcome().has_value(); }, 240000))
        return fail(QStringLiteral("the deployment did not end within 240 s: %1").arg(dialog->statusText()));
    answer.stop();
    std::printf("# %s\n", qPrintable(dialog->statusText()));
    shoot(dialog, "deploy-finished.png");
    if (dialog->outcome() != DeployEngine::Outcome::Deployed)
        return fail(QStringLiteral("not deployed: %1").arg(dialog->statusText()));
    if (!problems.isEmpty())
        return fail(problems.join(u'\n'));
    if (hostKeys != 2 || passphrases < 1 || sudos != 2)
        return fail(
            QStringLiteral("questions asked: %1 host keys (2 expected), %2 passphrases (at least 1), %3 sudo "
                           "passwords (2 expected)")
                .arg(hostKeys)
                .arg(passphrases)
                .arg(sudos));
    // The servers as they were reached are now the cluster's SSH access (for the reboot drill).
    const std::array<QString, 2> access{args[2], args[3]};
    if (!window.cluster() || window.cluster()->ssh != access)
        return fail(QStringLiteral("the cluster's SSH access is '%1', expected '%2'")
                        .arg(window.cluster() ? window.cluster()->ssh[0] + u' ' + window.cluster()->ssh[1]
                                              : QString(),
                             access[0] + u' ' + access[1]));
    // The window connects to the agents it has just deployed.
    if (!spin(
            [&] {
                return window.connection(0) && window.connection(0)->isLive() && window.connection(1) &&
                       window.connection(1)->isLive();
            },
            15000))
        return fail(QStringLiteral("the window's node cards did not go live after the deployment"));
    spin([] { return false; }, 1500); // a few probes and heartbeats for the picture
    dialog->close();
    shoot(&window, "deploy-window.png");
    std::printf("ok\n");
    return 0;
}
