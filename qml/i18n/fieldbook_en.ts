<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>AlertCard</name>
    <message>
        <source>Released</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Break the glass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No alerts. Held records on your cases appear here.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation><numerusform>%n alert</numerusform><numerusform>%n alerts</numerusform></translation>
    </message>
</context>
<context>
    <name>BooleanEditor</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BreakGlassPanel</name>
    <message>
        <source>Write at least ten characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Break the glass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opens a case you do not hold for four hours, as its practitioner sees it. Use it only when a child or adult may be at risk now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For the case of the report you chose above.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a report above that names a case: “Break the glass on this case”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why you need this case now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the case for 4 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A case is open to you until %1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseDelegate</name>
    <message>
        <source>%1. %2 %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 to send</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Release timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RADAR: start against exit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RADAR at the start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relationships</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protection checks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>My caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raise a safeguarding concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation><numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody on your caseload yet.
Sync to fetch the people matched to you.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CoordinatorHomePage</name>
    <message>
        <source>Volunteers and matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Referrals awaiting matching</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing here yet: sync to fetch your team's volunteers and matches.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set %1 to today</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Set up Fieldbook</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your administrator gives you three things: the server address, the server's certificate fingerprint and a one-time code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>64 letters and digits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One-time code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a PIN (4 to 12 digits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The same PIN again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything on this phone is encrypted with your PIN. After 5 wrong PINs the data on this phone is erased.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrolling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrol this phone</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FingerprintCheck</name>
    <message>
        <source>Show the server's fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server presents this certificate. Compare every group with the fingerprint from your administrator:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It matches: pin it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormButtons</name>
    <message>
        <source>Fewer forms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More forms (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormFieldDelegate</name>
    <message>
        <source>, required</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Edit: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved on this phone. It is sent at the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save anyway…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft kept on this phone as you type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server will not accept this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared for contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved as it is, it stays on this phone as not accepted. Check the details first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>If this contact already happened, save it: it is kept and held for review by your practitioner and the safeguarding officer. Do not make further contact until you are cleared.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save for review</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormPrompt</name>
    <message>
        <source>Open the assessment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HiddenCover</name>
    <message>
        <source>Continue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows the PIN screen.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryDelegate</name>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstantEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set %1 to now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IntegerEditor</name>
    <message>
        <source>Decrease %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Increase %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Fieldbook</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainDrawer</name>
    <message>
        <source>Fieldbook</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volunteers and matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding: reports, review, break the glass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Raise a safeguarding concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync (%1 waiting)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings: language, text size, PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Erase Fieldbook from this phone…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Erase this phone?</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Every record on this phone is deleted, including %n record(s) not yet sent.</source>
        <translation><numerusform>Every record on this phone is deleted, including %n record not yet sent.</numerusform><numerusform>Every record on this phone is deleted, including %n records not yet sent.</numerusform></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ManagerHomePage</name>
    <message>
        <source>Monthly report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fetch the report again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Triage outcomes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decline reasons</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>RADAR: average start against exit (%n case(s))</source>
        <translation><numerusform>RADAR: average start against exit (%n case)</numerusform><numerusform>RADAR: average start against exit (%n cases)</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take-up by ethnicity against the population</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 triaged, %3 accepted; take-up %4 % against %5 % of the population%6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> — under 80 % of its share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MoveButtons</name>
    <message>
        <source>Save this step?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide the screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows a plain screen at once and locks Fieldbook.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation><numerusform>%n digit entered</numerusform><numerusform>%n digits entered</numerusform></translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProblemDelegate</name>
    <message>
        <source>Held for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dealt with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark %1 as dealt with</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Activate the match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End the match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-open the case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No Support Required – Multiple Attempts Made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-open the referral</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the referral</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move on to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock the app to save this record. Your answers are kept as a draft.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save on this phone: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cleared to contact %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clearance for %1 is not known yet: sync before any contact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>RADAR start against exit</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Check the consent with the family and record it if it is given; the safeguarding officer then releases the record or keeps it held.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record the missing protection check, then ask the safeguarding officer to review the record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read the restriction and agree with the safeguarding officer whether this contact may stand. Stop further contact until then.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the coordinator to bring the volunteer's DBS check and training up to date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speak to the coordinator: no contact for six months after a befriending ends.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared: the consent this contact needs is not recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>consent not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared: consent to this contact was withdrawn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared: a public protection check this contact needs is not recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>protection check missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared: a public protection restriction covers this contact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>restricted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared: a valid DBS check and all four mandatory trainings are needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>vetting not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not cleared: no contact for six months after a befriending match ended.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>within six months of an ending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not allowed: your role does not let you write this record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This kind of record is not known to the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown record type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This record is too large to send.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not eligible: welfare grants are for people aged 16 or over.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>under 16</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not eligible: welfare grants need an existing professional relationship.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no open case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The phone's clock was ahead of the server's: the record is stamped again and resent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>clock ahead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This change's id is already in use: the record is sent again under a new id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>id in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This record exists already and cannot be changed: write a new record instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot be changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This change of status is not allowed from the record's present state.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>status change not allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The referral can only move along its pipeline, one step at a time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>referral step not allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A field of this record is not valid: correct it and save again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>field not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not accept this record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not accepted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>This record is not on this phone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I have seen this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Id (32 letters and digits)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReleaseTimelinePage</name>
    <message>
        <source>%1: release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Release timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not planned yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · yours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intensive mentoring rota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody calls on: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · weekly meeting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · %1 called, %2 missed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RestrictionsEditor</name>
    <message>
        <source>Remove restriction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind of restriction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who the restriction names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add restriction</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Write at least ten characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Written by %1 · arrived %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your decision and why (kept in the audit log)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note for the decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep held</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SafeguardingPage</name>
    <message>
        <source>Safeguarding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding reports (%1, %2 urgent)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action: %1 · officer informed: %2 · raised by %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chosen for break the glass below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Break the glass on this case…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Break the glass on the case of this report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held for review (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScoresEditor</name>
    <message>
        <source>%1 = no support needed … %2 = urgent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ServerClock</name>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>about a minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This phone's clock is %1 ahead of the server's. Records are stamped with the server's time; set the phone's clock when you can.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This phone's clock is %1 behind the server's. Records are stamped with the server's time; set the phone's clock when you can.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fieldbook follows the phone's language unless you choose one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On top of the phone's own text size: %1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text size %1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Lock after %n minute(s) without use</source>
        <translation><numerusform>Lock after %n minute without use</numerusform><numerusform>Lock after %n minutes without use</numerusform></translation>
    </message>
    <message>
        <source>Change the PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New PIN (4 to 12 digits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your records stay as they are; only the PIN that opens them changes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records needing attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not enrolled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server answer</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Needs your attention (%n)</source>
        <translation><numerusform>Needs your attention (%n)</numerusform><numerusform>Needs your attention (%n)</numerusform></translation>
    </message>
    <message>
        <source>No records held back or refused.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncStatusCard</name>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation><numerusform>%n record waiting to be sent</numerusform><numerusform>%n records waiting to be sent</numerusform></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation><numerusform>%n issue</numerusform><numerusform>%n issues</numerusform></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync details</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Fieldbook is locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before the data on this phone is erased.</source>
        <translation><numerusform>%n attempt left before the data on this phone is erased.</numerusform><numerusform>%n attempts left before the data on this phone is erased.</numerusform></translation>
    </message>
</context>
<context>
    <name>fieldbook::app::AlertListModel</name>
    <message>
        <source>Released by the safeguarding officer: the record now stands on the case. Nothing more to do.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A safeguarding officer has opened this case for four hours. Talk to them if you can help.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The safeguarding officer reviews it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case opened by a safeguarding officer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Break-the-glass access until %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Was held: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::ApiClient</name>
    <message>
        <source>No server is set up with a pinned certificate. Enrol this phone first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate does not match the one pinned for this phone (presented %1, pinned %2). Nothing was sent. Check the server address or ask your administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not answer in time. Your records are safe on this phone; try again when the connection is better.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not reach the server (%1). Your records are safe on this phone and will be sent when the connection returns.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::AppController</name>
    <message>
        <source>Locked after inactivity. Enter your PIN to carry on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server address must start with https:// and name a host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate fingerprint must be the 64 letters and digits your administrator gave you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the one-time enrolment code from your administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not create this phone's key: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fieldbook on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That enrolment code is not valid, has expired or was used already. Ask your administrator for a new one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PIN is 4 to 12 digits.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before this phone's Fieldbook data is erased.</source>
        <translation><numerusform>Wrong PIN. %n attempt left before this phone's Fieldbook data is erased.</numerusform><numerusform>Wrong PIN. %n attempts left before this phone's Fieldbook data is erased.</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: Fieldbook's data on this phone has been erased. Ask your administrator for a new enrolment code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fieldbook's data on this phone has been erased.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::AppSettings</name>
    <message>
        <source>As the phone (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::CaseController</name>
    <message>
        <source>age %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2 of %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> about %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · restrictions recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3-month review %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6-month review %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::CoordinatorController</name>
    <message>
        <source>Waiting since %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3-month review %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6-month review %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::FormController</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Me (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this phone's user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For %1's age, a session lasts %2–%3 minutes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First session with %1: also complete the Children's Core Assessment (baseline).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The checks for this record pass.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving. First: %1</source>
        <translation><numerusform>%n thing to fix before saving. First: %1</numerusform><numerusform>%n things to fix before saving. First: %1</numerusform></translation>
    </message>
    <message>
        <source>Nothing to save: no answer was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not keep the draft: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::HeldListModel</name>
    <message>
        <source>you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a colleague</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kept held %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::NoticeBoard</name>
    <message numerus="yes">
        <source>%n new safeguarding item(s)</source>
        <translation><numerusform>%n new safeguarding item</numerusform><numerusform>%n new safeguarding items</numerusform></translation>
    </message>
</context>
<context>
    <name>fieldbook::app::PinChange</name>
    <message>
        <source>Unlock Fieldbook first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new PIN must be 4 to 12 digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new PIN is the same as the current one.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The current PIN is wrong: %n attempt(s) left before this phone is erased.</source>
        <translation><numerusform>The current PIN is wrong: %n attempt left before this phone is erased.</numerusform><numerusform>The current PIN is wrong: %n attempts left before this phone is erased.</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: every record on this phone was erased.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::ProblemListModel</name>
    <message>
        <source>Held for review. %1 The record is kept safely; your practitioner and the safeguarding officer have been told. Talk to your coordinator before any further contact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Field: “%1”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::RecordController</name>
    <message>
        <source>Recorded by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last written %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent: the server has it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to send: on this phone only until the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held for review by the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not accepted by the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your answer to “%1” (%2) was replaced by a newer one made elsewhere: %3.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::ReleaseTimelineController</name>
    <message>
        <source>Weekly for the first four weeks, then every two weeks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Twice a week for the first two weeks, then every two weeks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mentor %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no days yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Daily calls and weekly meetings from %1 until %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Since release: %1 days called, %2 missed (until %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This week's meeting is done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This week's meeting, by %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::ReportController</name>
    <message>
        <source>Unlock Fieldbook to see the report.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The monthly report is for managers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Triages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacts made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Safeguarding reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matches started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Children reached</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The report could not be saved on this phone.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::ReviewController</name>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not answer; try again when online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This phone is not enrolled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is held for review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Released: the record now stands on its case.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kept held, with your note.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have this case for four hours. Every record you open is in the audit log.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::SafeguardingInboxModel</name>
    <message>
        <source>No action recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a colleague</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::SyncController</name>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Trying again in %n second(s)</source>
        <translation><numerusform>Trying again in %n second</numerusform><numerusform>Trying again in %n seconds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) need your attention: see Sync.</source>
        <translation><numerusform>%n record need your attention: see Sync.</numerusform><numerusform>%n records need your attention: see Sync.</numerusform></translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server reached securely: status %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fieldbook::app::SyncEngine</name>
    <message>
        <source>Sync stopped: Fieldbook was locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync stopped: this phone could not store what arrived (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This phone is not enrolled yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This phone has been revoked by an administrator. Its local data has been erased.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer to a push was not understood.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receiving updates… %1 so far</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation><numerusform>%n sent</numerusform><numerusform>%n sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation><numerusform>%n received</numerusform><numerusform>%n received</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n held for review</source>
        <translation><numerusform>%n held for review</numerusform><numerusform>%n held for review</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation><numerusform>%n refused</numerusform><numerusform>%n refused</numerusform></translation>
    </message>
    <message>
        <source>Up to date: %1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>