// rules/review: who may list and decide held records and break the glass, and what a note or a
// reason must be (the server answers 400 for what reviewTextProblem refuses; the app checks first).
#include "rules/review.h"

#include <QtTest>

using namespace fieldbook;

class ReviewTest : public QObject
{
    Q_OBJECT

private slots:
    void roles_data();
    void roles();
    void text_data();
    void text();
};

void ReviewTest::roles_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("list");
    QTest::addColumn<bool>("decide");
    for (const Role role : allRoles()) {
        const bool officer = role == Role::SafeguardingOfficer;
        QTest::newRow(roleName(role).data()) << QString::fromLatin1(roleName(role).data())
                                              << (officer || role == Role::Practitioner) << officer;
    }
}

void ReviewTest::roles()
{
    QFETCH(QString, role);
    QFETCH(bool, list);
    QFETCH(bool, decide);
    const RoleSet roles{*parseRole(role.toStdString())};
    QCOMPARE(mayListHeld(roles), list);
    QCOMPARE(mayDecideHeld(roles), decide);
    QCOMPARE(mayBreakGlass(roles), decide);
    QVERIFY(!mayDecideHeld(RoleSet{}));
}

void ReviewTest::text_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("ten characters") << QByteArray("0123456789") << true;
    QTest::newRow("nine characters") << QByteArray("012345678") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("padded to ten with spaces") << QByteArray("   abcdef   ") << false;
    QTest::newRow("ten letters, two bytes each") << QByteArray("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                                                               "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9") << true;
    QTest::newRow("nine letters, eighteen bytes") << QByteArray("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                                                                "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9") << false;
    QTest::newRow("line breaks and tabs") << QByteArray("Called 101.\n\tOfficer informed.") << true;
    QTest::newRow("a NUL") << QByteArray("Called the police\0today", 23) << false;
    QTest::newRow("an escape") << QByteArray("Called the \x1b[31mpolice") << false;
    QTest::newRow("invalid UTF-8") << QByteArray("Called the police \xff\xfe") << false;
    QTest::newRow("overlong UTF-8") << QByteArray("Called the police \xc0\xaf") << false;
    QTest::newRow("at the bound") << QByteArray(int(kMaxReviewTextBytes), 'a') << true;
    QTest::newRow("one byte over") << QByteArray(int(kMaxReviewTextBytes) + 1, 'a') << false;
}

void ReviewTest::text()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    const std::string problem = reviewTextProblem(std::string_view(text.constData(), std::size_t(text.size())), "note");
    QCOMPARE(problem.empty(), ok);
    if (!ok) {
        QVERIFY2(problem.find("note") != std::string::npos, "the sentence names the field");
    }
}

QTEST_GUILESS_MAIN(ReviewTest)
#include "reviewtest.moc"
