// Tekster til at forbinde konti (én person, flere platforme), dansk.
export const linkingDa: Record<string, string> = {
  "link.help": "brug mig på en anden platform også (Telegram, Slack eller Teams)",
  "link.code": "Din kode er {code}\n\nÅbn Mentorbro på din anden platform og skriv:\nlink {code}\n\nKoden virker i 15 minutter.",
  "link.confirm_redeemer":
    "Det her samler din konto her ({here}) med din konto på {there}. Bagefter er de én konto, med samme profil og samme rettigheder som kontoen på {there}.\n\nGør det kun, hvis begge konti er dine. Skal jeg samle dem?",
  "link.confirm_owner":
    "Nogen har skrevet din forbindelseskode på {there}. Skal jeg samle den konto med denne? Så bliver de én konto.\n\nTryk kun Ja, hvis det var dig.",
  "link.yes": "Ja, saml dem",
  "link.no": "Nej",
  "link.wait_owner": "Tak. Sig nu ja på {there}: Jeg har spurgt dig dér. Dine konti bliver samlet, når du har sagt ja begge steder inden for de 15 minutter.",
  "link.done": "Færdig! Dine konti er forbundet. Du kan skrive til mig fra begge. Jeg sender nyt dertil, hvor du sidst skrev.",
  "link.declined": "Det er i orden. Intet er blevet samlet.",
  "link.nothing_pending": "Der er ikke noget at bekræfte lige nu. Skriv “link” på din anden platform for at få en ny kode.",
  "link.invalid":
    "Den kode virker ikke. Måske er der en tastefejl, eller den er mere end 15 minutter gammel. Skriv “link” på din anden platform for at få en ny kode.",
  "link.same": "Denne kode hører allerede til denne konto. Skriv den på den platform, du vil tilføje.",
  "link.both_profiles": "Begge konti har allerede en profil, så jeg kan ikke samle dem. Skriv “koordinator”, så hjælper en person dig.",
  "link.roles_differ":
    "De to konti bruges til forskellige ting (for eksempel som mentor og som mentee), så jeg kan ikke samle dem. Skriv “koordinator”, så hjælper en person dig.",
  "link.coordinator_only":
    "En koordinatorkonto kan kun samles med en anden koordinatorkonto. Tilmeld dig først som koordinator på begge platforme, med din invitationskode, og forbind dem så.",
  "link.too_many": "Du har prøvet for mange koder. Vent 15 minutter, og prøv igen.",
};
