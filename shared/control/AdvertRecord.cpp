// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertRecord.h"

#include "CborReader.h"

namespace baton {

namespace {
QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}
} // namespace

QCborMap AdvertRecord::toCbor() const
{
    QCborMap m;
    m[k("time")] = timeMs;
    m[k("sent")] = sent;
    m[k("interface")] = interface;
    m[k("source")] = source;
    m[k("vhid")] = vhid;
    m[k("advbase")] = advbase;
    m[k("advskew")] = advskew;
    m[k("demote")] = demote;
    // Hex text: QCborValue holds signed 64-bit integers only, and a counter uses all 64 bits.
    m[k("counter")] = QString::number(counter, 16);
    m[k("verdict")] = verdict;
    return m;
}

std::optional<AdvertRecord> AdvertRecord::fromCbor(const QCborMap& map, QString* error)
{
    CborReader r(map, QStringLiteral("advert"));
    AdvertRecord a;
    a.timeMs = r.integer("time", 0, CborReader::MaxTime);
    a.sent = r.boolean("sent");
    a.interface = r.string("interface");
    a.source = r.string("source");
    a.vhid = static_cast<int>(r.integer("vhid", 0, 255));
    a.advbase = static_cast<int>(r.integer("advbase", 0, 255));
    a.advskew = static_cast<int>(r.integer("advskew", 0, 255));
    a.demote = static_cast<int>(r.integer("demote", 0, 255));
    const QString counter = r.string("counter");
    bool ok = false;
    a.counter = counter.toULongLong(&ok, 16);
    if (!ok || counter.size() > 16)
        r.fail("counter");
    a.verdict = r.string("verdict");
    if (!r.finish(error))
        return std::nullopt;
    return a;
}

} // namespace baton
