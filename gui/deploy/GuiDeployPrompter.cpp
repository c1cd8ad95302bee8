// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiDeployPrompter.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>

namespace baton {

GuiDeployPrompter::GuiDeployPrompter(QWidget* parent)
    : QObject(parent)
    , m_parent(parent)
{
}

template <typename Function>
auto GuiDeployPrompter::onGuiThread(Function function)
{
    using Result = decltype(function());
    Result result{};
    if (QThread::currentThread() == thread())
        return function();
    QMetaObject::invokeMethod(
        this, [&] { result = function(); }, Qt::BlockingQueuedConnection);
    return result;
}

bool GuiDeployPrompter::trustHostKey(const HostKeyInfo& key)
{
    return onGuiThread([&] {
        QMessageBox box(QMessageBox::Question, tr("Unknown host key"),
                        tr("<p>First contact with <b>%1</b> (%2 port %3).</p>"
                           "<p>It identifies itself with this %4 key:<br><tt>%5</tt></p>"
                           "<p>Compare it on the server's console before you trust it:<br><tt>%6</tt></p>")
                            .arg(key.server.toHtmlEscaped(), key.host.toHtmlEscaped())
                            .arg(key.port)
                            .arg(key.type.toHtmlEscaped(), key.fingerprint.toHtmlEscaped(),
                                 key.serverCommand().toHtmlEscaped()),
                        QMessageBox::NoButton, m_parent);
        box.setObjectName(QStringLiteral("hostKeyPrompt"));
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        QPushButton* trust = box.addButton(tr("Trust and continue"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == trust;
    });
}

std::optional<QByteArray> GuiDeployPrompter::askSecret(const QString& objectName, const QString& title,
                                                       const QString& label)
{
    return onGuiThread([&]() -> std::optional<QByteArray> {
        QInputDialog dialog(m_parent);
        dialog.setObjectName(objectName);
        dialog.setWindowTitle(title);
        dialog.setLabelText(label);
        dialog.setTextEchoMode(QLineEdit::Password);
        dialog.setInputMode(QInputDialog::TextInput);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        QString text = dialog.textValue();
        QByteArray bytes = text.toUtf8();
        text.fill(u'\0');
        return bytes;
    });
}

std::optional<QByteArray> GuiDeployPrompter::keyPassphrase(const QString& server, const QString& keyFile,
                                                           int attempt)
{
    return askSecret(QStringLiteral("passphrasePrompt"), tr("Key passphrase"),
                     (attempt > 1 ? tr("Wrong passphrase. ") : QString()) +
                         tr("Passphrase of the key %1 (to log in to %2):").arg(keyFile, server));
}

std::optional<QByteArray> GuiDeployPrompter::loginSecret(const QString& server, const QString& prompt,
                                                         int attempt)
{
    return askSecret(QStringLiteral("loginPrompt"), tr("Log in to %1").arg(server),
                     (attempt > 1 ? tr("Refused. ") : QString()) + tr("%1 asks: %2").arg(server, prompt));
}

std::optional<QByteArray> GuiDeployPrompter::sudoPassword(const QString& server, const QString& user)
{
    return askSecret(QStringLiteral("sudoPrompt"), tr("sudo on %1").arg(server),
                     tr("%1 is not root on %2: the password sudo asks of %1 (asked once for this server):")
                         .arg(user, server));
}

bool GuiDeployPrompter::confirmPlan(const QString& plan)
{
    return onGuiThread([&] {
        QMessageBox box(QMessageBox::Question, tr("Deploy?"),
                        tr("Nothing has changed yet. Carry out this plan on both servers?"),
                        QMessageBox::NoButton, m_parent);
        box.setObjectName(QStringLiteral("planPrompt"));
        box.setDetailedText(plan);
        QPushButton* go = box.addButton(tr("Deploy"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == go;
    });
}

} // namespace baton
