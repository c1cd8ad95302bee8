// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordingSink.h"

namespace baton {

void RecordingSink::show(const QString& key, const DesktopNotification& notification)
{
    shown.append({key, notification});
}

} // namespace baton
