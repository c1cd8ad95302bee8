// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace baton {

// `batonctl adverts`: decode the CARP adverts seen on an interface (live) or in a capture file,
// one line each, with the HMAC verdict when keys are given.
class AdvertsCommand
{
public:
    static int run(const QStringList& arguments);
};

} // namespace baton
