// Writes what a conversation step decided, inside the same transaction as the new flow state.
// A finished sign-up is written by the capability that brought it (Signup.save).
import type { Tx } from "../../infra/db/tx.js";
import type { Eraser } from "../../infra/people/erase.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import { MentorbroError } from "../errors.js";
import type { RouterEffect } from "./router.js";
import type { SaveContext, Signups } from "./signup.js";

export interface EffectContext extends SaveContext {
  signups: Signups;
  /** "Delete my data": ends what the person is part of, then erases (src/infra/people/erase.ts). */
  erase: Eraser;
}

/** A consent step's answer: given, or withdrawn from now. */
export async function recordConsent(tx: Tx, personId: string, e: { purpose: string; granted: boolean }, now: Date): Promise<void> {
  await tx.consent.upsert({
    where: { personId_purpose: { personId, purpose: e.purpose } },
    create: { personId, purpose: e.purpose, granted: e.granted, at: now },
    update: { granted: e.granted, at: now, withdrawnAt: e.granted ? null : now },
  });
}

export async function applyEffects(tx: Tx, effects: RouterEffect[], ctx: EffectContext): Promise<void> {
  const { personId, now } = ctx;
  for (const e of effects) {
    switch (e.type) {
      case "set_locale":
        await tx.person.update({ where: { id: personId }, data: { locale: e.locale } });
        break;
      case "consent":
        await recordConsent(tx, personId, e, now);
        break;
      case "signup": {
        const signup = ctx.signups.forRole(e.role);
        if (!signup) throw new MentorbroError("FLOW_UNKNOWN", `No sign-up for role ${e.role}`);
        await signup.save(tx, e, ctx);
        break;
      }
      case "request_human":
        await raiseEscalation(
          tx,
          { dedupeKey: `human:${personId}:${now.toISOString().slice(0, 10)}`, kind: "human_requested", severity: "medium", personId, source: "chat" },
          now,
        );
        break;
      case "delete_person":
        await tx.auditLog.create({ data: { action: "person.deleted", at: now } });
        await ctx.erase(tx, personId, now);
        return;
      case "complete":
      case "abandon":
        break;
      case "invite_attempt":
        // Recorded by the service (src/infra/security/invite-codes.ts): it needs the platform identity.
        break;
    }
  }
}
