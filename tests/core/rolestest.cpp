// Role names as the contract writes them, and sets of roles.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/roles.h"
#endif

using namespace fieldbook;

class RolesTest : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void unknownNames();
    void sets();
};

void RolesTest::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("volunteer");
    QTest::newRow("befriender") << "befriender" << true;
    QTest::newRow("play_volunteer") << "play_volunteer" << true;
    QTest::newRow("prison_visitor") << "prison_visitor" << true;
    QTest::newRow("mentor") << "mentor" << true;
    QTest::newRow("practitioner") << "practitioner" << false;
    QTest::newRow("coordinator") << "coordinator" << false;
    QTest::newRow("safeguarding_officer") << "safeguarding_officer" << false;
    QTest::newRow("manager") << "manager" << false;
    QTest::newRow("admin") << "admin" << false;
}

void RolesTest::names()
{
    QFETCH(QString, name);
    QFETCH(bool, volunteer);
    const auto role = parseRole(name.toStdString());
    QVERIFY(role);
    QCOMPARE(QString::fromUtf8(roleName(*role).data(), qsizetype(roleName(*role).size())), name);
    QCOMPARE(isVolunteerRole(*role), volunteer);
    QCOMPARE(RoleSet{*role}.anyVolunteer(), volunteer);
}

void RolesTest::unknownNames()
{
    QVERIFY(!parseRole("Befriender"));
    QVERIFY(!parseRole(""));
    QVERIFY(!parseRole("root"));
    QCOMPARE(allRoles().size(), std::size_t(9));
}

void RolesTest::sets()
{
    RoleSet set;
    QVERIFY(set.empty());
    set.add(Role::Practitioner);
    set.add(Role::Befriender);
    set.add(Role::Practitioner);
    QVERIFY(set.has(Role::Practitioner));
    QVERIFY(set.has(Role::Befriender));
    QVERIFY(!set.has(Role::Admin));
    QVERIFY(set.anyVolunteer());
    QCOMPARE(set.list(), (std::vector<Role>{Role::Befriender, Role::Practitioner}));
    QCOMPARE(RoleSet::fromBits(set.bits()).list(), set.list());
    QVERIFY(!(RoleSet{Role::Manager, Role::Admin}).anyVolunteer());
}

QTEST_APPLESS_MAIN(RolesTest)
#include "rolestest.moc"
