// A list whose rows are plain values by role name, for the safeguarding lists (alerts, the C1
// inbox, held records to review): each subclass names its roles and fills the rows. QML reads the
// roles by name and `count`. GUI thread only.
#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QList>
#include <QVariantMap>

#include <vector>

namespace fieldbook::app {

class RowListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit RowListModel(QList<QByteArray> roles, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }
    // One row by index, every role by name (empty for a row out of range).
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

protected:
    void setRows(std::vector<QVariantMap> rows);

private:
    QList<QByteArray> m_roles; // role Qt::UserRole + 1 + i is m_roles[i]
    std::vector<QVariantMap> m_rows;
};

} // namespace fieldbook::app
