// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpCodec.h"
#include "CarpHmac.h"

#include <QHash>
#include <QString>

#include <memory>

namespace baton {

// Decodes packets seen on the wire into one line each for `batonctl adverts`: time, source,
// vhid, advbase, advskew, demote, counter and the HMAC verdict (ok / BAD / unchecked). Keys
// are per vhid: the digest covers the VIPs too, so a password alone cannot check an advert.
class AdvertInspector
{
public:
    enum class Verdict
    {
        Ok,
        Bad,
        Unchecked,
        Malformed,
    };
    struct Result
    {
        Verdict verdict = Verdict::Unchecked;
        CarpCodec::Decoded decoded;
        QString line;
    };

    void addKey(quint8 vhid, const QByteArray& password, const QList<quint32>& vips);
    // A password for every vhid without its own key (the VIPs must still be given).
    void setDefaultKey(const QByteArray& password, const QList<quint32>& vips);
    // timestampMicros: since the Unix epoch. Packets that are not IPv4 protocol 112 give an
    // empty line (other traffic in a capture file is not news).
    Result inspect(QByteArrayView packet, qint64 timestampMicros) const;

private:
    const CarpHmac* keyFor(quint8 vhid) const;

    mutable QHash<quint8, std::shared_ptr<CarpHmac>> m_keys; // default-key entries are a cache
    QByteArray m_defaultPassword;
    QList<quint32> m_defaultVips;
    bool m_hasDefault = false;
};

} // namespace baton
