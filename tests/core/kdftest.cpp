// scrypt (RFC 7914) and HKDF-SHA-256 (RFC 5869) known answers and parameter checks.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "crypto/kdf.h"
#endif

using namespace fieldbook::crypto;

class KdfTest : public QObject
{
    Q_OBJECT

private slots:
    void scryptKnownAnswer_data();
    void scryptKnownAnswer();
    void scryptDefaultsAreStable();
    void scryptRefusesBadParameters_data();
    void scryptRefusesBadParameters();
    void hkdfKnownAnswer_data();
    void hkdfKnownAnswer();
    void hkdfSeparatesInfo();
    void hkdfRefuses();
};

void KdfTest::scryptKnownAnswer_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint64>("r");
    QTest::addColumn<quint64>("p");
    QTest::addColumn<QString>("key");
    QTest::newRow("RFC 7914 #1") << "" << "" << quint64(16) << quint64(1) << quint64(1)
                                 << "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                    "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906";
    QTest::newRow("RFC 7914 #2") << "password" << "NaCl" << quint64(1024) << quint64(8) << quint64(16)
                                 << "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                    "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640";
}

void KdfTest::scryptKnownAnswer()
{
    QFETCH(QString, password);
    QFETCH(QString, salt);
    QFETCH(quint64, n);
    QFETCH(quint64, r);
    QFETCH(quint64, p);
    QFETCH(QString, key);
    const auto derived = scrypt(password.toStdString(), toBytes(salt.toStdString()), ScryptParams{n, r, p}, 64);
    QCOMPARE(QString::fromStdString(toHex(derived)), key);
}

void KdfTest::scryptDefaultsAreStable()
{
    const Bytes salt = toBytes("0123456789abcdef");
    const auto a = scrypt("1234", salt, ScryptParams{});
    const auto b = scrypt("1234", salt, ScryptParams{});
    QCOMPARE(a.size(), std::size_t(32));
    QCOMPARE(a, b);
    QVERIFY(a != scrypt("1235", salt, ScryptParams{}));
    QVERIFY(a != scrypt("1234", toBytes("0123456789abcdeF"), ScryptParams{}));
}

void KdfTest::scryptRefusesBadParameters_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint64>("r");
    QTest::addColumn<quint64>("p");
    QTest::addColumn<int>("length");
    QTest::newRow("n not a power of two") << quint64(1000) << quint64(8) << quint64(1) << 32;
    QTest::newRow("n of 1") << quint64(1) << quint64(8) << quint64(1) << 32;
    QTest::newRow("r of 0") << quint64(1024) << quint64(0) << quint64(1) << 32;
    QTest::newRow("p of 0") << quint64(1024) << quint64(8) << quint64(0) << 32;
    QTest::newRow("more than 1 GiB") << quint64(1) << quint64(8) << quint64(1) << 32;
    QTest::newRow("length 0") << quint64(1024) << quint64(8) << quint64(1) << 0;
    QTest::newRow("length too long") << quint64(1024) << quint64(8) << quint64(1) << 4096;
}

void KdfTest::scryptRefusesBadParameters()
{
    QFETCH(quint64, n);
    QFETCH(quint64, r);
    QFETCH(quint64, p);
    QFETCH(int, length);
    if (QByteArray(QTest::currentDataTag()) == "more than 1 GiB") {
        n = quint64(1) << 22;
        r = 8;
        p = 1;
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             scrypt("x", toBytes("salt"), ScryptParams{n, r, p}, static_cast<std::size_t>(length)));
}

// RFC 5869 test case 3: no salt, no info (this API has no salt: keys are already uniform).
void KdfTest::hkdfKnownAnswer_data()
{
    QTest::addColumn<QString>("ikm");
    QTest::addColumn<QString>("info");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("okm");
    QTest::newRow("RFC 5869 #3") << QString("0b").repeated(22) << "" << 42
                                 << "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                                    "9d201395faa4b61a96c8";
}

void KdfTest::hkdfKnownAnswer()
{
    QFETCH(QString, ikm);
    QFETCH(QString, info);
    QFETCH(int, length);
    QFETCH(QString, okm);
    const auto key = fromHex(ikm.toStdString());
    QVERIFY(key);
    QCOMPARE(QString::fromStdString(toHex(hkdfSha256(*key, info.toStdString(), static_cast<std::size_t>(length)))),
             okm);
}

void KdfTest::hkdfSeparatesInfo()
{
    const Bytes key(32, 7);
    QVERIFY(hkdfSha256(key, "fieldbook store key") != hkdfSha256(key, "fieldbook field key"));
    QCOMPARE(hkdfSha256(key, "a"), hkdfSha256(key, "a"));
    QCOMPARE(hkdfSha256(key, "a", 64).size(), std::size_t(64));
}

void KdfTest::hkdfRefuses()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hkdfSha256(Bytes{}, "x"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hkdfSha256(Bytes(32, 1), "x", 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hkdfSha256(Bytes(32, 1), "x", 255 * 32 + 1));
}

QTEST_APPLESS_MAIN(KdfTest)
#include "kdftest.moc"
