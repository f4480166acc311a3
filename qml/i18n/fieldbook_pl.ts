<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl_PL">
<context>
    <name>AlertCard</name>
    <message>
        <source>Released</source>
        <translation>Zwolniony</translation>
    </message>
    <message>
        <source>Break the glass</source>
        <translation>Dostęp awaryjny</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>Wstrzymane do przeglądu</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Dalej: %1</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>Alerty</translation>
    </message>
    <message>
        <source>No alerts. Held records on your cases appear here.</source>
        <translation>Brak alertów. Tu pojawiają się wstrzymane wpisy z Twoich spraw.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation><numerusform>%n alert</numerusform><numerusform>%n alerty</numerusform><numerusform>%n alertów</numerusform></translation>
    </message>
</context>
<context>
    <name>BooleanEditor</name>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nie</translation>
    </message>
</context>
<context>
    <name>BreakGlassPanel</name>
    <message>
        <source>Write at least ten characters.</source>
        <translation>Napisz co najmniej dziesięć znaków.</translation>
    </message>
    <message>
        <source>Break the glass</source>
        <translation>Dostęp awaryjny</translation>
    </message>
    <message>
        <source>Opens a case you do not hold for four hours, as its practitioner sees it. Use it only when a child or adult may be at risk now.</source>
        <translation>Otwiera na cztery godziny sprawę, której nie prowadzisz, tak jak widzi ją jej specjalista. Używaj tylko, gdy dziecku lub dorosłemu może teraz grozić niebezpieczeństwo.</translation>
    </message>
    <message>
        <source>For the case of the report you chose above.</source>
        <translation>Dla sprawy zgłoszenia wybranego powyżej.</translation>
    </message>
    <message>
        <source>Choose a report above that names a case: “Break the glass on this case”.</source>
        <translation>Wybierz powyżej zgłoszenie, które wskazuje sprawę: „Dostęp awaryjny do tej sprawy”.</translation>
    </message>
    <message>
        <source>Why you need this case now</source>
        <translation>Dlaczego potrzebujesz tej sprawy teraz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Open the case for 4 hours</source>
        <translation>Otwórz sprawę na 4 godziny</translation>
    </message>
    <message>
        <source>A case is open to you until %1 (%2)</source>
        <translation>Sprawa jest dla Ciebie otwarta do %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CaseDelegate</name>
    <message>
        <source>%1. %2 %3</source>
        <translation>%1. %2 %3</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Zaległe</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Wstrzymane</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Do zrobienia</translation>
    </message>
    <message>
        <source>%1 to send</source>
        <translation>%1 do wysłania</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Release timeline</source>
        <translation>Plan wyjścia na wolność</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Wpis</translation>
    </message>
    <message>
        <source>RADAR: start against exit</source>
        <translation>RADAR: początek a zakończenie</translation>
    </message>
    <message>
        <source>RADAR at the start</source>
        <translation>RADAR na początku</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Szczegóły sprawy</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Edytuj sprawę</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Dopasowania</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>Relacje</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Zgody</translation>
    </message>
    <message>
        <source>Protection checks</source>
        <translation>Kontrole ochronne</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Jeszcze nic nie zapisano.</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>My caseload</source>
        <translation>Moje sprawy</translation>
    </message>
    <message>
        <source>Raise a safeguarding concern</source>
        <translation>Zgłoś obawę o bezpieczeństwo</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Sprawy</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation><numerusform>%n zaległa</numerusform><numerusform>%n zaległe</numerusform><numerusform>%n zaległych</numerusform></translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Nic zaległego</translation>
    </message>
    <message>
        <source>Nobody on your caseload yet.
Sync to fetch the people matched to you.</source>
        <translation>Nie masz jeszcze żadnych spraw.
Zsynchronizuj, aby pobrać przydzielone Ci osoby.</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>CoordinatorHomePage</name>
    <message>
        <source>Volunteers and matches</source>
        <translation>Wolontariusze i dopasowania</translation>
    </message>
    <message>
        <source>New match</source>
        <translation>Nowe dopasowanie</translation>
    </message>
    <message>
        <source>Referrals awaiting matching</source>
        <translation>Skierowania czekające na dopasowanie</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Wolontariusze</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Dopasowania</translation>
    </message>
    <message>
        <source>Nothing here yet: sync to fetch your team's volunteers and matches.</source>
        <translation>Jeszcze nic tu nie ma: zsynchronizuj, aby pobrać wolontariuszy i dopasowania zespołu.</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>RRRR-MM-DD</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Dziś</translation>
    </message>
    <message>
        <source>Set %1 to today</source>
        <translation>Ustaw %1 na dziś</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Set up Fieldbook</source>
        <translation>Konfiguracja Fieldbook</translation>
    </message>
    <message>
        <source>Your administrator gives you three things: the server address, the server's certificate fingerprint and a one-time code.</source>
        <translation>Administrator przekaże Ci trzy rzeczy: adres serwera, odcisk certyfikatu serwera i kod jednorazowy.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adres serwera</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>Odcisk certyfikatu (SHA-256)</translation>
    </message>
    <message>
        <source>64 letters and digits</source>
        <translation>64 litery i cyfry</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Kod jednorazowy</translation>
    </message>
    <message>
        <source>Choose a PIN (4 to 12 digits)</source>
        <translation>Wybierz PIN (od 4 do 12 cyfr)</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Ten sam PIN jeszcze raz</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Podane kody PIN nie są takie same.</translation>
    </message>
    <message>
        <source>Everything on this phone is encrypted with your PIN. After 5 wrong PINs the data on this phone is erased.</source>
        <translation>Wszystko na tym telefonie jest zaszyfrowane Twoim kodem PIN. Po 5 błędnych próbach dane na tym telefonie zostaną usunięte.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Rejestrowanie…</translation>
    </message>
    <message>
        <source>Enrol this phone</source>
        <translation>Zarejestruj ten telefon</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Zamknij komunikat</translation>
    </message>
</context>
<context>
    <name>FingerprintCheck</name>
    <message>
        <source>Show the server's fingerprint</source>
        <translation>Pokaż odcisk serwera</translation>
    </message>
    <message>
        <source>The server presents this certificate. Compare every group with the fingerprint from your administrator:</source>
        <translation>Serwer przedstawia ten certyfikat. Porównaj każdą grupę z odciskiem od administratora:</translation>
    </message>
    <message>
        <source>It matches: pin it</source>
        <translation>Zgadza się: przypnij</translation>
    </message>
</context>
<context>
    <name>FormButtons</name>
    <message>
        <source>Fewer forms</source>
        <translation>Mniej formularzy</translation>
    </message>
    <message>
        <source>More forms (%1)</source>
        <translation>Więcej formularzy (%1)</translation>
    </message>
</context>
<context>
    <name>FormFieldDelegate</name>
    <message>
        <source>, required</source>
        <translation>, wymagane</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Edit: %1</source>
        <translation>Edycja: %1</translation>
    </message>
    <message>
        <source>Saved on this phone. It is sent at the next sync.</source>
        <translation>Zapisano na tym telefonie. Zostanie wysłane przy następnej synchronizacji.</translation>
    </message>
    <message>
        <source>Save anyway…</source>
        <translation>Zapisz mimo to…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Zapisz: %1</translation>
    </message>
    <message>
        <source>Draft kept on this phone as you type.</source>
        <translation>Szkic jest zapisywany na tym telefonie w trakcie pisania.</translation>
    </message>
    <message>
        <source>The server will not accept this</source>
        <translation>Serwer tego nie przyjmie</translation>
    </message>
    <message>
        <source>Not cleared for contact</source>
        <translation>Brak zgody na kontakt</translation>
    </message>
    <message>
        <source>Saved as it is, it stays on this phone as not accepted. Check the details first.</source>
        <translation>Zapisane w tej postaci zostanie na telefonie jako nieprzyjęte. Najpierw sprawdź szczegóły.</translation>
    </message>
    <message>
        <source>If this contact already happened, save it: it is kept and held for review by your practitioner and the safeguarding officer. Do not make further contact until you are cleared.</source>
        <translation>Jeśli ten kontakt już się odbył, zapisz go: zostanie zachowany i wstrzymany do przeglądu przez Twojego specjalistę i osobę ds. ochrony. Nie nawiązuj dalszego kontaktu, dopóki nie otrzymasz zgody.</translation>
    </message>
    <message>
        <source>Save for review</source>
        <translation>Zapisz do przeglądu</translation>
    </message>
</context>
<context>
    <name>FormPrompt</name>
    <message>
        <source>Open the assessment</source>
        <translation>Otwórz ocenę</translation>
    </message>
</context>
<context>
    <name>HiddenCover</name>
    <message>
        <source>Continue</source>
        <translation>Dalej</translation>
    </message>
    <message>
        <source>Shows the PIN screen.</source>
        <translation>Pokazuje ekran kodu PIN.</translation>
    </message>
</context>
<context>
    <name>HistoryDelegate</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Czeka na wysłanie</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>Wstrzymane do przeglądu</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Nieprzyjęte</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Wysłane</translation>
    </message>
</context>
<context>
    <name>InstantEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>RRRR-MM-DD</translation>
    </message>
    <message>
        <source>%1, date</source>
        <translation>%1, data</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>GG:MM</translation>
    </message>
    <message>
        <source>%1, time</source>
        <translation>%1, godzina</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Teraz</translation>
    </message>
    <message>
        <source>Set %1 to now</source>
        <translation>Ustaw %1 na teraz</translation>
    </message>
</context>
<context>
    <name>IntegerEditor</name>
    <message>
        <source>Decrease %1</source>
        <translation>Zmniejsz %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 do %2</translation>
    </message>
    <message>
        <source>Increase %1</source>
        <translation>Zwiększ %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Fieldbook</source>
        <translation>Fieldbook</translation>
    </message>
</context>
<context>
    <name>MainDrawer</name>
    <message>
        <source>Fieldbook</source>
        <translation>Fieldbook</translation>
    </message>
    <message>
        <source>My caseload</source>
        <translation>Moje sprawy</translation>
    </message>
    <message>
        <source>Volunteers and matches</source>
        <translation>Wolontariusze i dopasowania</translation>
    </message>
    <message>
        <source>Safeguarding: reports, review, break the glass</source>
        <translation>Ochrona: zgłoszenia, przegląd, dostęp awaryjny</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerty</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Raport miesięczny</translation>
    </message>
    <message>
        <source>⚠ Raise a safeguarding concern</source>
        <translation>⚠ Zgłoś obawę o bezpieczeństwo</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nowy: %1</translation>
    </message>
    <message>
        <source>Sync (%1 waiting)</source>
        <translation>Synchronizacja (czeka: %1)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronizacja</translation>
    </message>
    <message>
        <source>Settings: language, text size, PIN</source>
        <translation>Ustawienia: język, rozmiar tekstu, PIN</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Zablokuj teraz</translation>
    </message>
    <message>
        <source>Erase Fieldbook from this phone…</source>
        <translation>Usuń Fieldbook z tego telefonu…</translation>
    </message>
    <message>
        <source>Erase this phone?</source>
        <translation>Wyczyścić ten telefon?</translation>
    </message>
    <message numerus="yes">
        <source>Every record on this phone is deleted, including %n record(s) not yet sent.</source>
        <translation><numerusform>Wszystkie wpisy na tym telefonie zostaną usunięte, w tym %n jeszcze niewysłany.</numerusform><numerusform>Wszystkie wpisy na tym telefonie zostaną usunięte, w tym %n jeszcze niewysłane.</numerusform><numerusform>Wszystkie wpisy na tym telefonie zostaną usunięte, w tym %n jeszcze niewysłanych.</numerusform></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Usuń</translation>
    </message>
</context>
<context>
    <name>ManagerHomePage</name>
    <message>
        <source>Monthly report</source>
        <translation>Raport miesięczny</translation>
    </message>
    <message>
        <source>Fetch the report again</source>
        <translation>Pobierz raport ponownie</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Poprzedni miesiąc</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Następny miesiąc</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Pytanie serwera…</translation>
    </message>
    <message>
        <source>Triage outcomes</source>
        <translation>Wyniki wstępnej oceny</translation>
    </message>
    <message>
        <source>Decline reasons</source>
        <translation>Powody odmowy</translation>
    </message>
    <message numerus="yes">
        <source>RADAR: average start against exit (%n case(s))</source>
        <translation><numerusform>RADAR: średnio początek a zakończenie (%n sprawa)</numerusform><numerusform>RADAR: średnio początek a zakończenie (%n sprawy)</numerusform><numerusform>RADAR: średnio początek a zakończenie (%n spraw)</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Początek</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Zakończenie</translation>
    </message>
    <message>
        <source>Take-up by ethnicity against the population</source>
        <translation>Korzystanie według pochodzenia etnicznego na tle populacji</translation>
    </message>
    <message>
        <source>%1: %2 triaged, %3 accepted; take-up %4 % against %5 % of the population%6</source>
        <translation>%1: ocenionych %2, przyjętych %3; udział %4 % wobec %5 % populacji%6</translation>
    </message>
    <message>
        <source> — under 80 % of its share</source>
        <translation> — poniżej 80 % swojego udziału</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Zapisz CSV</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Zapisz PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Zapisano: %1</translation>
    </message>
</context>
<context>
    <name>MoveButtons</name>
    <message>
        <source>Save this step?</source>
        <translation>Zapisać ten krok?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Open</source>
        <translation>Otwórz</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Hide the screen</source>
        <translation>Ukryj ekran</translation>
    </message>
    <message>
        <source>Shows a plain screen at once and locks Fieldbook.</source>
        <translation>Od razu pokazuje pusty ekran i blokuje Fieldbook.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation><numerusform>Wpisano %n cyfrę</numerusform><numerusform>Wpisano %n cyfry</numerusform><numerusform>Wpisano %n cyfr</numerusform></translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Usuń ostatnią cyfrę</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Odblokuj</translation>
    </message>
</context>
<context>
    <name>ProblemDelegate</name>
    <message>
        <source>Held for review</source>
        <translation>Wstrzymane do przeglądu</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Nieprzyjęte</translation>
    </message>
    <message>
        <source>Dealt with</source>
        <translation>Załatwione</translation>
    </message>
    <message>
        <source>Mark %1 as dealt with</source>
        <translation>Oznacz %1 jako załatwione</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Activate the match</source>
        <translation>Aktywuj dopasowanie</translation>
    </message>
    <message>
        <source>End the match</source>
        <translation>Zakończ dopasowanie</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Zamknij sprawę</translation>
    </message>
    <message>
        <source>Re-open the case</source>
        <translation>Otwórz sprawę ponownie</translation>
    </message>
    <message>
        <source>No Support Required – Multiple Attempts Made</source>
        <translation>Wsparcie niepotrzebne – wiele prób kontaktu</translation>
    </message>
    <message>
        <source>Re-open the referral</source>
        <translation>Otwórz skierowanie ponownie</translation>
    </message>
    <message>
        <source>Close the referral</source>
        <translation>Zamknij skierowanie</translation>
    </message>
    <message>
        <source>Move on to %1</source>
        <translation>Przejdź do: %1</translation>
    </message>
    <message>
        <source>Unlock the app to save this record. Your answers are kept as a draft.</source>
        <translation>Odblokuj aplikację, aby zapisać ten wpis. Twoje odpowiedzi zostały zachowane jako szkic.</translation>
    </message>
    <message>
        <source>Could not save on this phone: %1</source>
        <translation>Nie udało się zapisać na tym telefonie: %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ty</translation>
    </message>
    <message>
        <source>You (%1)</source>
        <translation>Ty (%1)</translation>
    </message>
    <message>
        <source>another worker</source>
        <translation>inny pracownik</translation>
    </message>
    <message>
        <source>a case</source>
        <translation>sprawa</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Brak</translation>
    </message>
    <message>
        <source>Cleared to contact %1</source>
        <translation>Zgoda na kontakt: %1</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>ta osoba</translation>
    </message>
    <message>
        <source>Clearance for %1 is not known yet: sync before any contact.</source>
        <translation>Zgoda dla: %1 nie jest jeszcze znana: zsynchronizuj przed kontaktem.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>RADAR start against exit</source>
        <translation>RADAR: początek a zakończenie</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Check the consent with the family and record it if it is given; the safeguarding officer then releases the record or keeps it held.</source>
        <translation>Sprawdź zgodę z rodziną i zapisz ją, jeśli zostanie udzielona; osoba ds. ochrony zwolni wtedy wpis lub pozostawi go wstrzymanym.</translation>
    </message>
    <message>
        <source>Record the missing protection check, then ask the safeguarding officer to review the record.</source>
        <translation>Zapisz brakującą kontrolę ochronną, a potem poproś osobę ds. ochrony o przegląd wpisu.</translation>
    </message>
    <message>
        <source>Read the restriction and agree with the safeguarding officer whether this contact may stand. Stop further contact until then.</source>
        <translation>Przeczytaj ograniczenie i ustal z osobą ds. ochrony, czy ten kontakt może zostać. Do tego czasu wstrzymaj dalszy kontakt.</translation>
    </message>
    <message>
        <source>Ask the coordinator to bring the volunteer's DBS check and training up to date.</source>
        <translation>Poproś koordynatora o aktualizację zaświadczenia DBS i szkoleń wolontariusza.</translation>
    </message>
    <message>
        <source>Speak to the coordinator: no contact for six months after a befriending ends.</source>
        <translation>Porozmawiaj z koordynatorem: przez sześć miesięcy po zakończeniu wsparcia nie ma kontaktu.</translation>
    </message>
    <message>
        <source>Not cleared: the consent this contact needs is not recorded.</source>
        <translation>Brak zgody: nie zapisano zgody potrzebnej do tego kontaktu.</translation>
    </message>
    <message>
        <source>consent not recorded</source>
        <translation>brak zapisanej zgody</translation>
    </message>
    <message>
        <source>Not cleared: consent to this contact was withdrawn.</source>
        <translation>Brak zgody: zgoda na ten kontakt została wycofana.</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>zgoda wycofana</translation>
    </message>
    <message>
        <source>Not cleared: a public protection check this contact needs is not recorded.</source>
        <translation>Brak zgody: nie zapisano kontroli ochronnej potrzebnej do tego kontaktu.</translation>
    </message>
    <message>
        <source>protection check missing</source>
        <translation>brak kontroli ochronnej</translation>
    </message>
    <message>
        <source>Not cleared: a public protection restriction covers this contact.</source>
        <translation>Brak zgody: ten kontakt objęty jest ograniczeniem ochronnym.</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>ograniczone</translation>
    </message>
    <message>
        <source>Not cleared: a valid DBS check and all four mandatory trainings are needed.</source>
        <translation>Brak zgody: potrzebne jest ważne zaświadczenie DBS i wszystkie cztery obowiązkowe szkolenia.</translation>
    </message>
    <message>
        <source>vetting not valid</source>
        <translation>weryfikacja nieważna</translation>
    </message>
    <message>
        <source>Not cleared: no contact for six months after a befriending match ended.</source>
        <translation>Brak zgody: przez sześć miesięcy po zakończeniu dopasowania nie ma kontaktu.</translation>
    </message>
    <message>
        <source>within six months of an ending</source>
        <translation>w ciągu sześciu miesięcy od zakończenia</translation>
    </message>
    <message>
        <source>Not allowed: your role does not let you write this record.</source>
        <translation>Niedozwolone: Twoja rola nie pozwala zapisać tego wpisu.</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>niedozwolone</translation>
    </message>
    <message>
        <source>This kind of record is not known to the server.</source>
        <translation>Serwer nie zna tego rodzaju wpisu.</translation>
    </message>
    <message>
        <source>unknown record type</source>
        <translation>nieznany rodzaj wpisu</translation>
    </message>
    <message>
        <source>This record is too large to send.</source>
        <translation>Ten wpis jest za duży, by go wysłać.</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>za duży</translation>
    </message>
    <message>
        <source>Not eligible: welfare grants are for people aged 16 or over.</source>
        <translation>Brak uprawnień: zapomogi są dla osób w wieku 16 lat i starszych.</translation>
    </message>
    <message>
        <source>under 16</source>
        <translation>poniżej 16 lat</translation>
    </message>
    <message>
        <source>Not eligible: welfare grants need an existing professional relationship.</source>
        <translation>Brak uprawnień: zapomoga wymaga istniejącej relacji zawodowej.</translation>
    </message>
    <message>
        <source>no open case</source>
        <translation>brak otwartej sprawy</translation>
    </message>
    <message>
        <source>The phone's clock was ahead of the server's: the record is stamped again and resent.</source>
        <translation>Zegar telefonu spieszył się względem serwera: wpis otrzymuje nowy czas i zostaje wysłany ponownie.</translation>
    </message>
    <message>
        <source>clock ahead</source>
        <translation>zegar się spieszy</translation>
    </message>
    <message>
        <source>This change's id is already in use: the record is sent again under a new id.</source>
        <translation>Identyfikator tej zmiany jest już zajęty: wpis zostaje wysłany ponownie z nowym identyfikatorem.</translation>
    </message>
    <message>
        <source>id in use</source>
        <translation>identyfikator zajęty</translation>
    </message>
    <message>
        <source>This record exists already and cannot be changed: write a new record instead.</source>
        <translation>Ten wpis już istnieje i nie można go zmienić: zamiast tego utwórz nowy wpis.</translation>
    </message>
    <message>
        <source>cannot be changed</source>
        <translation>nie można zmienić</translation>
    </message>
    <message>
        <source>This change of status is not allowed from the record's present state.</source>
        <translation>Ta zmiana statusu nie jest dozwolona z obecnego stanu wpisu.</translation>
    </message>
    <message>
        <source>status change not allowed</source>
        <translation>niedozwolona zmiana statusu</translation>
    </message>
    <message>
        <source>The referral can only move along its pipeline, one step at a time.</source>
        <translation>Skierowanie może przechodzić tylko kolejno, krok po kroku.</translation>
    </message>
    <message>
        <source>referral step not allowed</source>
        <translation>niedozwolony krok skierowania</translation>
    </message>
    <message>
        <source>A field of this record is not valid: correct it and save again.</source>
        <translation>Jedno z pól tego wpisu jest nieprawidłowe: popraw je i zapisz ponownie.</translation>
    </message>
    <message>
        <source>field not valid</source>
        <translation>nieprawidłowe pole</translation>
    </message>
    <message>
        <source>The server did not accept this record.</source>
        <translation>Serwer nie przyjął tego wpisu.</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>nieprzyjęte</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>This record is not on this phone.</source>
        <translation>Tego wpisu nie ma na tym telefonie.</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Czeka na wysłanie</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>Wstrzymane do przeglądu</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Nieprzyjęte</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Wysłane</translation>
    </message>
    <message>
        <source>I have seen this</source>
        <translation>Przyjmuję do wiadomości</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edytuj</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edytuj: %1</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>Id (32 letters and digits)</source>
        <translation>Identyfikator (32 litery i cyfry)</translation>
    </message>
</context>
<context>
    <name>ReleaseTimelinePage</name>
    <message>
        <source>%1: release</source>
        <translation>%1: wyjście</translation>
    </message>
    <message>
        <source>Release timeline</source>
        <translation>Plan wyjścia na wolność</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Zrobione</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Do zrobienia</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Zaległe</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Zaplanowane</translation>
    </message>
    <message>
        <source>Not planned yet</source>
        <translation>Jeszcze niezaplanowane</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Zadzwoniono</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Opuszczone</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nikt</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Przez: %1</translation>
    </message>
    <message>
        <source> · yours</source>
        <translation> · Twoje</translation>
    </message>
    <message>
        <source>Intensive mentoring rota</source>
        <translation>Grafik intensywnego mentoringu</translation>
    </message>
    <message>
        <source>Nobody calls on: %1</source>
        <translation>Nikt nie dzwoni w: %1</translation>
    </message>
    <message>
        <source> · weekly meeting</source>
        <translation> · cotygodniowe spotkanie</translation>
    </message>
    <message>
        <source> · %1 called, %2 missed</source>
        <translation> · rozmowy: %1, opuszczone: %2</translation>
    </message>
</context>
<context>
    <name>RestrictionsEditor</name>
    <message>
        <source>Remove restriction</source>
        <translation>Usuń ograniczenie</translation>
    </message>
    <message>
        <source>Kind of restriction</source>
        <translation>Rodzaj ograniczenia</translation>
    </message>
    <message>
        <source>Who the restriction names</source>
        <translation>Kogo dotyczy ograniczenie</translation>
    </message>
    <message>
        <source>Add restriction</source>
        <translation>Dodaj ograniczenie</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Write at least ten characters.</source>
        <translation>Napisz co najmniej dziesięć znaków.</translation>
    </message>
    <message>
        <source>Written by %1 · arrived %2</source>
        <translation>Autor: %1 · dotarło %2</translation>
    </message>
    <message>
        <source>Your decision and why (kept in the audit log)</source>
        <translation>Twoja decyzja i jej powód (zapisywane w dzienniku audytu)</translation>
    </message>
    <message>
        <source>Note for the decision</source>
        <translation>Notatka do decyzji</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Zwolnij</translation>
    </message>
    <message>
        <source>Keep held</source>
        <translation>Pozostaw wstrzymane</translation>
    </message>
</context>
<context>
    <name>SafeguardingPage</name>
    <message>
        <source>Safeguarding</source>
        <translation>Ochrona</translation>
    </message>
    <message>
        <source>Safeguarding reports (%1, %2 urgent)</source>
        <translation>Zgłoszenia ochronne (%1, pilne: %2)</translation>
    </message>
    <message>
        <source>Action: %1 · officer informed: %2 · raised by %3</source>
        <translation>Działanie: %1 · osoba ds. ochrony poinformowana: %2 · zgłosił(a): %3</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Chosen for break the glass below</source>
        <translation>Wybrane do dostępu awaryjnego poniżej</translation>
    </message>
    <message>
        <source>Break the glass on this case…</source>
        <translation>Dostęp awaryjny do tej sprawy…</translation>
    </message>
    <message>
        <source>Break the glass on the case of this report</source>
        <translation>Dostęp awaryjny do sprawy z tego zgłoszenia</translation>
    </message>
    <message>
        <source>Held for review (%1)</source>
        <translation>Wstrzymane do przeglądu (%1)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
</context>
<context>
    <name>ScoresEditor</name>
    <message>
        <source>%1 = no support needed … %2 = urgent</source>
        <translation>%1 = wsparcie niepotrzebne … %2 = pilne</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ServerClock</name>
    <message>
        <source>%1 minutes</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>około minuty</translation>
    </message>
    <message>
        <source>This phone's clock is %1 ahead of the server's. Records are stamped with the server's time; set the phone's clock when you can.</source>
        <translation>Zegar tego telefonu spieszy się o %1 względem serwera. Wpisy otrzymują czas serwera; ustaw zegar telefonu, gdy będzie to możliwe.</translation>
    </message>
    <message>
        <source>This phone's clock is %1 behind the server's. Records are stamped with the server's time; set the phone's clock when you can.</source>
        <translation>Zegar tego telefonu spóźnia się o %1 względem serwera. Wpisy otrzymują czas serwera; ustaw zegar telefonu, gdy będzie to możliwe.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Fieldbook follows the phone's language unless you choose one.</source>
        <translation>Fieldbook używa języka telefonu, chyba że wybierzesz inny.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Rozmiar tekstu</translation>
    </message>
    <message>
        <source>On top of the phone's own text size: %1 %</source>
        <translation>Względem rozmiaru tekstu telefonu: %1 %</translation>
    </message>
    <message>
        <source>Text size %1 %</source>
        <translation>Rozmiar tekstu %1 %</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Blokuj po</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minucie</numerusform><numerusform>%n minutach</numerusform><numerusform>%n minutach</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Lock after %n minute(s) without use</source>
        <translation><numerusform>Blokuj po %n minucie bezczynności</numerusform><numerusform>Blokuj po %n minutach bezczynności</numerusform><numerusform>Blokuj po %n minutach bezczynności</numerusform></translation>
    </message>
    <message>
        <source>Change the PIN</source>
        <translation>Zmień PIN</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Obecny PIN</translation>
    </message>
    <message>
        <source>New PIN (4 to 12 digits)</source>
        <translation>Nowy PIN (od 4 do 12 cyfr)</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nowy PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Nowy PIN jeszcze raz</translation>
    </message>
    <message>
        <source>Your records stay as they are; only the PIN that opens them changes.</source>
        <translation>Twoje wpisy pozostają bez zmian; zmienia się tylko PIN, który je otwiera.</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>PIN został zmieniony.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Synchronizacja</translation>
    </message>
    <message>
        <source>Records needing attention</source>
        <translation>Wpisy wymagające uwagi</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Niezarejestrowany</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation>Przypięty certyfikat (SHA-256)</translation>
    </message>
    <message>
        <source>Server answer</source>
        <translation>Odpowiedź serwera</translation>
    </message>
    <message numerus="yes">
        <source>Needs your attention (%n)</source>
        <translation><numerusform>Wymaga Twojej uwagi (%n)</numerusform><numerusform>Wymagają Twojej uwagi (%n)</numerusform><numerusform>Wymaga Twojej uwagi (%n)</numerusform></translation>
    </message>
    <message>
        <source>No records held back or refused.</source>
        <translation>Żaden wpis nie został wstrzymany ani odrzucony.</translation>
    </message>
</context>
<context>
    <name>SyncStatusCard</name>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation><numerusform>%n wpis czeka na wysłanie</numerusform><numerusform>%n wpisy czekają na wysłanie</numerusform><numerusform>%n wpisów czeka na wysłanie</numerusform></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation>Nic nie czeka na wysłanie</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>ostatnia synchronizacja %1</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Postęp synchronizacji</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronizacja…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problemy</numerusform><numerusform>%n problemów</numerusform></translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>Sync details</source>
        <translation>Szczegóły synchronizacji</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Fieldbook is locked</source>
        <translation>Fieldbook jest zablokowany</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Wpisz swój PIN</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before the data on this phone is erased.</source>
        <translation><numerusform>Pozostała %n próba, zanim dane na tym telefonie zostaną usunięte.</numerusform><numerusform>Pozostały %n próby, zanim dane na tym telefonie zostaną usunięte.</numerusform><numerusform>Pozostało %n prób, zanim dane na tym telefonie zostaną usunięte.</numerusform></translation>
    </message>
</context>
<context>
    <name>fieldbook::app::AlertListModel</name>
    <message>
        <source>Released by the safeguarding officer: the record now stands on the case. Nothing more to do.</source>
        <translation>Zwolnione przez osobę ds. ochrony: wpis jest teraz w sprawie. Nic więcej nie trzeba robić.</translation>
    </message>
    <message>
        <source>A safeguarding officer has opened this case for four hours. Talk to them if you can help.</source>
        <translation>Osoba ds. ochrony otworzyła tę sprawę na cztery godziny. Porozmawiaj z nią, jeśli możesz pomóc.</translation>
    </message>
    <message>
        <source>The safeguarding officer reviews it.</source>
        <translation>Osoba ds. ochrony to przejrzy.</translation>
    </message>
    <message>
        <source>Case opened by a safeguarding officer</source>
        <translation>Sprawa otwarta przez osobę ds. ochrony</translation>
    </message>
    <message>
        <source>Break-the-glass access until %1.</source>
        <translation>Dostęp awaryjny do %1.</translation>
    </message>
    <message>
        <source>Was held: </source>
        <translation>Było wstrzymane: </translation>
    </message>
</context>
<context>
    <name>fieldbook::app::ApiClient</name>
    <message>
        <source>No server is set up with a pinned certificate. Enrol this phone first.</source>
        <translation>Nie ustawiono serwera z przypiętym certyfikatem. Najpierw zarejestruj ten telefon.</translation>
    </message>
    <message>
        <source>The server's certificate does not match the one pinned for this phone (presented %1, pinned %2). Nothing was sent. Check the server address or ask your administrator.</source>
        <translation>Certyfikat serwera nie zgadza się z przypiętym dla tego telefonu (przedstawiony %1, przypięty %2). Nic nie wysłano. Sprawdź adres serwera lub zapytaj administratora.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Your records are safe on this phone; try again when the connection is better.</source>
        <translation>Serwer nie odpowiedział na czas. Twoje wpisy są bezpieczne na tym telefonie; spróbuj ponownie przy lepszym połączeniu.</translation>
    </message>
    <message>
        <source>Could not reach the server (%1). Your records are safe on this phone and will be sent when the connection returns.</source>
        <translation>Nie można połączyć się z serwerem (%1). Twoje wpisy są bezpieczne na tym telefonie i zostaną wysłane, gdy połączenie wróci.</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>Serwer odpowiedział statusem %1.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::AppController</name>
    <message>
        <source>Locked after inactivity. Enter your PIN to carry on.</source>
        <translation>Zablokowano po okresie bezczynności. Wpisz PIN, aby kontynuować.</translation>
    </message>
    <message>
        <source>The server address must start with https:// and name a host.</source>
        <translation>Adres serwera musi zaczynać się od https:// i zawierać nazwę hosta.</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be the 64 letters and digits your administrator gave you.</source>
        <translation>Odcisk certyfikatu to 64 litery i cyfry podane przez administratora.</translation>
    </message>
    <message>
        <source>Enter the one-time enrolment code from your administrator.</source>
        <translation>Wpisz jednorazowy kod rejestracji od administratora.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>PIN musi mieć od 4 do 12 cyfr.</translation>
    </message>
    <message>
        <source>Could not create this phone's key: %1</source>
        <translation>Nie udało się utworzyć klucza tego telefonu: %1</translation>
    </message>
    <message>
        <source>Fieldbook on %1</source>
        <translation>Fieldbook na %1</translation>
    </message>
    <message>
        <source>That enrolment code is not valid, has expired or was used already. Ask your administrator for a new one.</source>
        <translation>Ten kod rejestracji jest nieprawidłowy, wygasł lub został już użyty. Poproś administratora o nowy.</translation>
    </message>
    <message>
        <source>The PIN is 4 to 12 digits.</source>
        <translation>PIN ma od 4 do 12 cyfr.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before this phone's Fieldbook data is erased.</source>
        <translation><numerusform>Błędny PIN. Pozostała %n próba, zanim dane Fieldbook na tym telefonie zostaną usunięte.</numerusform><numerusform>Błędny PIN. Pozostały %n próby, zanim dane Fieldbook na tym telefonie zostaną usunięte.</numerusform><numerusform>Błędny PIN. Pozostało %n prób, zanim dane Fieldbook na tym telefonie zostaną usunięte.</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: Fieldbook's data on this phone has been erased. Ask your administrator for a new enrolment code.</source>
        <translation>Zbyt wiele błędnych kodów PIN: dane Fieldbook na tym telefonie zostały usunięte. Poproś administratora o nowy kod rejestracji.</translation>
    </message>
    <message>
        <source>Fieldbook's data on this phone has been erased.</source>
        <translation>Dane Fieldbook na tym telefonie zostały usunięte.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::AppSettings</name>
    <message>
        <source>As the phone (%1)</source>
        <translation>Jak w telefonie (%1)</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::CaseController</name>
    <message>
        <source>age %1</source>
        <translation>wiek %1</translation>
    </message>
    <message>
        <source>%1 case</source>
        <translation>sprawa: %1</translation>
    </message>
    <message>
        <source>%1 — %2 of %3</source>
        <translation>%1 — %2 z %3</translation>
    </message>
    <message>
        <source> about %1</source>
        <translation> dotyczy: %1</translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation>%1: %2%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> · restrictions recorded</source>
        <translation> · zapisano ograniczenia</translation>
    </message>
    <message>
        <source>3-month review %1</source>
        <translation>przegląd po 3 miesiącach %1</translation>
    </message>
    <message>
        <source>6-month review %1</source>
        <translation>przegląd po 6 miesiącach %1</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 z: %2</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::CoordinatorController</name>
    <message>
        <source>Waiting since %1</source>
        <translation>Czeka od %1</translation>
    </message>
    <message>
        <source>3-month review %1</source>
        <translation>przegląd po 3 miesiącach %1</translation>
    </message>
    <message>
        <source>6-month review %1</source>
        <translation>przegląd po 6 miesiącach %1</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 z: %2</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::FormController</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Ja (%1)</translation>
    </message>
    <message>
        <source>this phone's user</source>
        <translation>użytkownik tego telefonu</translation>
    </message>
    <message>
        <source>For %1's age, a session lasts %2–%3 minutes.</source>
        <translation>W wieku osoby %1 sesja trwa %2–%3 minut.</translation>
    </message>
    <message>
        <source>First session with %1: also complete the Children's Core Assessment (baseline).</source>
        <translation>Pierwsza sesja z: %1: wypełnij też podstawową ocenę dziecka (punkt wyjścia).</translation>
    </message>
    <message>
        <source>The checks for this record pass.</source>
        <translation>Kontrole tego wpisu przechodzą pomyślnie.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving. First: %1</source>
        <translation><numerusform>%n rzecz do poprawienia przed zapisem. Pierwsza: %1</numerusform><numerusform>%n rzeczy do poprawienia przed zapisem. Pierwsza: %1</numerusform><numerusform>%n rzeczy do poprawienia przed zapisem. Pierwsza: %1</numerusform></translation>
    </message>
    <message>
        <source>Nothing to save: no answer was changed.</source>
        <translation>Nie ma czego zapisać: żadna odpowiedź się nie zmieniła.</translation>
    </message>
    <message>
        <source>Could not keep the draft: %1</source>
        <translation>Nie udało się zachować szkicu: %1</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::HeldListModel</name>
    <message>
        <source>you</source>
        <translation>Ty</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>współpracownik</translation>
    </message>
    <message>
        <source>kept held %1</source>
        <translation>pozostawione wstrzymane %1</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::NoticeBoard</name>
    <message numerus="yes">
        <source>%n new safeguarding item(s)</source>
        <translation><numerusform>%n nowa sprawa ochronna</numerusform><numerusform>%n nowe sprawy ochronne</numerusform><numerusform>%n nowych spraw ochronnych</numerusform></translation>
    </message>
</context>
<context>
    <name>fieldbook::app::PinChange</name>
    <message>
        <source>Unlock Fieldbook first.</source>
        <translation>Najpierw odblokuj Fieldbook.</translation>
    </message>
    <message>
        <source>The new PIN must be 4 to 12 digits.</source>
        <translation>Nowy PIN musi mieć od 4 do 12 cyfr.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>Podane nowe kody PIN nie są takie same.</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current one.</source>
        <translation>Nowy PIN jest taki sam jak obecny.</translation>
    </message>
    <message numerus="yes">
        <source>The current PIN is wrong: %n attempt(s) left before this phone is erased.</source>
        <translation><numerusform>Obecny PIN jest błędny: pozostała %n próba, zanim telefon zostanie wyczyszczony.</numerusform><numerusform>Obecny PIN jest błędny: pozostały %n próby, zanim telefon zostanie wyczyszczony.</numerusform><numerusform>Obecny PIN jest błędny: pozostało %n prób, zanim telefon zostanie wyczyszczony.</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: every record on this phone was erased.</source>
        <translation>Zbyt wiele błędnych kodów PIN: wszystkie wpisy na tym telefonie zostały usunięte.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::ProblemListModel</name>
    <message>
        <source>Held for review. %1 The record is kept safely; your practitioner and the safeguarding officer have been told. Talk to your coordinator before any further contact.</source>
        <translation>Wstrzymane do przeglądu. %1 Wpis jest bezpiecznie przechowywany; Twój specjalista i osoba ds. ochrony zostali powiadomieni. Porozmawiaj z koordynatorem przed dalszym kontaktem.</translation>
    </message>
    <message>
        <source>Field: “%1”.</source>
        <translation>Pole: „%1”.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::RecordController</name>
    <message>
        <source>Recorded by %1</source>
        <translation>Zapisał(a): %1</translation>
    </message>
    <message>
        <source>Last written %1</source>
        <translation>Ostatni zapis %1</translation>
    </message>
    <message>
        <source>Sent: the server has it.</source>
        <translation>Wysłane: serwer je ma.</translation>
    </message>
    <message>
        <source>Waiting to send: on this phone only until the next sync.</source>
        <translation>Czeka na wysłanie: tylko na tym telefonie do następnej synchronizacji.</translation>
    </message>
    <message>
        <source>Held for review by the server.</source>
        <translation>Wstrzymane do przeglądu przez serwer.</translation>
    </message>
    <message>
        <source>Not accepted by the server.</source>
        <translation>Nieprzyjęte przez serwer.</translation>
    </message>
    <message>
        <source>Your answer to “%1” (%2) was replaced by a newer one made elsewhere: %3.</source>
        <translation>Twoja odpowiedź na „%1” (%2) została zastąpiona nowszą, wprowadzoną gdzie indziej: %3.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::ReleaseTimelineController</name>
    <message>
        <source>Weekly for the first four weeks, then every two weeks</source>
        <translation>Co tydzień przez pierwsze cztery tygodnie, potem co dwa tygodnie</translation>
    </message>
    <message>
        <source>Twice a week for the first two weeks, then every two weeks</source>
        <translation>Dwa razy w tygodniu przez pierwsze dwa tygodnie, potem co dwa tygodnie</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ty</translation>
    </message>
    <message>
        <source>Mentor %1</source>
        <translation>Mentor %1</translation>
    </message>
    <message>
        <source>no days yet</source>
        <translation>jeszcze brak dni</translation>
    </message>
    <message>
        <source>Daily calls and weekly meetings from %1 until %2</source>
        <translation>Codzienne rozmowy i cotygodniowe spotkania od %1 do %2</translation>
    </message>
    <message>
        <source>Since release: %1 days called, %2 missed (until %3)</source>
        <translation>Od wyjścia: dni z rozmową %1, opuszczone %2 (do %3)</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nikt</translation>
    </message>
    <message>
        <source>the group</source>
        <translation>grupa</translation>
    </message>
    <message>
        <source>This week's meeting is done</source>
        <translation>Spotkanie w tym tygodniu się odbyło</translation>
    </message>
    <message>
        <source>This week's meeting, by %1: %2</source>
        <translation>Spotkanie w tym tygodniu, prowadzi %1: %2</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::ReportController</name>
    <message>
        <source>Unlock Fieldbook to see the report.</source>
        <translation>Odblokuj Fieldbook, aby zobaczyć raport.</translation>
    </message>
    <message>
        <source>The monthly report is for managers.</source>
        <translation>Raport miesięczny jest dla kierowników.</translation>
    </message>
    <message>
        <source>Triages</source>
        <translation>Wstępne oceny</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Przyjęte</translation>
    </message>
    <message>
        <source>Contacts made</source>
        <translation>Odbyte kontakty</translation>
    </message>
    <message>
        <source>Held contacts</source>
        <translation>Wstrzymane kontakty</translation>
    </message>
    <message>
        <source>Overdue contacts</source>
        <translation>Zaległe kontakty</translation>
    </message>
    <message>
        <source>Safeguarding reports</source>
        <translation>Zgłoszenia ochronne</translation>
    </message>
    <message>
        <source>Matches started</source>
        <translation>Rozpoczęte dopasowania</translation>
    </message>
    <message>
        <source>Children reached</source>
        <translation>Dzieci objęte wsparciem</translation>
    </message>
    <message>
        <source>The report could not be saved on this phone.</source>
        <translation>Nie udało się zapisać raportu na tym telefonie.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::ReviewController</name>
    <message>
        <source>%1 h %2 min left</source>
        <translation>zostało %1 h %2 min</translation>
    </message>
    <message>
        <source>The server did not answer; try again when online.</source>
        <translation>Serwer nie odpowiedział; spróbuj ponownie, gdy będziesz online.</translation>
    </message>
    <message>
        <source>This phone is not enrolled.</source>
        <translation>Ten telefon nie jest zarejestrowany.</translation>
    </message>
    <message>
        <source>Nothing is held for review.</source>
        <translation>Nic nie jest wstrzymane do przeglądu.</translation>
    </message>
    <message>
        <source>Released: the record now stands on its case.</source>
        <translation>Zwolnione: wpis jest teraz w swojej sprawie.</translation>
    </message>
    <message>
        <source>Kept held, with your note.</source>
        <translation>Pozostawione wstrzymane, z Twoją notatką.</translation>
    </message>
    <message>
        <source>You have this case for four hours. Every record you open is in the audit log.</source>
        <translation>Masz tę sprawę na cztery godziny. Każdy otwarty wpis trafia do dziennika audytu.</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::SafeguardingInboxModel</name>
    <message>
        <source>No action recorded</source>
        <translation>Nie zapisano działania</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Ty</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>współpracownik</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::SyncController</name>
    <message>
        <source>Not synced yet</source>
        <translation>Jeszcze nie zsynchronizowano</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nigdy</translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n second(s)</source>
        <translation><numerusform>Ponowna próba za %n sekundę</numerusform><numerusform>Ponowna próba za %n sekundy</numerusform><numerusform>Ponowna próba za %n sekund</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) need your attention: see Sync.</source>
        <translation><numerusform>%n wpis wymaga Twojej uwagi: zobacz Synchronizację.</numerusform><numerusform>%n wpisy wymagają Twojej uwagi: zobacz Synchronizację.</numerusform><numerusform>%n wpisów wymaga Twojej uwagi: zobacz Synchronizację.</numerusform></translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Łączenie z serwerem…</translation>
    </message>
    <message>
        <source>Server reached securely: status %1</source>
        <translation>Bezpieczne połączenie z serwerem: status %1</translation>
    </message>
</context>
<context>
    <name>fieldbook::app::SyncEngine</name>
    <message>
        <source>Sync stopped: Fieldbook was locked.</source>
        <translation>Synchronizacja przerwana: Fieldbook został zablokowany.</translation>
    </message>
    <message>
        <source>Sync stopped: this phone could not store what arrived (%1).</source>
        <translation>Synchronizacja przerwana: telefon nie mógł zapisać tego, co dotarło (%1).</translation>
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation>Synchronizacja przerwana.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Łączenie…</translation>
    </message>
    <message>
        <source>This phone is not enrolled yet.</source>
        <translation>Ten telefon nie jest jeszcze zarejestrowany.</translation>
    </message>
    <message>
        <source>This phone has been revoked by an administrator. Its local data has been erased.</source>
        <translation>Administrator unieważnił ten telefon. Jego dane lokalne zostały usunięte.</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>Wysyłanie %1 z %2…</translation>
    </message>
    <message>
        <source>The server's answer to a push was not understood.</source>
        <translation>Nie zrozumiano odpowiedzi serwera na wysyłkę.</translation>
    </message>
    <message>
        <source>Receiving updates… %1 so far</source>
        <translation>Odbieranie aktualizacji… dotąd %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation><numerusform>wysłano %n</numerusform><numerusform>wysłano %n</numerusform><numerusform>wysłano %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation><numerusform>odebrano %n</numerusform><numerusform>odebrano %n</numerusform><numerusform>odebrano %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n held for review</source>
        <translation><numerusform>%n wstrzymany do przeglądu</numerusform><numerusform>%n wstrzymane do przeglądu</numerusform><numerusform>%n wstrzymanych do przeglądu</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation><numerusform>%n odrzucony</numerusform><numerusform>%n odrzucone</numerusform><numerusform>%n odrzuconych</numerusform></translation>
    </message>
    <message>
        <source>Up to date: %1</source>
        <translation>Aktualne: %1</translation>
    </message>
</context>
</TS>