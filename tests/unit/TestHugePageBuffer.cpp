// SPDX-License-Identifier: GPL-3.0-or-later
// HugePageBuffer: zeroed, writable end to end, huge-page aligned when large, on a huge page when
// the kernel gives one (it may decline only by counting a fallback), and moved without a copy.
#include "util/HugePageBuffer.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cstdint>
#include <cstring>
#include <optional>

using namespace baton;

namespace {
// The kernel's count of huge-page faults that fell back to small pages; none without THP.
std::optional<qint64> thpFallbacks()
{
    QFile file(QStringLiteral("/proc/vmstat"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (line.startsWith("thp_fault_fallback "))
            return line.mid(19).toLongLong();
    return std::nullopt;
}

bool thpOffered()
{
    QFile file(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    return file.open(QIODevice::ReadOnly) && !file.readAll().contains("[never]");
}

// AnonHugePages of the mapping that starts at `address`, from /proc/self/smaps.
qint64 hugeKibibytesAt(const void* address)
{
    QFile file(QStringLiteral("/proc/self/smaps"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray start = QByteArray::number(reinterpret_cast<quintptr>(address), 16) + '-';
    static const QRegularExpression header(QStringLiteral("^[0-9a-f]+-[0-9a-f]+ "));
    bool inside = false;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (header.match(QString::fromLatin1(line)).hasMatch())
            inside = line.startsWith(start);
        else if (inside && line.startsWith("AnonHugePages:"))
            return line.mid(14).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

class TestHugePageBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallBufferIsZeroedAndWritable();
    void largeBufferIsAlignedZeroedAndWritable();
    void largeBufferLiesOnAHugePage();
    void movesWithoutCopying();
};

void TestHugePageBuffer::smallBufferIsZeroedAndWritable()
{
    for (const std::size_t bytes : {std::size_t{1}, std::size_t{100}, std::size_t{4096}, std::size_t{5000}}) {
        HugePageBuffer buffer(bytes);
        QCOMPARE(buffer.size(), bytes);
        auto* data = static_cast<unsigned char*>(buffer.data());
        QVERIFY(data != nullptr);
        for (std::size_t i = 0; i < bytes; ++i)
            QCOMPARE(data[i], 0);
        std::memset(data, 0xAB, bytes);
        QCOMPARE(data[bytes - 1], 0xAB);
    }
}

void TestHugePageBuffer::largeBufferIsAlignedZeroedAndWritable()
{
    const std::size_t bytes = HugePageBuffer::HugePage + 12345;
    HugePageBuffer buffer(bytes);
    QCOMPARE(buffer.size(), bytes);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(buffer.data()) % HugePageBuffer::HugePage, std::uintptr_t{0});
    auto* words = static_cast<quint64*>(buffer.data());
    const std::size_t count = bytes / sizeof(quint64);
    for (std::size_t i = 0; i < count; ++i)
        QCOMPARE(words[i], quint64{0});
    for (std::size_t i = 0; i < count; ++i)
        words[i] = i * 3;
    QCOMPARE(words[count - 1], (count - 1) * 3);
}

void TestHugePageBuffer::largeBufferLiesOnAHugePage()
{
    if (!thpOffered())
        QSKIP("this kernel gives no transparent huge pages (THP 'never' or absent): nothing to check");
    const std::optional<qint64> before = thpFallbacks();
    HugePageBuffer buffer(HugePageBuffer::HugePage);
    const std::optional<qint64> after = thpFallbacks();
    const qint64 huge = hugeKibibytesAt(buffer.data());
    if (huge == 0 && before && after && *after > *before)
        QSKIP("the kernel had no huge page free just now (thp_fault_fallback went up)");
    QCOMPARE(huge, qint64{2048});
}

void TestHugePageBuffer::movesWithoutCopying()
{
    HugePageBuffer first(HugePageBuffer::HugePage);
    static_cast<char*>(first.data())[7] = 'x';
    void* const where = first.data();
    HugePageBuffer second(std::move(first));
    QCOMPARE(second.data(), where);
    QCOMPARE(second.size(), HugePageBuffer::HugePage);
    QCOMPARE(first.data(), nullptr);
    HugePageBuffer third(16);
    third = std::move(second);
    QCOMPARE(third.data(), where);
    QCOMPARE(static_cast<char*>(third.data())[7], 'x');
}

QTEST_GUILESS_MAIN(TestHugePageBuffer)
#include "TestHugePageBuffer.moc"
