// A mentoring case's release timeline and, for intensive mentoring, its rota, as the timeline page
// shows them: the core's releaseTimeline() and intensiveRota() on the phone's facts, in plain
// words. Set `caseId` from QML; `today` ("YYYY-MM-DD") and `minuteOfDay` override the wall clock
// for tests and scripted screenshots. GUI thread only.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class AppController;

class ReleaseTimelineController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY caseIdChanged)
    Q_PROPERTY(int minuteOfDay READ minuteOfDay WRITE setMinuteOfDay NOTIFY caseIdChanged)
    Q_PROPERTY(bool known READ known NOTIFY changed)
    Q_PROPERTY(QString personName READ personName NOTIFY changed)
    Q_PROPERTY(QString headline READ headline NOTIFY changed)
    Q_PROPERTY(bool hasReleaseDate READ hasReleaseDate NOTIFY changed)
    Q_PROPERTY(bool weekend READ weekend NOTIFY changed)
    Q_PROPERTY(QString cadence READ cadence NOTIFY changed)
    // Each step: what, title, sentence, state (planned/due/overdue/done/notyet), date, late, early, mine.
    Q_PROPERTY(QVariantList steps READ steps NOTIFY changed)
    Q_PROPERTY(bool intensive READ intensive NOTIFY changed)
    Q_PROPERTY(QString rotaSummary READ rotaSummary NOTIFY changed)
    Q_PROPERTY(QString uncovered READ uncovered NOTIFY changed)
    // Each member: name, days, called, missed, meeting, you.
    Q_PROPERTY(QVariantList members READ members NOTIFY changed)
    // The rota around today (a week back, a week ahead): date, weekday, callers, state, mine, today.
    Q_PROPERTY(QVariantList rotaDays READ rotaDays NOTIFY changed)
    Q_PROPERTY(QString meetingText READ meetingText NOTIFY changed)

public:
    explicit ReleaseTimelineController(QObject* parent = nullptr);

    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    QString today() const { return m_today; }
    void setToday(const QString& today);
    int minuteOfDay() const { return m_minuteOfDay; }
    void setMinuteOfDay(int minute);
    bool known() const { return m_known; }
    QString personName() const { return m_personName; }
    QString headline() const { return m_headline; }
    bool hasReleaseDate() const { return m_hasReleaseDate; }
    bool weekend() const { return m_weekend; }
    QString cadence() const { return m_cadence; }
    QVariantList steps() const { return m_steps; }
    bool intensive() const { return m_intensive; }
    QString rotaSummary() const { return m_rotaSummary; }
    QString uncovered() const { return m_uncovered; }
    QVariantList members() const { return m_members; }
    QVariantList rotaDays() const { return m_rotaDays; }
    QString meetingText() const { return m_meetingText; }

    Q_INVOKABLE void reload();

signals:
    void caseIdChanged();
    void changed();

private:
    AppController* m_app;
    QString m_caseId;
    QString m_today;
    int m_minuteOfDay = -1;
    bool m_known = false;
    QString m_personName;
    QString m_headline;
    bool m_hasReleaseDate = false;
    bool m_weekend = false;
    QString m_cadence;
    QVariantList m_steps;
    bool m_intensive = false;
    QString m_rotaSummary;
    QString m_uncovered;
    QVariantList m_members;
    QVariantList m_rotaDays;
    QString m_meetingText;
};

} // namespace fieldbook::app
