#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build the libFuzzer targets with clang and run each for a bounded time; exit non-zero if any
# target finds a crash, leak, sanitizer report or timeout (or if the build fails).
#
# Usage: tests/fuzz/run-fuzzers.sh [BUILD_DIR] [SECONDS_PER_TARGET]
#   BUILD_DIR            default build-fuzz (relative to the current directory)
#   SECONDS_PER_TARGET   default 60, or $FUZZ_SECONDS; passed as -max_total_time
#   Extra libFuzzer flags may be given in $FUZZ_FLAGS (e.g. "-jobs=4 -workers=4"); the compiler is
#   $FUZZ_CXX (default clang++; not $CXX, which CI often points at g++).
#
# Conventions, so that a new target needs no change here:
#   - tests/fuzz/Fuzz<Name>.cpp builds to BUILD_DIR/tests/fuzz/fuzz_<name> (snake_case), and every
#     fuzz_* executable there is run.
#   - Its corpus key is the target name without the "fuzz_" prefix and without a "_decoder" or
#     "_parser" suffix: fuzz_carp_decoder -> carp, fuzz_control_frame_decoder -> control_frame.
#   - Seeds (checked in, read only): tests/fuzz/corpus/<key>/ (optional).
#   - Dictionary (optional): tests/fuzz/<key>.dict.
#   - New inputs go to BUILD_DIR/fuzz-corpus/<key>/, crash reproducers to BUILD_DIR/fuzz-artifacts/,
#     so the source tree is never written to. Minimise and check in good new seeds by hand.
set -eu

script_dir=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$script_dir/../.." && pwd)
build_dir=${1:-build-fuzz}
seconds=${2:-${FUZZ_SECONDS:-60}}
extra_flags=${FUZZ_FLAGS:-}

case $seconds in
'' | *[!0-9]*)
    echo "run-fuzzers: seconds must be a whole number, got '$seconds'" >&2
    exit 2
    ;;
esac

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DBATON_FUZZ=ON -DBATON_WERROR=ON \
    -DCMAKE_CXX_COMPILER="${FUZZ_CXX:-clang++}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir"
build_dir=$(cd "$build_dir" && pwd)

artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$artifacts"
failed=""
ran=0
for target in "$build_dir"/tests/fuzz/fuzz_*; do
    if [ ! -f "$target" ] || [ ! -x "$target" ]; then continue; fi
    name=$(basename "$target")
    key=${name#fuzz_}
    key=${key%_decoder}
    key=${key%_parser}
    work_corpus="$build_dir/fuzz-corpus/$key"
    mkdir -p "$work_corpus"
    set -- "$work_corpus"
    [ -d "$script_dir/corpus/$key" ] && set -- "$@" "$script_dir/corpus/$key"
    dict=""
    [ -f "$script_dir/$key.dict" ] && dict="-dict=$script_dir/$key.dict"

    echo "=== $name: ${seconds}s, corpus $*"
    log="$build_dir/$name.log"
    # shellcheck disable=SC2086 # $extra_flags and $dict are deliberately split into words
    if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$name-" $dict $extra_flags "$@" >"$log" 2>&1; then
        # libFuzzer's closing line: "Done N runs in S second(s)".
        grep -E '^Done [0-9]+ runs' "$log" || tail -n 1 "$log"
    else
        echo "!!! $name failed; log: $log" >&2
        tail -n 40 "$log" >&2
        failed="$failed $name"
    fi
    ran=$((ran + 1))
done

if [ "$ran" -eq 0 ]; then
    echo "run-fuzzers: no fuzz_* targets in $build_dir/tests/fuzz" >&2
    exit 1
fi
if [ -n "$failed" ]; then
    echo "run-fuzzers: FAILED:$failed (reproducers in $artifacts)" >&2
    exit 1
fi
echo "run-fuzzers: $ran target(s) ran ${seconds}s each without findings"
