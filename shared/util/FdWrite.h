// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace baton {

// write(2) until all of it is out: short writes continued, EINTR retried.
class FdWrite
{
public:
    // False with errno set (EIO when the kernel wrote nothing and said nothing).
    static bool all(int fd, QByteArrayView data);
};

} // namespace baton
