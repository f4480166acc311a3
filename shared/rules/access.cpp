#include "rules/access.h"

#include "model/formdefinition.h"
#include "rules/ruledetail.h"

#include <algorithm>
#include <set>

namespace fieldbook {

namespace {


// Person fields a matched volunteer sees (docs/domain.md: first name, how to reach them; the prisoner's
// establishment for prison visitors; release plan essentials for mentors).
constexpr std::string_view kVolunteerPersonFields[] = {
    "kind", "given_name", "establishment", "release_date", "phone", "email", "how_to_reach", "preferred_language",
};

// What a matched volunteer sees of a mentoring referral.
constexpr std::string_view kMentorReferralFields[] = {
    "case_id", "referred_on", "gender_sensitive", "supervision", "responsible_officer", "responsible_officer_contact",
};

template <std::size_t N>
bool among(const std::string_view (&list)[N], std::string_view value)
{
    return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

std::set<std::string> narrativeFields(const Record& record)
{
    std::set<std::string> out;
    const auto& registry = FormRegistry::builtin();
    const FormDefinition* form = registry.find(record.type, record.formVersion);
    if (form == nullptr) {
        form = registry.current(record.type);
    }
    if (form != nullptr) {
        for (const auto& field : form->fields) {
            if (field.narrative) {
                out.insert(field.name);
            }
        }
    } else {
        // A record type without a definition: hide the usual free-text names rather than show them.
        out = {"notes", "details", "what_happened", "summary", "comments"};
    }
    // Versions differ: a narrative field of any version of this type stays narrative.
    for (const auto& other : registry.all()) {
        if (other.recordType == record.type) {
            for (const auto& field : other.fields) {
                if (field.narrative) {
                    out.insert(field.name);
                }
            }
        }
    }
    return out;
}

void addAgeBand(const Record& record, boost::json::object& view, Date today)
{
    if (const auto born = Date::parse(record.text("date_of_birth"))) {
        view["age_band"] = ageBand(*born, today);
    }
}

boost::json::object without(const Record& record, const std::set<std::string>& drop)
{
    boost::json::object view;
    for (const auto& entry : record.fields) {
        if (drop.count(std::string(entry.key())) == 0) {
            view[entry.key()] = entry.value();
        }
    }
    return view;
}

// A manager's phone carries aggregates, never rows (the monthly report is computed on the
// server): only what they wrote themselves, such as a safeguarding concern they raised.
std::optional<boost::json::object> managerView(const Record& record, const ReaderContext& context)
{
    if (context.isAuthor) {
        return record.fields;
    }
    return std::nullopt;
}

// What anyone matched with a person, or matching them, sees of the person record.
boost::json::object volunteerPersonView(const Record& record, Date today)
{
    boost::json::object view;
    for (const auto& entry : record.fields) {
        if (among(kVolunteerPersonFields, entry.key())) {
            view[entry.key()] = entry.value();
        }
    }
    addAgeBand(record, view, today);
    return view;
}

std::optional<boost::json::object> coordinatorView(const Record& record, const ReaderContext& context, Date today)
{
    if (context.isAuthor) {
        return record.fields;
    }
    // Matching needs the referral by name: the case of a volunteer stream and its person, as a
    // matched volunteer would see them. Consents, checks and relationships stay the practitioner's.
    if (context.teamReferral && record.type == "case") {
        return without(record, narrativeFields(record));
    }
    if (context.teamReferral && record.type == "person") {
        return volunteerPersonView(record, today);
    }
    const bool volunteersWork = isContactRecordType(record.type) || record.type == "child_assessment";
    const bool supervised = record.type == "vetting" || record.type == "match" || volunteersWork;
    if (!supervised || !context.sameTeam) {
        return std::nullopt;
    }
    // Coordinators supervise volunteers: a practitioner's contact record reaches them without its
    // narrative fields (notes are the practitioner's casework, not a volunteer's report).
    if (volunteersWork && !context.authorIsVolunteer) {
        return without(record, narrativeFields(record));
    }
    return record.fields;
}

std::optional<boost::json::object> volunteerView(const User& reader, const Record& record,
                                                 const ReaderContext& context, Date today)
{
    if (record.type == "match") {
        // Their own matches whatever the status: an ended match is how the phone learns to let go.
        if (!reader.id.empty() && record.text("volunteer") == reader.id) {
            return record.fields;
        }
        return std::nullopt;
    }
    if (record.type == "safeguarding_report") {
        return context.isAuthor ? std::optional(record.fields) : std::nullopt;
    }
    if (!context.hasActiveMatch) {
        return std::nullopt;
    }
    if (record.type == "person") {
        return volunteerPersonView(record, today);
    }
    if (record.type == "case") {
        return without(record, narrativeFields(record));
    }
    if (isContactRecordType(record.type) || isGatedMeetingType(record.type) || record.type == "child_assessment") {
        if (context.isAuthor) {
            return record.fields;
        }
        return without(record, narrativeFields(record));
    }
    if (record.type == "mentoring_referral") {
        // The release plan essentials of a referral: when it came and who supervises in the
        // community; never the vulnerabilities or the notes, which stay the practitioner's.
        boost::json::object view;
        for (const auto& entry : record.fields) {
            if (among(kMentorReferralFields, entry.key())) {
                view[entry.key()] = entry.value();
            }
        }
        return view;
    }
    if (record.type == "first_contact_report") {
        if (!reader.id.empty() && record.text("sent_to_volunteer") == reader.id) {
            return record.fields;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<boost::json::object> viewFor(Role role, const User& reader, const Record& record,
                                           const ReaderContext& context, Date today)
{
    switch (role) {
    case Role::Admin:
        return std::nullopt;
    case Role::Manager:
        return managerView(record, context);
    case Role::SafeguardingOfficer:
        if (record.type == "safeguarding_report" || context.breakGlass) {
            return record.fields;
        }
        return std::nullopt;
    case Role::Practitioner:
        if (context.isCasePractitioner || context.isAuthor) {
            return record.fields;
        }
        return std::nullopt;
    case Role::Coordinator:
        return coordinatorView(record, context, today);
    case Role::Befriender:
    case Role::PlayVolunteer:
    case Role::PrisonVisitor:
    case Role::Mentor:
        // Intensive mentoring: the mentors of one case work as a group, so each sees the others'
        // active matches on it (whose day is whose on the rota), never an ended or proposed one.
        if (role == Role::Mentor && record.type == "match" && context.hasActiveMatch
            && record.text("status") == "active") {
            return record.fields;
        }
        return volunteerView(reader, record, context, today);
    }
    return std::nullopt;
}

} // namespace

std::string caseOf(const Record& record, const FactSource& facts)
{
    if (record.type == "case") {
        return record.id;
    }
    std::string caseId = record.text("case_id");
    if (!caseId.empty()) {
        return caseId;
    }
    if (record.type == "match") {
        if (const auto stored = facts.record("match", record.id)) {
            return stored->text("case_id");
        }
    }
    return {};
}

std::vector<std::string> peopleOf(const Record& record)
{
    std::vector<std::string> out;
    auto add = [&out](std::string id) {
        if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) {
            out.push_back(std::move(id));
        }
    };
    if (record.type == "person") {
        add(record.id);
    } else if (record.type == "relationship") {
        add(record.text("prisoner_id"));
        add(record.text("person_id"));
    } else if (record.type == "consent") {
        add(record.text("given_by"));
        add(record.text("about"));
    } else if (record.type == "protection_check") {
        add(record.text("subject"));
    } else {
        add(record.text("person_id"));
        add(record.text("carer_id"));
        add(record.text("child_id"));
    }
    return out;
}

std::optional<boost::json::object> readView(const User& reader, const Record& record, const ReaderContext& context)
{
    const Date today = context.today.value_or(detail::todayUtc());
    std::optional<boost::json::object> result;
    for (const Role role : reader.roles.list()) {
        auto view = viewFor(role, reader, record, context, today);
        if (!view) {
            continue;
        }
        if (!result) {
            result = std::move(*view);
            continue;
        }
        for (auto& entry : *view) {
            (*result)[entry.key()] = entry.value();
        }
    }
    // One role's age band never stands beside another role's full date of birth.
    if (result && result->contains("date_of_birth")) {
        result->erase("age_band");
    }
    return result;
}

std::string ageBand(Date dateOfBirth, Date on)
{
    const int age = ageOn(dateOfBirth, on);
    if (age < 3) {
        return "0-2";
    }
    if (age < 6) {
        return "3-5";
    }
    if (age < 11) {
        return "6-10";
    }
    if (age < 16) {
        return "11-15";
    }
    if (age < 18) {
        return "16-17";
    }
    return "18+";
}

} // namespace fieldbook
