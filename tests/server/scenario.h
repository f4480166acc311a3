// The world the server suites drive: one user (and one enrolled device) of each role, and the
// records of the contract's scripted scenario, pushed over TLS through the real API:
// a practitioner records a prisoner, a family member, their relationship, consent and both
// protection checks and opens a befriending case; a coordinator records the befriender's vetting
// and an active match. Options leave a precondition out or change it after the match started.
#pragma once

#include "testserver.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldbook::testsupport {

struct WorldOptions
{
    bool consent = true;
    bool checkPrisoner = true;
    bool checkPerson = true;
    bool vetting = true;
    bool match = true;
    bool personIsChild = false; // the family member is a child of 10
    const TestDevice* practitioner = nullptr; // who opens the case (default: Scenario::practitioner)
};

struct World
{
    TestDevice volunteer; // a befriender of this world's own, so that worlds do not share vetting
    QString prisoner;
    QString person;
    QString relationship;
    QString consent;
    QString checkPrisoner;
    QString checkPerson;
    QString caseId;
    QString vetting;
    QString match;
    QJsonObject matchResult; // what the coordinator's activation got
};

class Scenario
{
public:
    explicit Scenario(TestServer& server) : m_server(server) {}

    // Creates the users (team "north") and enrols one device each; false if anything failed.
    bool setUp();

    TestDevice practitioner;
    TestDevice otherPractitioner;
    TestDevice coordinator;
    TestDevice befriender;
    TestDevice otherBefriender;
    TestDevice officer;
    TestDevice manager;
    TestDevice admin;

    static QString newId();
    static QString instant(qint64 offsetSeconds = 0);
    static QString day(qint64 offsetDays = 0);

    // One change envelope; form_version is the current one of the type unless given.
    QJsonObject change(const TestDevice& device, const QString& type, const QJsonObject& fields,
                       const QString& recordId = {}, int formVersion = 0, const QString& op = QStringLiteral("upsert"));
    // POST /v1/sync/push; the results array (empty, and the test failed, if the call did not answer 200).
    QJsonArray push(const TestDevice& device, const QJsonArray& changes);
    // Pushes one change and answers its result object.
    QJsonObject pushOne(const TestDevice& device, const QString& type, const QJsonObject& fields,
                        const QString& recordId = {});
    // Pages through GET /v1/sync/pull until more is false; answers every change.
    QList<QJsonObject> pullAll(const TestDevice& device, int limit = 200, QString* cursor = nullptr);

    World buildWorld(const WorldOptions& options = {});
    // A session report by `author` about the world's family member (notes included).
    QJsonObject sessionReport(const TestDevice& author, const World& world, const QString& notes = QStringLiteral("We talked about the next visit."));
    QJsonObject sessionReportFields(const World& world, const QString& notes) const;

private:
    TestServer& m_server;
    int m_counter = 0;
    int m_volunteers = 0;
};

// Records by type in a pull, and the record ids of each type.
QList<QJsonObject> ofType(const QList<QJsonObject>& changes, const QString& type);
bool containsRecord(const QList<QJsonObject>& changes, const QString& type, const QString& recordId);

} // namespace fieldbook::testsupport
