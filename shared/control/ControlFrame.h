// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCborMap>

#include <optional>

namespace baton {

// The control channel's framing: a 4-byte big-endian payload length, then one CBOR map. CBOR
// because QtCore has a complete, maintained codec (QCborValue) and no other dependency is needed.
// The decoder is incremental (TLS hands over bytes in arbitrary pieces) and refuses a length
// prefix above its maximum before buffering the payload, so a hostile peer cannot make it
// allocate. The two directions have their own limits: a client's requests are small, while the
// agent's replies (adverts, log) may carry more.
class ControlFrame
{
public:
    static constexpr quint32 MaxPayload = 64 * 1024;        // the default
    static constexpr quint32 MaxRequestPayload = 16 * 1024; // client -> agent
    static constexpr quint32 MaxAgentPayload = 1024 * 1024; // agent -> client
    static constexpr int HeaderSize = 4;

    explicit ControlFrame(quint32 maxPayload = MaxPayload)
        : m_max(maxPayload)
    {
    }

    enum class Error
    {
        None,
        Oversized, // the length prefix exceeds the maximum
        Empty,     // a zero length prefix
        BadCbor,   // the payload is not one complete, well-formed CBOR item
        NotAMap,   // well-formed CBOR, but not a map
    };

    static QByteArray encode(const QCborMap& message);

    // Appends received bytes. After an error the decoder stays failed: the connection is closed.
    void feed(QByteArrayView bytes);
    // The next complete message, if one is buffered and no error occurred.
    std::optional<QCborMap> next();
    Error error() const { return m_error; }
    qsizetype buffered() const { return m_buffer.size(); }
    quint32 maxPayload() const { return m_max; }
    static const char* errorCode(Error error);

private:
    quint32 m_max;
    QByteArray m_buffer;
    Error m_error = Error::None;
};

} // namespace baton
