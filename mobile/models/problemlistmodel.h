// Records the server did not simply accept: quarantined (kept by the server, held for review) and
// rejected (not stored). They stay listed on the phone, with the reason in plain words, until a
// person dismisses them. GUI thread only.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace fieldbook::app {

class LocalStore;

class ProblemListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The problem list belongs to SyncController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ChangeIdRole = Qt::UserRole + 1,
        TitleRole,
        StateRole,  // quarantined, rejected
        ReasonRole, // the contract's code
        ExplanationRole,
        WhenRole,
        CaseIdRole
    };

    explicit ProblemListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }

    void reload(const LocalStore& store);
    void clear();

    // Plain words for a push outcome's reason code.
    static QString explain(const QString& state, const QString& reason, const QString& recordType);

signals:
    void countChanged();

private:
    struct Row
    {
        QString changeId;
        QString title;
        QString state;
        QString reason;
        QString explanation;
        QString when;
        QString caseId;
    };
    std::vector<Row> m_rows;
};

} // namespace fieldbook::app
