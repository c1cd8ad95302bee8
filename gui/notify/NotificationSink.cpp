// SPDX-License-Identifier: GPL-3.0-or-later
#include "NotificationSink.h"

namespace baton {

NotificationSink::~NotificationSink() = default;

} // namespace baton
