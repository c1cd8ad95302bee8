// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeployPrompter.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace baton {

// The deployment's questions as dialogs over the deploy dialog. The engine asks from its worker
// thread; each question blocks that thread until the administrator answered on the GUI thread.
// Every dialog has an object name (hostKeyPrompt, passphrasePrompt, loginPrompt, sudoPrompt,
// planPrompt) so that tests can find and answer it.
class GuiDeployPrompter : public QObject, public DeployPrompter
{
    Q_OBJECT
public:
    explicit GuiDeployPrompter(QWidget* parent);

    bool trustHostKey(const HostKeyInfo& key) override;
    std::optional<QByteArray> keyPassphrase(const QString& server, const QString& keyFile,
                                            int attempt) override;
    std::optional<QByteArray> loginSecret(const QString& server, const QString& prompt, int attempt) override;
    std::optional<QByteArray> sudoPassword(const QString& server, const QString& user) override;
    bool confirmPlan(const QString& plan) override;

private:
    // On the GUI thread, whichever thread asks.
    template <typename Function>
    auto onGuiThread(Function function);
    std::optional<QByteArray> askSecret(const QString& objectName, const QString& title,
                                        const QString& label);

    QPointer<QWidget> m_parent;
};

} // namespace baton
