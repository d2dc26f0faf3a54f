// Texts of the invitation-code guard, English.
export const securityEn: Record<string, string> = {
  "invite.locked": "There have been too many wrong codes from you, so I cannot check a code right now. This keeps the codes safe. You can try again in {wait}.",
  "mentor.invite_locked": "There have been too many wrong codes from you, so I did not check this one. A coordinator will look at your profile instead.",
  "wait.minute": "1 minute",
  "wait.minutes": "{n} minutes",
  "wait.hour": "1 hour",
  "wait.hours": "{n} hours",
};
