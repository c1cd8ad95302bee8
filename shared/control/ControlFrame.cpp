// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlFrame.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QtEndian>

namespace baton {

QByteArray ControlFrame::encode(const QCborMap& message)
{
    const QByteArray payload = QCborValue(message).toCbor();
    QByteArray frame(HeaderSize, '\0');
    qToBigEndian(static_cast<quint32>(payload.size()), frame.data());
    return frame + payload;
}

void ControlFrame::feed(QByteArrayView bytes)
{
    if (m_error != Error::None)
        return;
    m_buffer.append(bytes.data(), bytes.size());
}

std::optional<QCborMap> ControlFrame::next()
{
    if (m_error != Error::None || m_buffer.size() < HeaderSize)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
    if (length == 0) {
        m_error = Error::Empty;
    } else if (length > m_max) {
        m_error = Error::Oversized;
    }
    if (m_error != Error::None) {
        m_buffer.clear();
        return std::nullopt;
    }
    if (static_cast<quint64>(m_buffer.size()) < HeaderSize + quint64{length})
        return std::nullopt;
    const QByteArray payload = m_buffer.mid(HeaderSize, length);
    m_buffer.remove(0, HeaderSize + static_cast<qsizetype>(length));
    // Exactly one item filling the payload: trailing bytes would be a second, unframed message.
    QCborStreamReader reader(payload);
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || reader.currentOffset() != payload.size()) {
        m_error = Error::BadCbor;
        m_buffer.clear();
        return std::nullopt;
    }
    if (!value.isMap()) {
        m_error = Error::NotAMap;
        m_buffer.clear();
        return std::nullopt;
    }
    return value.toMap();
}

const char* ControlFrame::errorCode(Error error)
{
    switch (error) {
    case Error::None:
        return "none";
    case Error::Oversized:
        return "frame-too-large";
    case Error::Empty:
        return "frame-empty";
    case Error::BadCbor:
        return "bad-cbor";
    case Error::NotAMap:
        return "not-a-map";
    }
    return "unknown";
}

} // namespace baton
