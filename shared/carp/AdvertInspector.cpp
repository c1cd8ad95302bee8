// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertInspector.h"

#include "net/Ipv4.h"

#include <QDateTime>

namespace baton {

void AdvertInspector::addKey(quint8 vhid, const QByteArray& password, const QList<quint32>& vips)
{
    m_keys.insert(vhid, std::make_shared<CarpHmac>(password, vhid, vips));
}

void AdvertInspector::setDefaultKey(const QByteArray& password, const QList<quint32>& vips)
{
    m_defaultPassword = password;
    m_defaultVips = vips;
    m_hasDefault = true;
}

const CarpHmac* AdvertInspector::keyFor(quint8 vhid) const
{
    if (const auto it = m_keys.constFind(vhid); it != m_keys.constEnd())
        return it->get();
    if (!m_hasDefault)
        return nullptr;
    auto key = std::make_shared<CarpHmac>(m_defaultPassword, vhid, m_defaultVips);
    m_keys.insert(vhid, key);
    return key.get();
}

AdvertInspector::Result AdvertInspector::inspect(QByteArrayView packet, qint64 timestampMicros) const
{
    Result result;
    result.decoded = CarpCodec::decodePacket(packet);
    const CarpReject reject = result.decoded.reject;
    if (reject == CarpReject::NotCarp || reject == CarpReject::TooShort || reject == CarpReject::BadIpVersion)
        return result; // not CARP at all: say nothing
    const QString time =
        QDateTime::fromMSecsSinceEpoch(timestampMicros / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
    const CarpAdvert& a = result.decoded.advert;
    if (reject != CarpReject::None) {
        result.verdict = Verdict::Malformed;
        result.line =
            QStringLiteral("%1 %2 malformed: %3 (%4)")
                .arg(time, Ipv4::toString(a.source), carpRejectDescription(reject), carpRejectCode(reject));
        return result;
    }
    QString verdict = QStringLiteral("unchecked");
    if (const CarpHmac* key = keyFor(a.vhid)) {
        const bool ok = key->verify(a);
        result.verdict = ok ? Verdict::Ok : Verdict::Bad;
        verdict = ok ? QStringLiteral("ok") : QStringLiteral("BAD");
    }
    result.line = QStringLiteral("%1 %2 vhid %3 advbase %4 advskew %5 demote %6 counter %7 hmac %8%9")
                      .arg(time, Ipv4::toString(a.source))
                      .arg(a.vhid)
                      .arg(a.advbase)
                      .arg(a.advskew)
                      .arg(a.demote)
                      .arg(a.counter, 16, 16, QLatin1Char('0'))
                      .arg(verdict, a.isBowOut() ? QStringLiteral(" (bow-out)") : QString());
    return result;
}

} // namespace baton
