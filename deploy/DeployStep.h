// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// The deployment's steps ("connect", "upload", "rollback", ...) are named by their English word
// in the code; people read them in the progress list and in "step '…' failed on …", translated
// where a translator is installed (the window; batonctl deploy installs none and prints the word).
class DeployStep
{
public:
    // The step's name for people; a word that is not a step comes back as it is.
    static QString name(const QString& step);
};

} // namespace baton
