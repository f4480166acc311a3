// FieldSealer with a real key file: the fields a form marks special-category leave only as one
// sealed blob bound to the record's type and id, the lookup fields stay plain, a blob moved to
// another record or altered does not open, an older key still opens after rotation, and free
// text is bound to its context.
#include "store/fieldsealer.h"

#include "model/formdefinition.h"
#include "model/ids.h"
#include "store/keyring.h"

#include <QTemporaryDir>
#include <QtTest>
#include <boost/json/serialize.hpp>
#include <memory>

using namespace fieldbook;
using namespace fieldbook::server;

namespace {

boost::json::object report()
{
    return {{"case_id", newId()},
            {"person_id", newId()},
            {"occurred_at", "2026-05-30T10:00:00Z"},
            {"notes", "She said the rent is three months behind"},
            {"concerns", "none"}};
}

int reportVersion()
{
    return FormRegistry::builtin().current("session_report")->version;
}

} // namespace

class FieldSealerTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void whichFieldsAreSealed_data();
    void whichFieldsAreSealed();
    void splitAndJoinRoundTrip();
    void nothingToSealGivesNoBlob();
    void blobIsBoundToItsRecord_data();
    void blobIsBoundToItsRecord();
    void olderKeyOpensAfterRotation();
    void textIsBoundToItsContext();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const KeyRing> m_keys;
};

void FieldSealerTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_keys =
        std::make_shared<const KeyRing>(KeyRing::loadOrCreate(m_dir->filePath("server.key").toStdString()));
}

void FieldSealerTest::whichFieldsAreSealed_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("sealed");
    QTest::newRow("session notes") << "session_report"
                                   << "notes" << true;
    QTest::newRow("session case id") << "session_report"
                                     << "case_id" << false;
    QTest::newRow("session occurred at") << "session_report"
                                         << "occurred_at" << false;
    QTest::newRow("unknown type") << "no_such_type"
                                  << "notes" << false;
}

void FieldSealerTest::whichFieldsAreSealed()
{
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(bool, sealed);
    const FieldSealer sealer(FormRegistry::builtin(), m_keys);
    QCOMPARE(sealer.isSealed(type.toStdString(), reportVersion(), field.toStdString()), sealed);
    QCOMPARE(sealer.isSealed(type.toStdString(), 999, field.toStdString()), sealed); // any version
}

void FieldSealerTest::splitAndJoinRoundTrip()
{
    const FieldSealer sealer(FormRegistry::builtin(), m_keys);
    const std::string id = newId();
    const boost::json::object fields = report();
    const FieldSealer::Split split = sealer.split("session_report", id, reportVersion(), fields);
    QVERIFY(!split.sealed.empty());
    QCOMPARE(split.keyId, m_keys->currentId());
    QVERIFY(!split.plain.contains("notes"));
    QVERIFY(split.plain.contains("case_id"));
    const std::string blob(split.sealed.begin(), split.sealed.end());
    QVERIFY(blob.find("three months") == std::string::npos);
    const auto joined = sealer.join("session_report", id, split.plain, split.sealed, split.keyId);
    QCOMPARE(boost::json::serialize(boost::json::value(joined)).size(),
             boost::json::serialize(boost::json::value(fields)).size());
    QCOMPARE(joined.at("notes"), fields.at("notes"));
}

void FieldSealerTest::nothingToSealGivesNoBlob()
{
    const FieldSealer sealer(FormRegistry::builtin(), m_keys);
    boost::json::object fields = report();
    fields.erase("notes");
    const auto split = sealer.split("session_report", newId(), reportVersion(), fields);
    QVERIFY(split.sealed.empty());
    QCOMPARE(split.plain.size(), fields.size());
}

void FieldSealerTest::blobIsBoundToItsRecord_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::newRow("another record id") << "id";
    QTest::newRow("another record type") << "type";
    QTest::newRow("a flipped byte") << "byte";
    QTest::newRow("an unknown key id") << "key";
}

void FieldSealerTest::blobIsBoundToItsRecord()
{
    QFETCH(QString, tamper);
    const FieldSealer sealer(FormRegistry::builtin(), m_keys);
    const std::string id = newId();
    FieldSealer::Split split = sealer.split("session_report", id, reportVersion(), report());
    std::string type = "session_report";
    std::string openId = id;
    std::string keyId = split.keyId;
    if (tamper == QLatin1String("id")) {
        openId = newId();
    } else if (tamper == QLatin1String("type")) {
        type = "contact_sheet";
    } else if (tamper == QLatin1String("byte")) {
        split.sealed[split.sealed.size() / 2] ^= 0x01;
    } else {
        keyId = "ffffffff";
    }
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, sealer.join(type, openId, split.plain, split.sealed, keyId));
}

void FieldSealerTest::olderKeyOpensAfterRotation()
{
    const FieldSealer before(FormRegistry::builtin(), m_keys);
    const std::string id = newId();
    const auto split = before.split("session_report", id, reportVersion(), report());
    const auto rotated = std::make_shared<const KeyRing>(m_keys->withNewKey());
    const FieldSealer after(FormRegistry::builtin(), rotated);
    QVERIFY(after.split("session_report", id, reportVersion(), report()).keyId != split.keyId);
    QCOMPARE(after.join("session_report", id, split.plain, split.sealed, split.keyId).at("notes"),
             report().at("notes"));
    const FieldSealer currentOnly(FormRegistry::builtin(),
                                  std::make_shared<const KeyRing>(rotated->currentOnly()));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             currentOnly.join("session_report", id, split.plain, split.sealed, split.keyId));
}

void FieldSealerTest::textIsBoundToItsContext()
{
    const FieldSealer sealer(FormRegistry::builtin(), m_keys);
    const auto [blob, keyId] = sealer.sealText("review_decisions:42", "Spoke to the family; keep it held.");
    QCOMPARE(sealer.openText("review_decisions:42", blob, keyId),
             std::string("Spoke to the family; keep it held."));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, sealer.openText("review_decisions:43", blob, keyId));
}

QTEST_GUILESS_MAIN(FieldSealerTest)
#include "fieldsealertest.moc"
