// The invitation codes typed in the sign-up flows (coordinator, mentor) go through one guard:
// a few tries per person and per platform identity, then growing lock-outs (code-guard.ts). Every
// wrong code is an audit row (never the code itself); a lock-out alerts the coordinators once a
// day per person. The router stays pure: it gets the running lock-out, compares in constant time
// and reports the attempt as an effect, which is recorded here in the message's transaction.
import type { Reply } from "../../core/flows/types.js";
import { t, type Locale } from "../../core/i18n/index.js";
import type { Tx } from "../db/tx.js";
import { raiseEscalation } from "../alerts/raise.js";
import { clearGuard, guardKeys, lockedUntil, recordFailure } from "./code-guard.js";

export const INVITE_SCOPE = "invite";
export interface InviteAttempt {
  type: "invite_attempt";
  kind: "coordinator" | "mentor";
  ok: boolean;
}

/** "5 minutes", "24 hours": how long until a lock-out ends, rounded up. */
export function waitText(l: Locale, until: Date, now: Date): string {
  const ms = Math.max(0, until.getTime() - now.getTime());
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return minutes === 1 ? t(l, "wait.minute") : t(l, "wait.minutes", { n: minutes });
  const hours = Math.ceil(ms / (60 * 60_000));
  return hours === 1 ? t(l, "wait.hour") : t(l, "wait.hours", { n: hours });
}

/** Before routing: the running lock-out for a message that may complete a sign-up with a code. */
export async function inviteLock(tx: Tx, personId: string, externalId: string, now: Date): Promise<Date | undefined> {
  return lockedUntil(tx, guardKeys(INVITE_SCOPE, personId, externalId), now);
}

/** After routing: records compared codes; returns a reply when a lock-out starts with this one. */
export async function recordInviteAttempts(
  tx: Tx,
  effects: { type: string }[],
  ctx: { personId: string; externalId: string; locale: Locale; now: Date },
): Promise<Reply[]> {
  const { personId, now } = ctx;
  const replies: Reply[] = [];
  for (const e of effects.filter((x): x is InviteAttempt => x.type === "invite_attempt")) {
    const keys = guardKeys(INVITE_SCOPE, personId, ctx.externalId);
    if (e.ok) {
      await clearGuard(tx, keys);
      continue;
    }
    const platform = ctx.externalId.split(":")[0];
    await tx.auditLog.create({ data: { action: "invite_code.failed", actorId: personId, subjectId: personId, details: { kind: e.kind, platform }, at: now } });
    const lock = await recordFailure(tx, keys, now);
    if (!lock) continue;
    await tx.auditLog.create({
      data: {
        action: "invite_code.locked",
        actorId: personId,
        subjectId: personId,
        details: { kind: e.kind, platform, lockouts: lock.lockouts, until: lock.until.toISOString() },
        at: now,
      },
    });
    // One alert per person and day, however long the burst.
    const day = now.toISOString().slice(0, 10);
    await raiseEscalation(
      tx,
      {
        dedupeKey: `code-guess:${personId}:${day}`,
        kind: "code_guessing",
        severity: "medium",
        personId,
        source: e.kind === "coordinator" ? "signup" : "onboarding",
      },
      now,
    );
    if (e.kind === "coordinator") replies.push({ text: t(ctx.locale, "invite.locked", { wait: waitText(ctx.locale, lock.until, now) }) });
  }
  return replies;
}
