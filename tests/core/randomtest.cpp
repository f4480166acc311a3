// Random bytes and tokens from OpenSSL's CSPRNG.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "crypto/random.h"
#endif

#include <set>

using namespace fieldbook::crypto;

class RandomTest : public QObject
{
    Q_OBJECT

private slots:
    void sizes_data();
    void sizes();
    void neverRepeats();
    void tokenAlphabet_data();
    void tokenAlphabet();
};

void RandomTest::sizes_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("0") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("16") << 16;
    QTest::newRow("4096") << 4096;
}

void RandomTest::sizes()
{
    QFETCH(int, count);
    QCOMPARE(randomBytes(static_cast<std::size_t>(count)).size(), static_cast<std::size_t>(count));
}

void RandomTest::neverRepeats()
{
    std::set<Bytes> seen;
    for (int i = 0; i < 1000; ++i) {
        QVERIFY(seen.insert(randomBytes(16)).second);
    }
    // Not all zero, not constant: a crude check that bytes are drawn at all.
    const auto bytes = randomBytes(64);
    QVERIFY(std::set<unsigned char>(bytes.begin(), bytes.end()).size() > 8);
}

void RandomTest::tokenAlphabet_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("length");
    QTest::newRow("16 bytes") << 16 << 22;
    QTest::newRow("32 bytes") << 32 << 43;
    QTest::newRow("3 bytes") << 3 << 4;
}

void RandomTest::tokenAlphabet()
{
    QFETCH(int, bytes);
    QFETCH(int, length);
    for (int i = 0; i < 50; ++i) {
        const std::string token = randomToken(static_cast<std::size_t>(bytes));
        QCOMPARE(int(token.size()), length);
        for (const char c : token) {
            QVERIFY2((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_',
                     token.c_str());
        }
    }
    QVERIFY(randomToken(32) != randomToken(32));
}

QTEST_APPLESS_MAIN(RandomTest)
#include "randomtest.moc"
