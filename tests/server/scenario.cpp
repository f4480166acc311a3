#include "scenario.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

namespace fieldbook::testsupport {

namespace {

int currentVersion(const QString& type)
{
    return type == QLatin1String("session_report") ? 2 : 1;
}

} // namespace

bool Scenario::setUp()
{
    struct Spec
    {
        TestDevice* device;
        const char* name;
        const char* role;
    };
    const Spec specs[] = {
        {&practitioner, "Pat Practitioner", "practitioner"},
        {&otherPractitioner, "Olu Practitioner", "practitioner"},
        {&coordinator, "Cam Coordinator", "coordinator"},
        {&befriender, "Bea Befriender", "befriender"},
        {&otherBefriender, "Ben Befriender", "befriender"},
        {&officer, "Sol Safeguarding", "safeguarding_officer"},
        {&manager, "Max Manager", "manager"},
        {&admin, "Ada Admin", "admin"},
    };
    for (const Spec& spec : specs) {
        const QString userId = m_server.addUser(QString::fromLatin1(spec.name), {QString::fromLatin1(spec.role)},
                                                QStringLiteral("north"));
        if (userId.isEmpty()) {
            return false;
        }
        *spec.device = m_server.enrolDevice(userId);
        if (spec.device->accessToken.isEmpty()) {
            return false;
        }
    }
    return true;
}

QString Scenario::newId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (auto& byte : bytes) {
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return QString::fromLatin1(bytes.toHex());
}

QString Scenario::instant(qint64 offsetSeconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString Scenario::day(qint64 offsetDays)
{
    return QDateTime::currentDateTimeUtc().date().addDays(offsetDays).toString(Qt::ISODate);
}

QJsonObject Scenario::change(const TestDevice& device, const QString& type, const QJsonObject& fields,
                             const QString& recordId, int formVersion, const QString& op)
{
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    const QString hlc = QStringLiteral("%1-%2-%3").arg(ms, 13, 10, QLatin1Char('0')).arg(++m_counter % 1000000, 6, 10, QLatin1Char('0')).arg(device.deviceId);
    return QJsonObject{{QStringLiteral("id"), newId()},
                       {QStringLiteral("record_type"), type},
                       {QStringLiteral("record_id"), recordId.isEmpty() ? newId() : recordId},
                       {QStringLiteral("op"), op},
                       {QStringLiteral("hlc"), hlc},
                       {QStringLiteral("form_version"), formVersion > 0 ? formVersion : currentVersion(type)},
                       {QStringLiteral("fields"), fields}};
}

QJsonArray Scenario::push(const TestDevice& device, const QJsonArray& changes)
{
    const HttpReply reply = m_server.request("POST", QStringLiteral("/v1/sync/push"),
                                             QJsonObject{{QStringLiteral("changes"), changes}}, device.accessToken);
    if (reply.status != 200) {
        QTest::qFail(qPrintable(QStringLiteral("push answered %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))),
                     __FILE__, __LINE__);
        return {};
    }
    return reply.object().value(QStringLiteral("results")).toArray();
}

QJsonObject Scenario::pushOne(const TestDevice& device, const QString& type, const QJsonObject& fields,
                              const QString& recordId)
{
    const QJsonArray results = push(device, QJsonArray{change(device, type, fields, recordId)});
    return results.isEmpty() ? QJsonObject{} : results.first().toObject();
}

QList<QJsonObject> Scenario::pullAll(const TestDevice& device, int limit, QString* cursor)
{
    QList<QJsonObject> out;
    QString position = cursor != nullptr ? *cursor : QString();
    for (int page = 0; page < 10000; ++page) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        if (!position.isEmpty()) {
            query.addQueryItem(QStringLiteral("cursor"), position);
        }
        const HttpReply reply = m_server.request("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded), {},
                                                 device.accessToken);
        if (reply.status != 200) {
            QTest::qFail(qPrintable(QStringLiteral("pull answered %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))),
                         __FILE__, __LINE__);
            return out;
        }
        for (const auto& item : reply.object().value(QStringLiteral("changes")).toArray()) {
            out.append(item.toObject());
        }
        position = reply.object().value(QStringLiteral("cursor")).toString();
        if (!reply.object().value(QStringLiteral("more")).toBool()) {
            break;
        }
    }
    if (cursor != nullptr) {
        *cursor = position;
    }
    return out;
}

World Scenario::buildWorld(const WorldOptions& options)
{
    World world;
    const TestDevice& practitioner = options.practitioner != nullptr ? *options.practitioner : this->practitioner;
    world.volunteer = m_server.enrolDevice(
        m_server.addUser(QStringLiteral("Volunteer %1").arg(++m_volunteers), {QStringLiteral("befriender")}, QStringLiteral("north")));
    auto applied = [](const QJsonObject& result, const char* what) {
        if (result.value(QStringLiteral("status")).toString() != QLatin1String("applied")) {
            QTest::qFail(qPrintable(QStringLiteral("%1 not applied: %2").arg(QString::fromLatin1(what), QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)))),
                         __FILE__, __LINE__);
        }
    };
    world.prisoner = newId();
    world.person = newId();
    world.caseId = newId();
    QJsonArray intake;
    intake.append(change(practitioner, QStringLiteral("person"),
                         {{QStringLiteral("kind"), QStringLiteral("prisoner")},
                          {QStringLiteral("given_name"), QStringLiteral("Daniel")},
                          {QStringLiteral("family_name"), QStringLiteral("Hughes")},
                          {QStringLiteral("date_of_birth"), QStringLiteral("1985-04-12")},
                          {QStringLiteral("prison_number"), QStringLiteral("A1234BC")},
                          {QStringLiteral("establishment"), QStringLiteral("HMP Northfield")}},
                         world.prisoner));
    const QString dob = options.personIsChild ? QDate::currentDate().addYears(-10).toString(Qt::ISODate)
                                              : QStringLiteral("1988-09-03");
    intake.append(change(practitioner, QStringLiteral("person"),
                         {{QStringLiteral("kind"), options.personIsChild ? QStringLiteral("child") : QStringLiteral("family_member")},
                          {QStringLiteral("given_name"), QStringLiteral("Irina")},
                          {QStringLiteral("family_name"), QStringLiteral("Hughes")},
                          {QStringLiteral("date_of_birth"), dob},
                          {QStringLiteral("phone"), QStringLiteral("07700 900123")}},
                         world.person));
    QJsonObject relationship = change(practitioner, QStringLiteral("relationship"),
                                      {{QStringLiteral("prisoner_id"), world.prisoner},
                                       {QStringLiteral("person_id"), world.person},
                                       {QStringLiteral("relation"), options.personIsChild ? QStringLiteral("daughter") : QStringLiteral("partner")}});
    world.relationship = relationship.value(QStringLiteral("record_id")).toString();
    intake.append(relationship);
    if (options.consent) {
        QJsonObject consent = change(practitioner, QStringLiteral("consent"),
                                     {{QStringLiteral("given_by"), world.prisoner},
                                      {QStringLiteral("scope"), QStringLiteral("contact")},
                                      {QStringLiteral("about"), world.person},
                                      {QStringLiteral("status"), QStringLiteral("given")},
                                      {QStringLiteral("method"), QStringLiteral("written")},
                                      {QStringLiteral("recorded_at"), instant(-30 * 86400)}});
        world.consent = consent.value(QStringLiteral("record_id")).toString();
        intake.append(consent);
    }
    auto check = [&](const QString& subject) {
        return change(practitioner, QStringLiteral("protection_check"),
                      {{QStringLiteral("subject"), subject},
                       {QStringLiteral("outcome"), QStringLiteral("clear")},
                       {QStringLiteral("restrictions"), QJsonArray{}},
                       {QStringLiteral("checked_at"), day(-20)},
                       {QStringLiteral("source"), QStringLiteral("OMU")}});
    };
    if (options.checkPrisoner) {
        QJsonObject c = check(world.prisoner);
        world.checkPrisoner = c.value(QStringLiteral("record_id")).toString();
        intake.append(c);
    }
    if (options.checkPerson) {
        QJsonObject c = check(world.person);
        world.checkPerson = c.value(QStringLiteral("record_id")).toString();
        intake.append(c);
    }
    intake.append(change(practitioner, QStringLiteral("case"),
                         {{QStringLiteral("person_id"), world.person},
                          {QStringLiteral("stream"), QStringLiteral("befriending")},
                          {QStringLiteral("practitioner_id"), practitioner.userId},
                          {QStringLiteral("status"), QStringLiteral("open")}},
                         world.caseId));
    for (const auto& result : push(practitioner, intake)) {
        applied(result.toObject(), "intake");
    }
    if (options.vetting) {
        world.vetting = newId();
        applied(pushOne(coordinator, QStringLiteral("vetting"),
                        {{QStringLiteral("volunteer"), world.volunteer.userId},
                         {QStringLiteral("dbs_checked_at"), day(-100)},
                         {QStringLiteral("dbs_expires_at"), day(700)},
                         {QStringLiteral("training"), QJsonArray{QStringLiteral("safeguarding"), QStringLiteral("professional_boundaries"),
                                                                 QStringLiteral("equality_diversity"), QStringLiteral("data_protection")}}},
                        world.vetting),
                "vetting");
    }
    if (options.match) {
        world.match = newId();
        world.matchResult = pushOne(coordinator, QStringLiteral("match"),
                                    {{QStringLiteral("case_id"), world.caseId},
                                     {QStringLiteral("volunteer"), world.volunteer.userId},
                                     {QStringLiteral("person_id"), world.person},
                                     {QStringLiteral("status"), QStringLiteral("active")},
                                     {QStringLiteral("started_at"), day(-10)}},
                                    world.match);
    }
    return world;
}

QJsonObject Scenario::sessionReportFields(const World& world, const QString& notes) const
{
    return {{QStringLiteral("case_id"), world.caseId},
            {QStringLiteral("person_id"), world.person},
            {QStringLiteral("occurred_at"), instant(-3600)},
            {QStringLiteral("duration_minutes"), 60},
            {QStringLiteral("mode"), QStringLiteral("in_person")},
            {QStringLiteral("location"), QStringLiteral("Visitors' centre")},
            {QStringLiteral("notes"), notes},
            {QStringLiteral("concerns"), QStringLiteral("none")}};
}

QJsonObject Scenario::sessionReport(const TestDevice& author, const World& world, const QString& notes)
{
    return pushOne(author, QStringLiteral("session_report"), sessionReportFields(world, notes));
}

QList<QJsonObject> ofType(const QList<QJsonObject>& changes, const QString& type)
{
    QList<QJsonObject> out;
    for (const auto& change : changes) {
        if (change.value(QStringLiteral("record_type")).toString() == type) {
            out.append(change);
        }
    }
    return out;
}

bool containsRecord(const QList<QJsonObject>& changes, const QString& type, const QString& recordId)
{
    for (const auto& change : changes) {
        if (change.value(QStringLiteral("record_type")).toString() == type &&
            change.value(QStringLiteral("record_id")).toString() == recordId &&
            change.value(QStringLiteral("op")).toString() == QLatin1String("upsert")) {
            return true;
        }
    }
    return false;
}

} // namespace fieldbook::testsupport
