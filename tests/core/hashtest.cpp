// SHA-256, HMAC-SHA-256 (known answers) and the constant-time comparison of secrets.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "crypto/hash.h"
#endif

using namespace fieldbook::crypto;

class HashTest : public QObject
{
    Q_OBJECT

private slots:
    void sha256_data();
    void sha256();
    void hmac_data();
    void hmac();
    void constantTimeEqual_data();
    void constantTimeEqual();
};

// FIPS 180-2 examples.
void HashTest::sha256_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("digest");
    QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
}

void HashTest::sha256()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, digest);
    const std::string_view data(input.constData(), static_cast<std::size_t>(input.size()));
    QCOMPARE(QString::fromStdString(sha256Hex(data)), digest);
    QCOMPARE(QString::fromStdString(toHex(fieldbook::crypto::sha256(data))), digest);
}

// RFC 4231 test cases 1, 2 and 6 (a key longer than the block).
void HashTest::hmac_data()
{
    QTest::addColumn<QString>("keyHex");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("mac");
    QTest::newRow("case 1") << QString("0b").repeated(20) << QByteArray("Hi There")
                            << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    QTest::newRow("case 2") << "4a656665" << QByteArray("what do ya want for nothing?")
                            << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    QTest::newRow("case 6") << QString("aa").repeated(131)
                            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                            << "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
}

void HashTest::hmac()
{
    QFETCH(QString, keyHex);
    QFETCH(QByteArray, data);
    QFETCH(QString, mac);
    const auto key = fromHex(keyHex.toStdString());
    QVERIFY(key);
    QCOMPARE(QString::fromStdString(toHex(hmacSha256(*key, data.toStdString()))), mac);
}

void HashTest::constantTimeEqual_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << "token-123" << "token-123" << true;
    QTest::newRow("both empty") << "" << "" << true;
    QTest::newRow("last byte differs") << "token-123" << "token-124" << false;
    QTest::newRow("first byte differs") << "aoken-123" << "token-123" << false;
    QTest::newRow("prefix") << "token" << "token-123" << false;
    QTest::newRow("empty and not") << "" << "x" << false;
}

void HashTest::constantTimeEqual()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(fieldbook::crypto::constantTimeEqual(a.toStdString(), b.toStdString()), equal);
}

QTEST_APPLESS_MAIN(HashTest)
#include "hashtest.moc"
