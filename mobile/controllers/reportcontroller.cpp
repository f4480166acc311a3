#include "controllers/reportcontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "models/casestatus.h"
#include "net/apiclient.h"
#include "store/localstore.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>

namespace fieldbook::app {

namespace {

QString currentMonth()
{
    return QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
}

QDate firstDay(const QString& month)
{
    return QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
}

// A count, or the server's "<N" when it suppressed a small one.
QString countText(const QJsonValue& value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

QVariantList countList(const QJsonObject& counts, bool skipTotal = false)
{
    QVariantList out;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (skipTotal && it.key() == QLatin1String("total")) {
            continue;
        }
        out.append(QVariantMap{{QStringLiteral("key"), it.key()},
                               {QStringLiteral("label"), humanise(it.key())},
                               {QStringLiteral("count"), it.value().isString() ? 0 : it.value().toInteger()},
                               {QStringLiteral("text"), countText(it.value())}});
    }
    return out;
}

} // namespace

ReportController::ReportController(QObject* parent)
    : QObject(parent), m_app(AppController::instance()), m_month(currentMonth())
{
}

void ReportController::setMonth(const QString& month)
{
    static const QRegularExpression pattern(QStringLiteral("^2[0-9]{3}-(0[1-9]|1[0-2])$"));
    if (month == m_month || !pattern.match(month).hasMatch()) {
        return;
    }
    m_month = month;
    emit monthChanged();
    reload();
}

QString ReportController::monthTitle() const
{
    return QLocale().toString(firstDay(m_month), QStringLiteral("MMMM yyyy"));
}

void ReportController::previousMonth()
{
    setMonth(firstDay(m_month).addMonths(-1).toString(QStringLiteral("yyyy-MM")));
}

void ReportController::nextMonth()
{
    setMonth(firstDay(m_month).addMonths(1).toString(QStringLiteral("yyyy-MM")));
}

void ReportController::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        emit loadingChanged();
    }
}

void ReportController::fail(const QString& message)
{
    setLoading(false);
    m_message = message;
    emit changed();
}

void ReportController::fetch(const QString& format, std::function<void(const QByteArray&)> done)
{
    LocalStore* store = m_app->store();
    const auto identity = store != nullptr && store->unlocked() ? store->identity() : std::nullopt;
    if (!identity || identity->deviceId.empty()) {
        fail(tr("Unlock Fieldbook to see the report."));
        return;
    }
    setLoading(true);
    ApiClient* api = m_app->api();
    const QString path = QStringLiteral("/v1/reports/monthly?month=%1&format=%2").arg(m_month, format);
    const QJsonObject body{{QStringLiteral("device_id"), qs(identity->deviceId)},
                           {QStringLiteral("refresh_token"), qs(identity->refreshToken)}};
    QPointer<ReportController> self(this);
    api->post(QStringLiteral("/v1/token"), body, [self, api, path, done](const ApiReply& reply) {
        if (!self) {
            return;
        }
        if (!reply.ok()) {
            self->fail(reply.message);
            return;
        }
        api->setAccessToken(reply.object().value(QLatin1String("access_token")).toString());
        api->get(path, [self, done](const ApiReply& answer) {
            if (!self) {
                return;
            }
            if (!answer.ok()) {
                self->fail(answer.errorCode == QLatin1String("forbidden")
                               ? tr("The monthly report is for managers.")
                               : answer.message);
                return;
            }
            self->setLoading(false);
            done(answer.body);
        });
    });
}

void ReportController::reload()
{
    const QString asked = m_month;
    fetch(QStringLiteral("json"), [this, asked](const QByteArray& body) {
        if (asked == m_month) {
            showReport(QJsonDocument::fromJson(body).object());
        }
    });
}

void ReportController::showReport(const QJsonObject& report)
{
    const QJsonObject triages = report.value(QLatin1String("triages")).toObject();
    const QJsonObject contacts = report.value(QLatin1String("contacts")).toObject();
    const QJsonObject overdue = report.value(QLatin1String("overdue_contacts")).toObject();
    const QJsonObject play = report.value(QLatin1String("play_sessions")).toObject();
    const QJsonObject matches = report.value(QLatin1String("matches")).toObject();
    const auto figure = [](const QString& label, const QJsonValue& value) {
        return QVariantMap{{QStringLiteral("label"), label}, {QStringLiteral("value"), countText(value)}};
    };
    m_figures = {
        figure(tr("Triages"), triages.value(QLatin1String("total"))),
        figure(tr("Accepted"), triages.value(QLatin1String("accepted"))),
        figure(tr("Contacts made"), contacts.value(QLatin1String("total"))),
        figure(tr("Held contacts"), report.value(QLatin1String("held_contacts"))),
        figure(tr("Overdue contacts"), overdue.value(QLatin1String("total"))),
        figure(tr("Safeguarding reports"), report.value(QLatin1String("safeguarding_reports"))),
        figure(tr("Matches started"), matches.value(QLatin1String("started"))),
        figure(tr("Children reached"), play.value(QLatin1String("children_reached"))),
    };
    m_triageOutcomes = countList(triages, true);
    m_declineReasons = countList(report.value(QLatin1String("decline_reasons")).toObject());
    m_openCases = countList(report.value(QLatin1String("open_cases_by_stream")).toObject());

    const QJsonObject radar = report.value(QLatin1String("radar")).toObject();
    const QJsonObject change = report.value(QLatin1String("radar_change")).toObject();
    const QJsonObject start = radar.value(QLatin1String("start")).toObject();
    const QJsonObject exit = radar.value(QLatin1String("exit")).toObject();
    const QJsonObject cases = radar.value(QLatin1String("cases_by_domain")).toObject();
    m_radarCases = radar.value(QLatin1String("cases")).toInt();
    m_radar.clear();
    for (auto it = change.begin(); it != change.end(); ++it) {
        m_radar.append(QVariantMap{{QStringLiteral("key"), it.key()},
                                   {QStringLiteral("label"), humanise(it.key())},
                                   {QStringLiteral("cases"), cases.value(it.key()).toInt()},
                                   {QStringLiteral("start"), start.value(it.key()).toDouble()},
                                   {QStringLiteral("exit"), exit.value(it.key()).toDouble()},
                                   {QStringLiteral("change"), it.value().toDouble()}});
    }
    m_takeUp.clear();
    for (const auto& item : report.value(QLatin1String("take_up_by_ethnicity")).toArray()) {
        const QJsonObject row = item.toObject();
        m_takeUp.append(QVariantMap{
            {QStringLiteral("ethnicity"), row.value(QLatin1String("ethnicity")).toString()},
            {QStringLiteral("triaged"), countText(row.value(QLatin1String("triaged")))},
            {QStringLiteral("accepted"), countText(row.value(QLatin1String("accepted")))},
            {QStringLiteral("takeUpPct"), row.value(QLatin1String("take_up_pct")).toDouble()},
            {QStringLiteral("populationPct"), row.value(QLatin1String("population_pct")).toDouble()},
            {QStringLiteral("flagged"), row.value(QLatin1String("under_represented")).toBool()}});
    }
    m_loaded = true;
    m_message.clear();
    emit changed();
}

void ReportController::exportReport(const QString& format)
{
    if (format != QLatin1String("csv") && format != QLatin1String("pdf")) {
        return;
    }
    const QString month = m_month;
    fetch(format, [this, format, month](const QByteArray& body) {
        QString dir = m_app->options().dataDir;
        if (dir.isEmpty()) {
            dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        }
        dir = QDir(dir).absoluteFilePath(QStringLiteral("exports"));
        QDir().mkpath(dir);
        const QString path = QDir(dir).absoluteFilePath(QStringLiteral("fieldbook-report-%1.%2").arg(month, format));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(body) != body.size()) {
            fail(tr("The report could not be saved on this phone."));
            return;
        }
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        file.close();
        m_exportedPath = path;
        emit exportedChanged();
    });
}

} // namespace fieldbook::app
