// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpAdvert.h"
#include "Sha1Block.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QtGlobal>

#include <array>
#include <initializer_list>
#include <memory>

namespace baton {

// HMAC-SHA1 of a CARP advertisement, as ucarp and the BSDs compute it:
//   key     = the password's bytes (no KDF; HMAC's own zero padding makes ucarp's 20-byte
//             zero-padded key buffer equivalent)
//   message = 0x02 0x01 vhid VIP1 .. VIPn (4 bytes each, network order) counter (8 bytes, big-endian)
// The VIPs are hashed in ascending numeric order, as BSD CARP does; with one VIP this is exactly
// ucarp's digest. Only the counter varies per packet, so everything before it is built once here,
// and so are HMAC's two keyed SHA-1 states: a digest then costs two SHA-1 blocks (Sha1Block), a
// copy of each state and no allocation (OpenSSL's one-shot HMAC() fetched the algorithm and keyed
// it anew for every advert, five times the work).
//
// That digest leaves advbase, advskew, demote and the IP source open to editing. Strict mode, for
// pairs of batond only, also hashes them (after a marker no compatible message starts with):
//   message = "baton-strict" 0x02 0x01 vhid advbase advskew demote source VIP1 .. VIPn counter
class CarpHmac
{
public:
    using Digest = std::array<quint8, 20>;
    enum class Mode
    {
        Compatible, // ucarp's and the BSDs' digest
        Strict,     // every field authenticated; not understood by ucarp
    };

    CarpHmac(const QByteArray& password, quint8 vhid, QList<quint32> vips, Mode mode = Mode::Compatible);

    // The compatible digest for a counter.
    Digest digest(quint64 counter) const;
    // The digest this object's mode puts into (and expects in) an advert.
    Digest digest(const CarpAdvert& advert) const;
    // Constant-time comparison of advert.hmac against digest(advert). The advert's vhid is
    // not compared here: the vhid this object was built with is part of the digest.
    bool verify(const CarpAdvert& advert) const;

    quint8 vhid() const { return m_vhid; }
    Mode mode() const { return m_mode; }
    // Sorted ascending, as hashed.
    const QList<quint32>& vips() const { return m_vips; }

private:
    quint8 m_vhid = 0;
    QList<quint32> m_vips;
    Mode m_mode = Mode::Compatible;
    QByteArray m_messagePrefix; // version, type, vhid, VIPs: the message up to the counter
    Sha1Block::State m_inner{}; // SHA-1 having absorbed key XOR ipad
    Sha1Block::State m_outer{}; // SHA-1 having absorbed key XOR opad
    bool m_keyed = false;
    Digest mac(std::initializer_list<QByteArrayView> message) const;
};

} // namespace baton
