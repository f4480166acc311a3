// Ids: 32 lowercase hex characters, fresh from the CSPRNG.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/ids.h"
#endif

#include <set>

class IdsTest : public QObject
{
    Q_OBJECT

private slots:
    void isId_data();
    void isId();
    void newIdsAreIdsAndUnique();
};

void IdsTest::isId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid") << "0123456789abcdef0123456789abcdef" << true;
    QTest::newRow("uppercase") << "0123456789ABCDEF0123456789abcdef" << false;
    QTest::newRow("31 chars") << "0123456789abcdef0123456789abcde" << false;
    QTest::newRow("33 chars") << "0123456789abcdef0123456789abcdef0" << false;
    QTest::newRow("non-hex") << "0123456789abcdef0123456789abcdeg" << false;
    QTest::newRow("uuid with dashes") << "01234567-89ab-cdef-0123-456789abcdef" << false;
    QTest::newRow("empty") << "" << false;
}

void IdsTest::isId()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(fieldbook::isId(text.toStdString()), valid);
}

void IdsTest::newIdsAreIdsAndUnique()
{
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const auto id = fieldbook::newId();
        QVERIFY(fieldbook::isId(id));
        QVERIFY(seen.insert(id).second);
    }
}

QTEST_APPLESS_MAIN(IdsTest)
#include "idstest.moc"
