// One wording per reason code of the sync contract: the sentence a person reads when a change is
// held or refused, or when a contact is not cleared. The wording names nobody (a refusal's reader
// may not be allowed to see who it is about), so the same sentence serves the server's answers,
// the phone's banners and the alerts. Each wording is marked with QT_TRANSLATE_NOOP so that the
// app's translations pick it up from this file alone (context "Reason"); the core itself never
// translates.
#pragma once

#include <string_view>

namespace fieldbook {

// The sentence for a contract reason code ("consent_missing", "restricted", "invalid:hlc", ...).
// An `invalid:<field>` code gets the general invalid wording; an unknown code a neutral one.
std::string_view reasonSentence(std::string_view code);

// The short words for a held or refused state, for lists ("Held: consent withdrawn").
std::string_view reasonShort(std::string_view code);

// What the practitioner does next about a record held for this reason ("" for codes that never
// hold a record): one wording per reason, beside its sentence.
std::string_view reasonNextStep(std::string_view code);

// The translation context of the wordings above.
inline constexpr std::string_view kReasonContext = "Reason";

} // namespace fieldbook
