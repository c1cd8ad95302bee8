// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// Setting a link up or down, the one thing the dead-man switch (LinkRestorer) needs from
// netlink: behind this seam it is tested in-process, without root.
class LinkControl
{
public:
    virtual ~LinkControl() = default;
    virtual bool linkExists(const QString& name) = 0;
    virtual QString setLinkUp(const QString& name, bool up) = 0; // empty on success
};

} // namespace baton
