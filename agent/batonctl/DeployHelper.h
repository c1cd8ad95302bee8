// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>

namespace baton::DeployHelper {

// Runs baton-deploy (package baton) in place of this process: it links libssh, which batonctl,
// installed on the servers, must not. `lead` becomes argv[0..], followed by argv[2..] of batonctl;
// the exit status and signals are then the helper's. Returns only when it cannot be run: prints
// why, naming `what` the helper was wanted for, and returns `failure`.
int exec(std::initializer_list<const char*> lead, int argc, char** argv, const char* what, int failure);

} // namespace baton::DeployHelper
