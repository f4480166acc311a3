#include "models/noticeboard.h"

#include "appcontroller.h"
#include "store/localstore.h"

namespace fieldbook::app {

NoticeBoard::NoticeBoard(QObject* parent) : QObject(parent)
{
    if (AppController* app = AppController::instance()) {
        connect(app, &AppController::dataChanged, this, &NoticeBoard::reload);
    }
    reload();
}

QString NoticeBoard::text() const
{
    return tr("%n new safeguarding item(s)", "", count());
}

bool NoticeBoard::isNotice(const Record& record, const std::string& me)
{
    if (record.type == "alert") {
        return true;
    }
    return record.type == "safeguarding_report" && record.author != me;
}

void NoticeBoard::dismiss()
{
    if (m_fresh.empty()) {
        return;
    }
    m_seen.insert(m_fresh.begin(), m_fresh.end());
    m_fresh.clear();
    emit changed();
}

void NoticeBoard::reload()
{
    AppController* app = AppController::instance();
    if (app == nullptr || !app->store()->unlocked()) {
        return;
    }
    std::vector<Record> records = app->store()->recordsOfType("alert");
    for (Record& report : app->store()->recordsOfType("safeguarding_report")) {
        records.push_back(std::move(report));
    }
    reloadFrom(records, app->currentUser().id);
}

void NoticeBoard::reloadFrom(const std::vector<Record>& records, const std::string& me)
{
    const std::size_t before = m_fresh.size();
    for (const Record& record : records) {
        if (!isNotice(record, me)) {
            continue;
        }
        const std::string key = record.type + "|" + record.id;
        if (!m_primed) {
            m_seen.insert(key);
        } else if (m_seen.count(key) == 0) {
            m_fresh.insert(key);
        }
    }
    m_primed = true;
    if (m_fresh.size() != before) {
        emit changed();
    }
}

} // namespace fieldbook::app
