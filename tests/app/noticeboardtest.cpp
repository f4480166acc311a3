// NoticeBoard: what was on the phone at the start is seen; alerts and other people's C1 reports
// that arrive later are counted until dismissed; the words never carry a name or a detail.
#include "models/noticeboard.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {

Record record(const std::string& type, const std::string& id, const std::string& author,
              const std::string& what = "Irina said she is frightened")
{
    Record out;
    out.type = type;
    out.id = id;
    out.author = author;
    out.fields["what_happened"] = what;
    return out;
}

const std::string kMe = "a0000000000000000000000000000001";
const std::string kOther = "a0000000000000000000000000000002";

} // namespace

class NoticeBoardTest : public QObject
{
    Q_OBJECT

private slots:
    void whatIsThereAtTheStartIsSeen()
    {
        NoticeBoard board;
        board.reloadFrom({record("alert", "1", ""), record("safeguarding_report", "2", kOther)}, kMe);
        QCOMPARE(board.count(), 0);
    }

    void newItemsAreCountedUntilDismissed()
    {
        NoticeBoard board;
        board.reloadFrom({record("alert", "1", "")}, kMe);
        QSignalSpy changed(&board, &NoticeBoard::changed);
        board.reloadFrom({record("alert", "1", ""), record("alert", "3", ""), record("safeguarding_report", "4", kOther),
                          record("safeguarding_report", "5", kMe), record("session_report", "6", kOther)},
                         kMe);
        QCOMPARE(board.count(), 2); // the new alert and someone else's C1; not my own, not a session
        QCOMPARE(changed.count(), 1);
        QCOMPARE(board.text(), QStringLiteral("2 new safeguarding item(s)"));
        QVERIFY(!board.text().contains(QStringLiteral("Irina")));
        // The same records again change nothing.
        board.reloadFrom({record("alert", "3", ""), record("safeguarding_report", "4", kOther)}, kMe);
        QCOMPARE(changed.count(), 1);
        board.dismiss();
        QCOMPARE(board.count(), 0);
        QCOMPARE(changed.count(), 2);
        board.reloadFrom({record("alert", "3", ""), record("safeguarding_report", "4", kOther)}, kMe);
        QCOMPARE(board.count(), 0);
    }

    void whatCounts_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("mine");
        QTest::addColumn<bool>("notice");
        QTest::newRow("an alert") << "alert" << false << true;
        QTest::newRow("someone's C1") << "safeguarding_report" << false << true;
        QTest::newRow("my own C1") << "safeguarding_report" << true << false;
        QTest::newRow("a session report") << "session_report" << false << false;
    }

    void whatCounts()
    {
        QFETCH(QString, type);
        QFETCH(bool, mine);
        QFETCH(bool, notice);
        QCOMPARE(NoticeBoard::isNotice(record(type.toStdString(), "9", mine ? kMe : kOther), kMe), notice);
    }
};

QTEST_GUILESS_MAIN(NoticeBoardTest)
#include "noticeboardtest.moc"
