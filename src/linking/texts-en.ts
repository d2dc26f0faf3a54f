// Texts of identity linking (one person, several platforms), English.
export const linkingEn: Record<string, string> = {
  "link.help": "use me on another platform too (Telegram, Slack or Teams)",
  "link.code": "Your code is {code}\n\nOpen Mentorbro on your other platform and write:\nlink {code}\n\nThe code works for 15 minutes.",
  "link.done": "Done! Your accounts are linked. You can write to me from both. I send news to the place where you wrote last.",
  "link.invalid": "That code does not work. Maybe it has a typo, or it is more than 15 minutes old. Write “link” on your other platform to get a new code.",
  "link.same": "This code is already for this account. Write it on the platform you want to add.",
  "link.both_profiles": "Both accounts already have a profile, so I cannot join them. Write “coordinator” and a person will help you.",
  "link.too_many": "You have tried too many codes. Please wait 15 minutes and try again.",
};
