// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Marks a function every advert runs through, sent or received. GCC places such functions side
// by side in .text.hot: an agent woken after its caches went cold (every advert, between which
// the CPU runs others or sleeps) then touches a few pages of code, not one per source file, and
// under a hypervisor each page's translation missed is a two-level page walk.
#define BATON_HOT [[gnu::hot]]
