// The data key under the PIN: the right PIN unwraps it, any other PIN or an altered wrapping does
// not, and re-wrapping under a new PIN keeps the same data key.
#include "store/keyvault.h"

#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {
crypto::ScryptParams fast()
{
    crypto::ScryptParams params;
    params.n = 1u << 10;
    return params;
}
} // namespace

class KeyVaultTest : public QObject
{
    Q_OBJECT

private slots:
    void rightPinUnwraps()
    {
        crypto::Bytes key;
        const WrappedKey wrapped = KeyVault::create("2468", fast(), key);
        QCOMPARE(key.size(), std::size_t(32));
        QCOMPARE(wrapped.salt.size(), std::size_t(16));
        const auto unwrapped = KeyVault::unwrap("2468", wrapped, fast());
        QVERIFY(unwrapped);
        QVERIFY(*unwrapped == key);
    }

    void otherPinsFail_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("one digit off") << "2469";
        QTest::newRow("longer") << "24680";
        QTest::newRow("empty") << "";
    }

    void otherPinsFail()
    {
        QFETCH(QString, pin);
        crypto::Bytes key;
        const WrappedKey wrapped = KeyVault::create("2468", fast(), key);
        QVERIFY(!KeyVault::unwrap(pin.toStdString(), wrapped, fast()));
    }

    void alteredWrappingFails()
    {
        crypto::Bytes key;
        WrappedKey wrapped = KeyVault::create("2468", fast(), key);
        wrapped.wrapped[wrapped.wrapped.size() / 2] ^= 0x01;
        QVERIFY(!KeyVault::unwrap("2468", wrapped, fast()));
    }

    void rewrapKeepsTheKey()
    {
        crypto::Bytes key;
        const WrappedKey first = KeyVault::create("2468", fast(), key);
        const WrappedKey second = KeyVault::rewrap(key, "1357", fast());
        QVERIFY(first.salt != second.salt);
        QVERIFY(*KeyVault::unwrap("1357", second, fast()) == key);
        QVERIFY(!KeyVault::unwrap("2468", second, fast()));
    }
};

QTEST_GUILESS_MAIN(KeyVaultTest)
#include "keyvaulttest.moc"
