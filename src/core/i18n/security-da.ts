// Tekster til beskyttelsen af invitationskoder, dansk.
export const securityDa: Record<string, string> = {
  "invite.locked":
    "Der er kommet for mange forkerte koder fra dig, så jeg kan ikke tjekke en kode lige nu. Det passer på koderne. Du kan prøve igen om {wait}.",
  "mentor.invite_locked": "Der er kommet for mange forkerte koder fra dig, så jeg har ikke tjekket denne. En koordinator ser i stedet din profil igennem.",
  "wait.minute": "1 minut",
  "wait.minutes": "{n} minutter",
  "wait.hour": "1 time",
  "wait.hours": "{n} timer",
};
