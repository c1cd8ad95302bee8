// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace baton {

// One problem found in a configuration source. Every reader reports the file, the line (1-based;
// 0 when the problem is about the file as a whole) and the key, and says what was expected.
struct ConfigError
{
    QString file;
    int line = 0;
    QString key;
    QString message;

    // "FILE:LINE: key 'K': MESSAGE" (parts left out when empty), ready for stderr or a dialog.
    QString toString() const;
    bool operator==(const ConfigError&) const = default;
};

using ConfigErrors = QList<ConfigError>;

} // namespace baton
