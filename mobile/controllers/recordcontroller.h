// One record as its detail page shows it: every answer under its form's label and in words
// (choices, dates, people and users by name, never an id), who recorded it and when, where it
// stands with the server (sent, waiting, held with the reason, refused), the answers of this
// phone's user that lost to newer ones, whether this user may edit it (the core's
// checkAuthority), and the pipeline moves the core offers from its present state (movesFrom).
// A move that needs more answers (closing a case, activating or ending a match) is opened as an
// edit of the record with the move preset; the others are saved at once through the one save path
// (recordwriter.h). Set recordType and recordId from QML. GUI thread only.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class AppController;

class RecordController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordType READ recordType WRITE setRecordType NOTIFY contextChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY contextChanged)
    Q_PROPERTY(bool known READ known NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    // [{label, value}] in the form's order, shown answers only.
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(QString byText READ byText NOTIFY changed)
    Q_PROPERTY(QString whenText READ whenText NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed) // synced, waiting, held, refused
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QStringList lostAnswers READ lostAnswers NOTIFY changed)
    Q_PROPERTY(bool editable READ editable NOTIFY changed)
    Q_PROPERTY(bool canEdit READ canEdit NOTIFY changed)
    Q_PROPERTY(QString editWhy READ editWhy NOTIFY changed)
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    // [{label, allowed, why, needsForm, presets}] from the core's movesFrom(); empty without a pipeline.
    Q_PROPERTY(QVariantList moves READ moves NOTIFY changed)

public:
    explicit RecordController(QObject* parent = nullptr);

    QString recordType() const { return m_recordType; }
    void setRecordType(const QString& type);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString& id);
    bool known() const { return m_known; }
    QString title() const { return m_title; }
    QVariantList rows() const { return m_rows; }
    QString byText() const { return m_byText; }
    QString whenText() const { return m_whenText; }
    QString status() const { return m_status; }
    QString statusText() const { return m_statusText; }
    QStringList lostAnswers() const { return m_lost; }
    bool editable() const { return m_editable; }
    bool canEdit() const { return m_canEdit; }
    QString editWhy() const { return m_editWhy; }
    QString caseId() const { return m_caseId; }
    QVariantList moves() const { return m_moves; }

    Q_INVOKABLE void reload();
    // Saves move `index` of moves() when it is allowed and needs no form; false otherwise.
    Q_INVOKABLE bool applyMove(int index);
    Q_INVOKABLE void dismissLostAnswers();

signals:
    void contextChanged();
    void changed();

private:
    AppController* m_app;
    QString m_recordType;
    QString m_recordId;
    bool m_known = false;
    QString m_title;
    QVariantList m_rows;
    QString m_byText;
    QString m_whenText;
    QString m_status;
    QString m_statusText;
    QStringList m_lost;
    bool m_editable = false;
    bool m_canEdit = false;
    QString m_editWhy;
    QString m_caseId;
    QVariantList m_moves;
};

} // namespace fieldbook::app
