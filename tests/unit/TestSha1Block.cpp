// SPDX-License-Identifier: GPL-3.0-or-later
#include "carp/Sha1Block.h"

#include <QRandomGenerator>
#include <QtTest>

#include <array>

using namespace baton;

class TestSha1Block : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fipsExample();
    void agreesWithOpenSsl();
    void acceleratedAgreesWithOpenSsl();
};

namespace {
// One way of compressing against OpenSSL's on random states and blocks, some blocks all zeros or
// all ones.
void compareWithOpenSsl(void (*compress)(Sha1Block::State&, const unsigned char*))
{
    QRandomGenerator random(20261203);
    for (int i = 0; i < 5000; ++i) {
        std::array<unsigned char, 64> block{};
        for (unsigned char& b : block)
            b = static_cast<unsigned char>(random.bounded(256));
        if (i % 7 == 0)
            block.fill(static_cast<unsigned char>(i % 2 == 0 ? 0x00 : 0xFF));
        Sha1Block::State state{};
        for (quint32& word : state)
            word = random.generate();
        Sha1Block::State reference = state;
        compress(state, block.data());
        Sha1Block::compressOpenSsl(reference, block.data());
        QVERIFY2(state == reference, qPrintable(QStringLiteral("case %1").arg(i)));
    }
}
} // namespace

void TestSha1Block::initTestCase()
{
    qInfo("SHA-1 blocks on this CPU: %s", Sha1Block::accelerated() ? "SHA extensions" : "OpenSSL");
}

// FIPS 180 example: SHA-1("abc") is one padded block from the initial state.
void TestSha1Block::fipsExample()
{
    std::array<unsigned char, 64> block{};
    block[0] = 'a';
    block[1] = 'b';
    block[2] = 'c';
    block[3] = 0x80;
    block[63] = 24; // the length in bits
    const Sha1Block::State initial = Sha1Block::Initial;
    const Sha1Block::State expected{0xA9993E36, 0x4706816A, 0xBA3E2571, 0x7850C26C, 0x9CD0D89D};
    Sha1Block::State state = initial;
    Sha1Block::compress(state, block.data());
    QCOMPARE(state, expected);
    state = initial;
    Sha1Block::compressOpenSsl(state, block.data());
    QCOMPARE(state, expected);
}

// compress(), whichever way this CPU takes.
void TestSha1Block::agreesWithOpenSsl()
{
    compareWithOpenSsl(&Sha1Block::compress);
}

// The SHA extensions' way itself, where this CPU has them.
void TestSha1Block::acceleratedAgreesWithOpenSsl()
{
    if (!Sha1Block::accelerated())
        QSKIP("this CPU has no SHA extensions; compress() is OpenSSL's here");
    compareWithOpenSsl(&Sha1Block::compressAccelerated);
}

QTEST_GUILESS_MAIN(TestSha1Block)
#include "TestSha1Block.moc"
