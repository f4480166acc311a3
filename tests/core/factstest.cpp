// MemoryFacts: the in-memory FactSource the tests and the app's drafts use.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/facts.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;

class FactsTest : public QObject
{
    Q_OBJECT

private slots:
    void putReplaceRemove();
    void recordsWhere_data();
    void recordsWhere();
    void users();
};

void FactsTest::putReplaceRemove()
{
    MemoryFacts facts;
    Record record{"person", hexId(1), "", "", 1, test::object(R"({"given_name":"Irina"})")};
    facts.put(record);
    QCOMPARE(facts.record("person", hexId(1))->text("given_name"), std::string("Irina"));
    QVERIFY(!facts.record("case", hexId(1)));
    record.fields["given_name"] = "Irene";
    facts.put(record);
    QCOMPARE(facts.record("person", hexId(1))->text("given_name"), std::string("Irene"));
    facts.remove("person", hexId(1));
    QVERIFY(!facts.record("person", hexId(1)));
}

void FactsTest::recordsWhere_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("count");
    QTest::newRow("two consents about Irina") << "consent" << "about" << "irina" << 2;
    QTest::newRow("one about Maya") << "consent" << "about" << "maya" << 1;
    QTest::newRow("none about nobody") << "consent" << "about" << "nobody" << 0;
    QTest::newRow("other type with the same field") << "match" << "about" << "irina" << 0;
    QTest::newRow("number fields never match") << "consent" << "number" << "1" << 0;
}

void FactsTest::recordsWhere()
{
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, count);
    MemoryFacts facts;
    facts.put({"consent", hexId(1), "", "", 1, test::object(R"({"about":"irina","number":1})")});
    facts.put({"consent", hexId(2), "", "", 1, test::object(R"({"about":"irina"})")});
    facts.put({"consent", hexId(3), "", "", 1, test::object(R"({"about":"maya"})")});
    facts.put({"match", hexId(1), "", "", 1, test::object(R"({"person_id":"irina"})")});
    facts.put({"relationship", hexId(1), "", "", 1, test::object(R"({"about":"irina"})")});
    const auto found = facts.recordsWhere(type.toStdString(), field.toStdString(),
                                          value == "irina" ? "irina" : value.toStdString());
    QCOMPARE(int(found.size()), count);
    for (const auto& record : found) {
        QCOMPARE(QString::fromStdString(record.type), type);
    }
}

void FactsTest::users()
{
    MemoryFacts facts;
    facts.putUser(User{hexId(7), "Ben", RoleSet{Role::Befriender}, "north"});
    QVERIFY(facts.user(hexId(7))->roles.has(Role::Befriender));
    QCOMPARE(facts.user(hexId(7))->team, std::string("north"));
    QVERIFY(!facts.user(hexId(8)));
}

QTEST_APPLESS_MAIN(FactsTest)
#include "factstest.moc"
