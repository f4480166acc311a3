// The manager's home: the monthly report for one month, asked of the server when shown
// (GET /v1/reports/monthly) and never stored on the phone, with the lists its charts draw, and
// the CSV and PDF saved for sharing. Counts only: the server sends no name or narrative.
// GUI thread only.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace fieldbook::app {

class AppController;

class ReportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    Q_PROPERTY(QString monthTitle READ monthTitle NOTIFY monthChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // [{label, value}]: the month's headline figures.
    Q_PROPERTY(QVariantList figures READ figures NOTIFY changed)
    // [{key, label, count}] for the bar charts and tables.
    Q_PROPERTY(QVariantList triageOutcomes READ triageOutcomes NOTIFY changed)
    Q_PROPERTY(QVariantList declineReasons READ declineReasons NOTIFY changed)
    Q_PROPERTY(QVariantList openCases READ openCases NOTIFY changed)
    // The spider chart: [{key, label, cases, start, exit, change}], one per RADAR domain.
    Q_PROPERTY(QVariantList radar READ radar NOTIFY changed)
    Q_PROPERTY(int radarCases READ radarCases NOTIFY changed)
    // [{ethnicity, triaged, accepted, takeUpPct, populationPct, flagged}]
    Q_PROPERTY(QVariantList takeUp READ takeUp NOTIFY changed)
    Q_PROPERTY(QString exportedPath READ exportedPath NOTIFY exportedChanged)

public:
    explicit ReportController(QObject* parent = nullptr);

    QString month() const { return m_month; }
    // YYYY-MM; anything else is ignored. Asks the server again.
    void setMonth(const QString& month);
    QString monthTitle() const;
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    QString message() const { return m_message; }
    QVariantList figures() const { return m_figures; }
    QVariantList triageOutcomes() const { return m_triageOutcomes; }
    QVariantList declineReasons() const { return m_declineReasons; }
    QVariantList openCases() const { return m_openCases; }
    QVariantList radar() const { return m_radar; }
    int radarCases() const { return m_radarCases; }
    QVariantList takeUp() const { return m_takeUp; }
    QString exportedPath() const { return m_exportedPath; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void previousMonth();
    Q_INVOKABLE void nextMonth();
    // Saves the month's report as "csv" or "pdf" in the app's exports folder (exportedPath).
    Q_INVOKABLE void exportReport(const QString& format);

    // The lists from the server's JSON answer (what reload() does with it; tests call it directly).
    Q_INVOKABLE void showReport(const QJsonObject& report);

signals:
    void monthChanged();
    void loadingChanged();
    void changed();
    void exportedChanged();

private:
    // Gets a fresh access token, then asks for the report in `format`; `done` gets the body.
    void fetch(const QString& format, std::function<void(const QByteArray&)> done);
    void fail(const QString& message);
    void setLoading(bool loading);

    AppController* m_app;
    QString m_month;
    bool m_loading = false;
    bool m_loaded = false;
    QString m_message;
    QVariantList m_figures;
    QVariantList m_triageOutcomes;
    QVariantList m_declineReasons;
    QVariantList m_openCases;
    QVariantList m_radar;
    int m_radarCases = 0;
    QVariantList m_takeUp;
    QString m_exportedPath;
};

} // namespace fieldbook::app
