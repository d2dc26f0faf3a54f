// Tekster om databeskyttelse (dansk). Nøglerne svarer til texts-en.ts.
export const privacyDa: Record<string, string> = {
  "priv.help_export": "få alle de data, vi har om dig (en JSON-fil)",
  "priv.help_consent": "se dine samtykker og træk dem tilbage",
  "priv.export_done": "Her er alle de data, Mentorbro har om dig, som en JSON-fil. Skriv “slet mine data”, hvis du vil have dem slettet.",
  "priv.export_done_other": "Her er alle data om denne person som en JSON-fil. Din adgang bliver logget.",
  "priv.purpose.matching": "Brug mine svar til at finde en mentor eller mentee",
  "priv.purpose.share_contact": "Del mine kontaktoplysninger med min mentor",
  "priv.purpose.statistics": "Anonym statistik til kommunen",
  "priv.purpose.mentor_terms": "Vilkår for mentorer",
  "priv.consent_head": "Dine samtykker:",
  "priv.consent_given": "✓ {purpose} (ja siden {date})",
  "priv.consent_not_given": "✗ {purpose} (nej)",
  "priv.consent_none": "Du har ikke givet nogen samtykker.",
  "priv.btn_withdraw": "Træk tilbage: {purpose}",
  "priv.btn_give": "Sig ja: {purpose}",
  "priv.given": "Tak. Du har sagt ja til: {purpose}.",
  "priv.withdrawn.matching":
    "OK. Vi stopper med at finde et match til dig. Et forløb, du allerede har, fortsætter. Dine data bliver gemt, indtil du skriver “slet mine data”.",
  "priv.withdrawn.share_contact": "OK. Vi deler ikke dine kontaktoplysninger. Du kan skrive til din mentor gennem mig.",
  "priv.withdrawn.statistics": "OK. Dine svar bliver ikke længere brugt i statistik.",
};
