#include "models/rowlistmodel.h"

namespace fieldbook::app {

RowListModel::RowListModel(QList<QByteArray> roles, QObject* parent)
    : QAbstractListModel(parent), m_roles(std::move(roles))
{
}

int RowListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant RowListModel::data(const QModelIndex& index, int role) const
{
    const int column = role - (Qt::UserRole + 1);
    if (!index.isValid() || index.row() >= count() || column < 0 || column >= m_roles.size()) {
        return {};
    }
    return m_rows[static_cast<std::size_t>(index.row())].value(QString::fromLatin1(m_roles[column]));
}

QHash<int, QByteArray> RowListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i) {
        names.insert(Qt::UserRole + 1 + i, m_roles[i]);
    }
    return names;
}

QVariantMap RowListModel::get(int row) const
{
    return row >= 0 && row < count() ? m_rows[static_cast<std::size_t>(row)] : QVariantMap{};
}

void RowListModel::setRows(std::vector<QVariantMap> rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges) {
        emit countChanged();
    }
}

} // namespace fieldbook::app
