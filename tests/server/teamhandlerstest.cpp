// GET /v1/team over TLS against the real server: a coordinator and a practitioner get their
// team's users by name (id, name, roles and nothing more), another team's users never; every other
// role is refused; no token, no answer.
#include "scenario.h"
#include "testserver.h"

#include <QJsonArray>
#include <QtTest>

using namespace fieldbook::testsupport;

class TeamHandlersTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_scenario.setUp());
        m_southUser = m_server.addUser(QStringLiteral("Sia South"), {QStringLiteral("befriender")}, QStringLiteral("south"));
        QVERIFY(!m_southUser.isEmpty());
        const QString loner = m_server.addUser(QStringLiteral("Lou Loner"), {QStringLiteral("coordinator")});
        m_loner = m_server.enrolDevice(loner);
    }

    void whoSeesTheTeam_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("coordinator") << "coordinator" << 200;
        QTest::newRow("practitioner") << "practitioner" << 200;
        QTest::newRow("befriender") << "befriender" << 403;
        QTest::newRow("safeguarding officer") << "officer" << 403;
        QTest::newRow("manager") << "manager" << 403;
        QTest::newRow("admin") << "admin" << 403;
        QTest::newRow("no token") << "" << 401;
    }

    void whoSeesTheTeam()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const QMap<QString, const TestDevice*> devices{{"coordinator", &m_scenario.coordinator},
                                                       {"practitioner", &m_scenario.practitioner},
                                                       {"befriender", &m_scenario.befriender},
                                                       {"officer", &m_scenario.officer},
                                                       {"manager", &m_scenario.manager},
                                                       {"admin", &m_scenario.admin}};
        const QString token = who.isEmpty() ? QString() : devices.value(who)->accessToken;
        const HttpReply reply = m_server.request("GET", QStringLiteral("/v1/team"), {}, token);
        QCOMPARE(reply.status, status);
        if (status != 200) {
            QVERIFY(!reply.error().isEmpty());
            QVERIFY(!reply.body.contains("Bea Befriender"));
            return;
        }
        const QJsonObject body = reply.object();
        QCOMPARE(body.value("team").toString(), QStringLiteral("north"));
        const QJsonArray users = body.value("users").toArray();
        QCOMPARE(users.size(), 8); // the scenario's north team, the caller included
        QStringList names;
        for (const QJsonValue& value : users) {
            const QJsonObject user = value.toObject();
            QCOMPARE(QStringList(user.keys()), (QStringList{"name", "roles", "user_id"}));
            names << user.value("name").toString();
            QVERIFY(user.value("user_id").toString() != m_southUser);
        }
        QVERIFY(names.contains("Bea Befriender"));
        QVERIFY(!names.contains("Sia South"));
        QStringList sorted = names;
        sorted.sort();
        QCOMPARE(names, sorted);
        const QJsonObject bea = users.at(names.indexOf("Bea Befriender")).toObject();
        QCOMPARE(bea.value("user_id").toString(), m_scenario.befriender.userId);
        QCOMPARE(bea.value("roles").toArray(), QJsonArray{QStringLiteral("befriender")});
    }

    void withoutATeamOnlyOneself()
    {
        const HttpReply reply = m_server.request("GET", QStringLiteral("/v1/team"), {}, m_loner.accessToken);
        QCOMPARE(reply.status, 200);
        const QJsonArray users = reply.object().value("users").toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0).toObject().value("name").toString(), QStringLiteral("Lou Loner"));
    }

private:
    TestServer m_server;
    Scenario m_scenario{m_server};
    QString m_southUser;
    TestDevice m_loner;
};

QTEST_GUILESS_MAIN(TeamHandlersTest)
#include "teamhandlerstest.moc"
