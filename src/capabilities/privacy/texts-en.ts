// Data protection texts (English). Keys mirror texts-da.ts.
export const privacyEn: Record<string, string> = {
  "priv.help_export": "get all the data we have about you (a JSON file)",
  "priv.help_consent": "see your consents and take them back",
  "priv.export_done": "Here is all the data Mentorbro has about you, as a JSON file. Write “delete my data” if you want it erased.",
  "priv.export_done_other": "Here is all the data about this person, as a JSON file. Your access is logged.",
  "priv.purpose.matching": "Use my answers to find a mentor or mentee",
  "priv.purpose.share_contact": "Share my contact details with my mentor",
  "priv.purpose.statistics": "Anonymous statistics for the municipality",
  "priv.purpose.mentor_terms": "Mentor terms",
  "priv.consent_head": "Your consents:",
  "priv.consent_given": "✓ {purpose} (yes since {date})",
  "priv.consent_not_given": "✗ {purpose} (no)",
  "priv.consent_none": "You have not given any consents.",
  "priv.btn_withdraw": "Take back: {purpose}",
  "priv.btn_give": "Say yes: {purpose}",
  "priv.given": "Thank you. You have said yes to: {purpose}.",
  "priv.withdrawn.matching":
    "OK. We stop looking for a match for you. A mentorship you already have goes on. Your data stays until you write “delete my data”.",
  "priv.withdrawn.share_contact": "OK. We will not share your contact details. You can write to your mentor through me.",
  "priv.withdrawn.statistics": "OK. Your answers are no longer used in statistics.",
};
