// The form renderer's rows: every field of every built-in form is shown exactly when the core's
// isFieldVisible says so, for every answer that its condition reads; the model never decides.
#include "controllers/formfieldmodel.h"
#include "model/formdefinition.h"

#include <boost/json/array.hpp>

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {

// The answers a condition can meet: absent, empty, each listed value, an unlisted one, booleans,
// a list holding each value, a user or record id.
std::vector<boost::json::object> answersFor(const Condition& condition)
{
    std::vector<boost::json::value> values{nullptr, "", "not_a_listed_value", true, false,
                                           boost::json::array{}, "a0000000000000000000000000000001"};
    for (const std::string& value : condition.values) {
        values.emplace_back(value);
        values.emplace_back(boost::json::array{boost::json::value(value)});
    }
    std::vector<boost::json::object> out{{}};
    for (auto& value : values) {
        out.push_back({{condition.field, value}});
    }
    return out;
}

} // namespace

class FormFieldModelTest : public QObject
{
    Q_OBJECT

private slots:
    void everyFieldIsShownAsTheCoreDecides_data()
    {
        QTest::addColumn<QString>("recordType");
        QTest::addColumn<int>("version");
        for (const FormDefinition& form : FormRegistry::builtin().all()) {
            QTest::addRow("%s v%d", form.recordType.c_str(), form.version)
                << QString::fromStdString(form.recordType) << form.version;
        }
    }

    void everyFieldIsShownAsTheCoreDecides()
    {
        QFETCH(QString, recordType);
        QFETCH(int, version);
        const FormDefinition* form = FormRegistry::builtin().find(recordType.toStdString(), version);
        QVERIFY(form);
        FormFieldModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setForm(form, {});
        QCOMPARE(model.rowCount(), static_cast<int>(form->fields.size()));
        std::vector<boost::json::object> situations{{}};
        for (const FieldDefinition& field : form->fields) {
            if (field.visibleWhen) {
                for (auto& answers : answersFor(*field.visibleWhen)) {
                    situations.push_back(std::move(answers));
                }
            }
        }
        for (const boost::json::object& answers : situations) {
            model.setValues(answers);
            for (int row = 0; row < model.rowCount(); ++row) {
                const FieldDefinition& field = form->fields[static_cast<std::size_t>(row)];
                QCOMPARE(model.data(model.index(row), FormFieldModel::NameRole).toString(),
                         QString::fromStdString(field.name));
                QCOMPARE(model.data(model.index(row), FormFieldModel::FieldVisibleRole).toBool(),
                         isFieldVisible(field, answers));
            }
        }
    }

    // The bug this replaced: the phone hid sent_on for any volunteer named, so the volunteer's
    // first-contact rhythm never started.
    void firstContactReportShowsSentOnOnceAVolunteerIsNamed()
    {
        const FormDefinition* form = FormRegistry::builtin().current("first_contact_report");
        QVERIFY(form);
        FormFieldModel model;
        model.setForm(form, {});
        int row = -1;
        for (int i = 0; i < model.rowCount(); ++i) {
            if (model.data(model.index(i), FormFieldModel::NameRole).toString() == QLatin1String("sent_on")) {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        QVERIFY(!model.data(model.index(row), FormFieldModel::FieldVisibleRole).toBool());
        model.setValues({{"sent_to_volunteer", "a0000000000000000000000000000001"}});
        QVERIFY(model.data(model.index(row), FormFieldModel::FieldVisibleRole).toBool());
    }
};

QTEST_GUILESS_MAIN(FormFieldModelTest)
#include "formfieldmodeltest.moc"
