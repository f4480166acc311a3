// Hex and base64 forms of bytes: strict decoding, one text form per value.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "crypto/bytes.h"
#endif

using namespace fieldbook::crypto;

class BytesTest : public QObject
{
    Q_OBJECT

private slots:
    void hex_data();
    void hex();
    void badHex_data();
    void badHex();
    void base64_data();
    void base64();
    void badBase64_data();
    void badBase64();
    void roundTripAllLengths();
    void wipeClears();
};

void BytesTest::hex_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("hex");
    QTest::newRow("empty") << QByteArray() << "";
    QTest::newRow("one") << QByteArray("\x00", 1) << "00";
    QTest::newRow("mixed") << QByteArray("\x01\xab\xff\x10", 4) << "01abff10";
}

void BytesTest::hex()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, hex);
    const Bytes bytes(raw.begin(), raw.end());
    QCOMPARE(QString::fromStdString(toHex(bytes)), hex);
    QCOMPARE(fromHex(hex.toStdString()), std::optional<Bytes>(bytes));
    QCOMPARE(fromHex(hex.toUpper().toStdString()), std::optional<Bytes>(bytes));
}

void BytesTest::badHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("odd length") << "abc";
    QTest::newRow("not hex") << "zz";
    QTest::newRow("space") << "ab cd";
    QTest::newRow("prefix") << "0x12";
}

void BytesTest::badHex()
{
    QFETCH(QString, text);
    QVERIFY(!fromHex(text.toStdString()));
}

// RFC 4648 section 10 test vectors.
void BytesTest::base64_data()
{
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << "" << "";
    QTest::newRow("f") << "f" << "Zg==";
    QTest::newRow("fo") << "fo" << "Zm8=";
    QTest::newRow("foo") << "foo" << "Zm9v";
    QTest::newRow("foob") << "foob" << "Zm9vYg==";
    QTest::newRow("fooba") << "fooba" << "Zm9vYmE=";
    QTest::newRow("foobar") << "foobar" << "Zm9vYmFy";
}

void BytesTest::base64()
{
    QFETCH(QString, plain);
    QFETCH(QString, encoded);
    QCOMPARE(QString::fromStdString(base64Encode(toBytes(plain.toStdString()))), encoded);
    const auto decoded = base64Decode(encoded.toStdString());
    QVERIFY(decoded);
    QCOMPARE(QString::fromStdString(toString(*decoded)), plain);
}

void BytesTest::badBase64_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("missing padding") << "Zg";
    QTest::newRow("too much padding") << "Z===";
    QTest::newRow("padding in the middle") << "Zg==Zm9v";
    QTest::newRow("data after padding") << "Zm=v";
    QTest::newRow("bad alphabet") << "Zm9*";
    QTest::newRow("url-safe alphabet") << "-_-_";
    QTest::newRow("whitespace") << "Zm9v\n";
    QTest::newRow("non-zero trailing bits, one byte") << "Zh==";
    QTest::newRow("non-zero trailing bits, two bytes") << "Zm9=";
    QTest::newRow("length not a multiple of 4") << "Zm9vY";
}

void BytesTest::badBase64()
{
    QFETCH(QString, text);
    QVERIFY(!base64Decode(text.toStdString()));
}

void BytesTest::roundTripAllLengths()
{
    Bytes bytes;
    for (int length = 0; length < 70; ++length) {
        QCOMPARE(base64Decode(base64Encode(bytes)), std::optional<Bytes>(bytes));
        QCOMPARE(fromHex(toHex(bytes)), std::optional<Bytes>(bytes));
        bytes.push_back(static_cast<unsigned char>(length * 37 + 11));
    }
}

void BytesTest::wipeClears()
{
    Bytes bytes = toBytes("secret");
    wipe(bytes);
    QVERIFY(bytes.empty());
    std::string text = "secret";
    wipe(text);
    QVERIFY(text.empty());
}

QTEST_APPLESS_MAIN(BytesTest)
#include "bytestest.moc"
