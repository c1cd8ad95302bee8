// SPDX-License-Identifier: GPL-3.0-or-later
#include "FdWrite.h"

#include <cerrno>
#include <unistd.h>

namespace baton {

bool FdWrite::all(int fd, QByteArrayView data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, static_cast<size_t>(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            errno = EIO;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace baton
