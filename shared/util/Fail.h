// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace baton {

// The one way shared code reports why a std::optional came back empty: the message goes to the
// caller's error string (when it wants one) and the function returns fail(error, message).
inline std::nullopt_t fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace baton
