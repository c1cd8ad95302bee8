// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <openssl/crypto.h>

namespace baton {

// A password or passphrase in memory: NUL-terminated for C APIs, wiped when it goes.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        m_bytes.detach();
    }
    ~SecretBytes() { wipe(); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    SecretBytes(SecretBytes&& other) noexcept
        : m_bytes(std::move(other.m_bytes))
    {
    }
    SecretBytes& operator=(SecretBytes&& other) noexcept
    {
        wipe();
        m_bytes = std::move(other.m_bytes);
        return *this;
    }

    const char* data() const { return m_bytes.constData(); }
    const QByteArray& bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    void wipe()
    {
        if (!m_bytes.isEmpty())
            OPENSSL_cleanse(m_bytes.data(), static_cast<size_t>(m_bytes.size()));
        m_bytes.clear();
    }

private:
    QByteArray m_bytes;
};

} // namespace baton
