#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails if any C++ file differs from what clang-format (with the repository's .clang-format) makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find agent gui shared tests bench -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror "${files[@]}"
echo "check-format: ${#files[@]} files formatted correctly"
