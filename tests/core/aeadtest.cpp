// AES-256-GCM sealing: a known answer, round trips, and every way a sealed value must fail to open.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "crypto/aead.h"
#endif

using namespace fieldbook::crypto;

class AeadTest : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswer();
    void roundTrip_data();
    void roundTrip();
    void freshNonceEachTime();
    void tampering_data();
    void tampering();
    void wrongAad();
    void wrongKey();
    void refusesBadKeyOnSeal();
};

// NIST GCM test case 14 (AES-256, zero key, zero IV, one zero block), in the sealed layout.
void AeadTest::knownAnswer()
{
    const Bytes key(32, 0);
    const auto sealed = fromHex("01" + std::string(24, '0') + "cea7403d4d606b6e074ec5d3baf39d18"
                                + "d0d1c8a799996bf0265b98b5d48ab919");
    QVERIFY(sealed);
    const auto opened = open(key, *sealed, "");
    QVERIFY(opened);
    QCOMPARE(*opened, Bytes(16, 0));
}

void AeadTest::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QString>("aad");
    QTest::newRow("empty") << QByteArray() << "";
    QTest::newRow("empty with aad") << QByteArray() << "record:abc";
    QTest::newRow("short") << QByteArray("Irina is doing well") << "session_report/notes";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << "";
    QTest::newRow("one MiB") << QByteArray(1 << 20, 'x') << "big";
}

void AeadTest::roundTrip()
{
    QFETCH(QByteArray, plain);
    QFETCH(QString, aad);
    const Bytes key(32, 42);
    const Bytes data(plain.begin(), plain.end());
    const auto sealed = seal(key, data, aad.toStdString());
    QCOMPARE(sealed.size(), data.size() + 1 + 12 + 16);
    QCOMPARE(int(sealed[0]), 1);
    const auto opened = open(key, sealed, aad.toStdString());
    QVERIFY(opened);
    QCOMPARE(*opened, data);
}

void AeadTest::freshNonceEachTime()
{
    const Bytes key(32, 1);
    QVERIFY(seal(key, toBytes("same"), "a") != seal(key, toBytes("same"), "a"));
}

void AeadTest::tampering_data()
{
    QTest::addColumn<int>("where"); // byte index to flip; -1 truncates, -2 appends, -3 changes the version
    QTest::newRow("version byte") << -3;
    QTest::newRow("nonce") << 5;
    QTest::newRow("ciphertext") << 14;
    QTest::newRow("tag") << 1 + 12 + 10 + 3;
    QTest::newRow("truncated") << -1;
    QTest::newRow("appended") << -2;
}

void AeadTest::tampering()
{
    QFETCH(int, where);
    const Bytes key(32, 9);
    auto sealed = seal(key, toBytes("0123456789"), "aad");
    if (where == -1) {
        sealed.pop_back();
    } else if (where == -2) {
        sealed.push_back(0);
    } else if (where == -3) {
        sealed[0] = 2;
    } else {
        sealed[static_cast<std::size_t>(where)] ^= 0x01;
    }
    QVERIFY(!open(key, sealed, "aad"));
    QVERIFY(!open(key, Bytes(28, 0), "aad"));
    QVERIFY(!open(key, Bytes{}, "aad"));
}

void AeadTest::wrongAad()
{
    const Bytes key(32, 3);
    const auto sealed = seal(key, toBytes("notes"), "record-1/notes");
    QVERIFY(!open(key, sealed, "record-2/notes"));
    QVERIFY(!open(key, sealed, ""));
    QVERIFY(open(key, sealed, "record-1/notes"));
}

void AeadTest::wrongKey()
{
    const auto sealed = seal(Bytes(32, 3), toBytes("notes"), "x");
    QVERIFY(!open(Bytes(32, 4), sealed, "x"));
    QVERIFY(!open(Bytes(16, 3), sealed, "x"));
}

void AeadTest::refusesBadKeyOnSeal()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seal(Bytes(31, 0), toBytes("x"), ""));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seal(Bytes{}, toBytes("x"), ""));
}

QTEST_APPLESS_MAIN(AeadTest)
#include "aeadtest.moc"
