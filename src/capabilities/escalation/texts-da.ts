// Tekster til alarmer og sikkerhed (dansk). Nøglerne svarer til texts-en.ts. Klart sprog: korte sætninger.
export const escalationDa: Record<string, string> = {
  // Sikkerhedssvaret: varmt, kort og med hjælpelinjer. Samtalen fortsætter bagefter.
  "esc.safety":
    "Tak fordi du fortæller mig det. Jeg er ked af, at du har det så svært lige nu. Du skal ikke bære det alene.\nDu kan tale med nogen nu, både dag og nat:\n{helplines}\nHvis du er i fare lige nu, så ring 112.\nJeg har sagt det til en koordinator, så et menneske kan kontakte dig. Du må gerne skrive videre her.",
  "esc.safety_again":
    "Jeg hører dig. En koordinator ved det, og et menneske vil kontakte dig. Du kan ringe til {helplines} nu. Hvis du er i fare, så ring 112.",
  "esc.helpline": "• {name}: {number}",

  "esc.kind.risk": "Bekymrende ord i en besked",
  "esc.kind.no_contact": "Intet bekræftet møde i et mentorforløb i flere uger",
  "esc.kind.unanswered_checkins": "Tjek-ind i træk uden svar",
  "esc.kind.falling_wellbeing": "En mentees trivsel eller selvvurdering falder",
  "esc.kind.mentor_needs_help": "En mentor beder om hjælp",
  "esc.kind.new_mentor_requested": "En mentee beder om en ny mentor",
  "esc.kind.offer_timed_out": "En mentor svarede ikke på et tilbud i tide",
  "esc.kind.waiting_too_long": "En mentee har ventet længe på en mentor",
  "esc.kind.needs_professional": "En sag har brug for en professionel mentor",
  "esc.kind.human_requested": "En person vil gerne tale med en koordinator",
  "esc.kind.code_guessing": "Gentagne forkerte invitationskoder: nogen gætter måske",

  "esc.severity.high": "høj (handl nu)",
  "esc.severity.medium": "middel",
  "esc.severity.low": "lav",

  "esc.who.mentee": "en mentee",
  "esc.who.mentor": "en mentor",
  "esc.who.new": "en person, der er ved at tilmelde sig",
  "esc.who.match": "et mentorforløb",
  "esc.who.unknown": "en person",

  "esc.source.intake": "tilmelding som mentee",
  "esc.source.onboarding": "tilmelding som mentor",
  "esc.source.checkin": "et tjek-ind",
  "esc.source.relay": "en besked mellem mentor og mentee",
  "esc.source.chat": "chatten",
  "esc.source.signup": "tilmeldingen som koordinator",
  "esc.source.scheduler": "automatisk opfølgning",
  "esc.source.matching": "matchning",
  "esc.source.coordinator": "en koordinator",
  "esc.source.mentee": "menteens egen henvendelse",

  "esc.alert": "⚠️ {what}\nHvor akut: {severity}\nHvem: {who}\nFra: {source}{seen}{excerpt}",
  "esc.alert_again":
    "⏰ Påmindelse {count}: ingen har kvitteret for denne alarm endnu.\n⚠️ {what}\nHvor akut: {severity}\nHvem: {who}\nFra: {source}{seen}{excerpt}",
  "esc.alert_raised":
    "⬆️ Mere alvorligt nu: en ny besked fra samme person har hævet denne alarm til {severity}.\n⚠️ {what}\nHvor akut: {severity}\nHvem: {who}\nFra: {source}{seen}{excerpt}",
  "esc.seen": "\n{count} beskeder, den seneste {latest}",
  "esc.excerpt": "\nUddrag:\n{text}",
  "esc.btn.open": "Åbn",
  "esc.btn.ack": "Kvittér",
  "esc.btn.me": "Tag den selv",
  "esc.btn.resolve": "Afslut",

  "esc.details": "{what}\nHvor akut: {severity}\nHvem: {names}\nFra: {source}\nOprettet: {created}\nStatus: {status}{seen}{excerpt}",
  "esc.name.mentee": "{name} (mentee)",
  "esc.name.mentor": "{name} (mentor)",
  "esc.name.person": "{name}",
  "esc.name.unknown": "intet navn endnu",
  "esc.status.open": "åben, ingen har kvitteret",
  "esc.status.acknowledged": "kvitteret",
  "esc.status.assigned": "{name} har den",
  "esc.status.resolved": "afsluttet",

  "esc.acked": "Tak. Alarmen er kvitteret, så der kommer ikke flere påmindelser. Afslut den, når den er klaret.",
  "esc.assigned": "Alarmen er din nu. Afslut den, når den er klaret.",
  "esc.already_acked": "Der er allerede kvitteret for denne alarm ({status}).",
  "esc.already_resolved": "Denne alarm er allerede afsluttet.",
  "esc.not_found": "Jeg kan ikke finde den alarm.",
  "esc.resolve_ask": "Hvad blev der gjort? Skriv en kort note. Den bliver gemt sammen med alarmen.",
  "esc.resolve_form_title": "Afslut alarm",
  "esc.resolve_form_submit": "Afslut",
  "esc.resolve_note_label": "Hvad blev der gjort?",
  "esc.note_empty": "Skriv en kort note, for eksempel “Ringede til hende, hun har det okay”.",
  "esc.note_too_long": "Noten må højst være {max} tegn.",
  "esc.resolved": "Alarmen er afsluttet. Tak.",

  "esc.list_none": "Der er ingen åbne alarmer lige nu.",
  "esc.list_head": "Åbne alarmer, ældste først: {count}.",
  "esc.list_more": "Åbne alarmer, ældste først: de {shown} ældste af {count}.",
  "esc.list_item": "{what} – {severity} – siden {created} – {status}{seen}",
  "esc.help": "åbne alarmer, ældste først",
};
