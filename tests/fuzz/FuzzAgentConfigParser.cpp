// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the batond.conf parser: any text must give a config or errors, never a
// crash; and whatever parses must survive the writer: parse(write(c)) == c. (The ifupdown reader
// is not fuzzed here: its `source` includes would make the fuzzer read files of the host.)
#include "config/AgentConfigParser.h"
#include "config/AgentConfigWriter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const baton::ConfigResult first = baton::AgentConfigParser::parseText(text, QStringLiteral("fuzz.conf"));
    if (!first.ok())
        return 0;
    const QString written = baton::AgentConfigWriter::write(first.config);
    const baton::ConfigResult second =
        baton::AgentConfigParser::parseText(written, QStringLiteral("written.conf"));
    if (!second.ok() || !(second.config == first.config))
        __builtin_trap();
    return 0;
}
