// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/GratuitousArp.h"

#include <QTest>

using namespace baton;

class TestGratuitousArp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesUcarpCapture();
};

void TestGratuitousArp::matchesUcarpCapture()
{
    // Captured from ucarp taking over 10.9.0.100 on a host with MAC 42:27:1d:08:4e:6d (reference §3.6).
    const QByteArray captured = QByteArray::fromHex("ffffffffffff42271d084e6d08060001080006040001"
                                                    "42271d084e6d0a09006442271d084e6d0a090064");
    const QByteArray frame = GratuitousArp::frame({0x42, 0x27, 0x1d, 0x08, 0x4e, 0x6d}, 0x0A090064);
    QCOMPARE(frame.size(), GratuitousArp::FrameSize);
    QCOMPARE(frame.toHex(), captured.toHex());
}

QTEST_GUILESS_MAIN(TestGratuitousArp)
#include "TestGratuitousArp.moc"
