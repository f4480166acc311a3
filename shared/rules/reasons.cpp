#include "rules/reasons.h"

#include <array>

// lupdate reads these markers; the core compiles them to the plain English text.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace fieldbook {

namespace {

struct NextStep
{
    std::string_view code;
    std::string_view words;
};

constexpr std::array<NextStep, 6> kNextSteps = {{
    {"consent_missing", QT_TRANSLATE_NOOP("Reason", "Check the consent with the family and record it if it is given; "
                                                    "the safeguarding officer then releases the record or keeps it held.")},
    {"consent_withdrawn", QT_TRANSLATE_NOOP("Reason", "Check the consent with the family and record it if it is given; "
                                                      "the safeguarding officer then releases the record or keeps it held.")},
    {"protection_check_missing",
     QT_TRANSLATE_NOOP("Reason", "Record the missing protection check, then ask the safeguarding officer to review the record.")},
    {"restricted", QT_TRANSLATE_NOOP("Reason", "Read the restriction and agree with the safeguarding officer whether "
                                               "this contact may stand. Stop further contact until then.")},
    {"vetting_invalid",
     QT_TRANSLATE_NOOP("Reason", "Ask the coordinator to bring the volunteer's DBS check and training up to date.")},
    {"after_ending",
     QT_TRANSLATE_NOOP("Reason", "Speak to the coordinator: no contact for six months after a befriending ends.")},
}};

struct Wording
{
    std::string_view code;
    std::string_view sentence;
    std::string_view shortWords;
};

// Every code the contract pins, plus the core's own (too_young, no_relationship, clock).
constexpr std::array<Wording, 16> kWordings = {{
    {"consent_missing", QT_TRANSLATE_NOOP("Reason", "Not cleared: the consent this contact needs is not recorded."),
     QT_TRANSLATE_NOOP("Reason", "consent not recorded")},
    {"consent_withdrawn", QT_TRANSLATE_NOOP("Reason", "Not cleared: consent to this contact was withdrawn."),
     QT_TRANSLATE_NOOP("Reason", "consent withdrawn")},
    {"protection_check_missing",
     QT_TRANSLATE_NOOP("Reason", "Not cleared: a public protection check this contact needs is not recorded."),
     QT_TRANSLATE_NOOP("Reason", "protection check missing")},
    {"restricted", QT_TRANSLATE_NOOP("Reason", "Not cleared: a public protection restriction covers this contact."),
     QT_TRANSLATE_NOOP("Reason", "restricted")},
    {"vetting_invalid",
     QT_TRANSLATE_NOOP("Reason", "Not cleared: a valid DBS check and all four mandatory trainings are needed."),
     QT_TRANSLATE_NOOP("Reason", "vetting not valid")},
    {"after_ending",
     QT_TRANSLATE_NOOP("Reason", "Not cleared: no contact for six months after a befriending match ended."),
     QT_TRANSLATE_NOOP("Reason", "within six months of an ending")},
    {"forbidden", QT_TRANSLATE_NOOP("Reason", "Not allowed: your role does not let you write this record."),
     QT_TRANSLATE_NOOP("Reason", "not allowed")},
    {"unknown_record_type", QT_TRANSLATE_NOOP("Reason", "This kind of record is not known to the server."),
     QT_TRANSLATE_NOOP("Reason", "unknown record type")},
    {"too_large", QT_TRANSLATE_NOOP("Reason", "This record is too large to send."),
     QT_TRANSLATE_NOOP("Reason", "too large")},
    {"too_young", QT_TRANSLATE_NOOP("Reason", "Not eligible: welfare grants are for people aged 16 or over."),
     QT_TRANSLATE_NOOP("Reason", "under 16")},
    {"no_relationship",
     QT_TRANSLATE_NOOP("Reason", "Not eligible: welfare grants need an existing professional relationship."),
     QT_TRANSLATE_NOOP("Reason", "no open case")},
    {"invalid:hlc", QT_TRANSLATE_NOOP("Reason", "The phone's clock was ahead of the server's: the record is stamped again and resent."),
     QT_TRANSLATE_NOOP("Reason", "clock ahead")},
    {"invalid:id", QT_TRANSLATE_NOOP("Reason", "This change's id is already in use: the record is sent again under a new id."),
     QT_TRANSLATE_NOOP("Reason", "id in use")},
    {"invalid:record_id",
     QT_TRANSLATE_NOOP("Reason", "This record exists already and cannot be changed: write a new record instead."),
     QT_TRANSLATE_NOOP("Reason", "cannot be changed")},
    {"invalid:status", QT_TRANSLATE_NOOP("Reason", "This change of status is not allowed from the record's present state."),
     QT_TRANSLATE_NOOP("Reason", "status change not allowed")},
    {"invalid:referral_status",
     QT_TRANSLATE_NOOP("Reason", "The referral can only move along its pipeline, one step at a time."),
     QT_TRANSLATE_NOOP("Reason", "referral step not allowed")},
}};

constexpr std::string_view kInvalidSentence =
    QT_TRANSLATE_NOOP("Reason", "A field of this record is not valid: correct it and save again.");
constexpr std::string_view kInvalidShort = QT_TRANSLATE_NOOP("Reason", "field not valid");
constexpr std::string_view kUnknownSentence = QT_TRANSLATE_NOOP("Reason", "The server did not accept this record.");
constexpr std::string_view kUnknownShort = QT_TRANSLATE_NOOP("Reason", "not accepted");

const Wording* find(std::string_view code)
{
    for (const auto& wording : kWordings) {
        if (wording.code == code) {
            return &wording;
        }
    }
    return nullptr;
}

} // namespace

std::string_view reasonSentence(std::string_view code)
{
    if (const auto* wording = find(code)) {
        return wording->sentence;
    }
    return code.starts_with("invalid:") ? kInvalidSentence : kUnknownSentence;
}

std::string_view reasonNextStep(std::string_view code)
{
    for (const auto& step : kNextSteps) {
        if (step.code == code) {
            return step.words;
        }
    }
    return {};
}

std::string_view reasonShort(std::string_view code)
{
    if (const auto* wording = find(code)) {
        return wording->shortWords;
    }
    return code.starts_with("invalid:") ? kInvalidShort : kUnknownShort;
}

} // namespace fieldbook
