// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployHelper.h"

#include <QByteArray>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace baton::DeployHelper {

int exec(std::initializer_list<const char*> lead, int argc, char** argv, const char* what, int failure)
{
    QByteArray helper = qgetenv("BATON_DEPLOY_HELPER");
    if (helper.isEmpty())
        helper = BATON_DEPLOY_HELPER;
    std::vector<char*> args;
    for (const char* arg : lead)
        args.push_back(const_cast<char*>(arg));
    for (int i = 2; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execv(helper.constData(), args.data());
    std::fprintf(stderr, "%s: cannot run %s (%s): it comes with the desktop package: apt install baton\n",
                 what, helper.constData(), std::strerror(errno));
    return failure;
}

} // namespace baton::DeployHelper
