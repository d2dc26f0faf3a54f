// Texts of identity linking (one person, several platforms), English.
export const linkingEn: Record<string, string> = {
  "link.help": "use me on another platform too (Telegram, Slack or Teams)",
  "link.code": "Your code is {code}\n\nOpen Mentorbro on your other platform and write:\nlink {code}\n\nThe code works for 15 minutes.",
  "link.confirm_redeemer":
    "This joins your account here ({here}) with your account on {there}. After that they are one account, with the same profile and the same rights as the account on {there}.\n\nOnly do this if both accounts are yours. Shall I join them?",
  "link.confirm_owner":
    "Someone wrote your link code on {there}. Shall I join that account with this one? Then they are one account.\n\nOnly press Yes if it was you.",
  "link.yes": "Yes, join them",
  "link.no": "No",
  "link.wait_owner":
    "Thank you. Now say yes on {there}: I have asked you there. Your accounts are joined when you have said yes on both, within the 15 minutes.",
  "link.done": "Done! Your accounts are linked. You can write to me from both. I send news to the place where you wrote last.",
  "link.declined": "All right. Nothing was joined.",
  "link.nothing_pending": "There is nothing to confirm now. Write “link” on your other platform to get a new code.",
  "link.invalid": "That code does not work. Maybe it has a typo, or it is more than 15 minutes old. Write “link” on your other platform to get a new code.",
  "link.same": "This code is already for this account. Write it on the platform you want to add.",
  "link.both_profiles": "Both accounts already have a profile, so I cannot join them. Write “coordinator” and a person will help you.",
  "link.roles_differ":
    "These two accounts are used for different things (for example as a mentor and as a mentee), so I cannot join them. Write “coordinator” and a person will help you.",
  "link.coordinator_only":
    "A coordinator account can only be joined with another coordinator account. Register as a coordinator on both platforms first, with your invitation code, and then link them.",
  "link.too_many": "You have tried too many codes. Please wait 15 minutes and try again.",
};
