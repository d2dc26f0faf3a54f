// Tekster til at forbinde konti (én person, flere platforme), dansk.
export const linkingDa: Record<string, string> = {
  "link.help": "brug mig på en anden platform også (Telegram, Slack eller Teams)",
  "link.code": "Din kode er {code}\n\nÅbn Mentorbro på din anden platform og skriv:\nlink {code}\n\nKoden virker i 15 minutter.",
  "link.done": "Færdig! Dine konti er forbundet. Du kan skrive til mig fra begge. Jeg sender nyt dertil, hvor du sidst skrev.",
  "link.invalid": "Den kode virker ikke. Måske er der en tastefejl, eller den er mere end 15 minutter gammel. Skriv “link” på din anden platform for at få en ny kode.",
  "link.same": "Denne kode hører allerede til denne konto. Skriv den på den platform, du vil tilføje.",
  "link.both_profiles": "Begge konti har allerede en profil, så jeg kan ikke samle dem. Skriv “koordinator”, så hjælper en person dig.",
  "link.too_many": "Du har prøvet for mange koder. Vent 15 minutter, og prøv igen.",
};
