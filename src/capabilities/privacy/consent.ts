// "consent" / "samtykke": the purposes a person has consented to, each with a button to withdraw
// (or give again). Withdrawing "matching" stops new proposals and offers; a running mentorship
// goes on. Withdrawing "statistics" keeps the person out of target-group and self-assessment figures.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import type { Button } from "../../core/messages.js";
import { t } from "../../core/i18n/index.js";
import type { Tx } from "../../infra/db/tx.js";
import { changeMentorStatus } from "../../infra/people/mentor-status.js";

export const PURPOSES = ["matching", "share_contact", "statistics"] as const;
const OPEN_PROPOSALS = ["proposed", "held", "offered"];

function purposesFor(roles: string[], rows: { purpose: string }[]): string[] {
  const base = roles.includes("mentee") ? [...PURPOSES] : roles.includes("mentor") ? ["matching"] : [];
  return [...new Set([...base, ...rows.map((r) => r.purpose).filter((p) => (PURPOSES as readonly string[]).includes(p))])];
}

export async function consentOverview(ctx: HandlerContext, prefix?: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const rows = await ctx.tx.consent.findMany({ where: { personId: ctx.person.id } });
  const purposes = purposesFor(ctx.person.roles, rows);
  if (purposes.length === 0) return { replies: [{ text: [prefix, t(l, "priv.consent_none")].filter(Boolean).join("\n\n") }] };
  const lines: string[] = [];
  const buttons: Button[] = [];
  for (const p of purposes) {
    const row = rows.find((r) => r.purpose === p);
    const given = !!row?.granted && !row.withdrawnAt;
    lines.push(
      t(l, given ? "priv.consent_given" : "priv.consent_not_given", {
        purpose: t(l, `priv.purpose.${p}`),
        date: (row?.withdrawnAt ?? row?.at)?.toISOString().slice(0, 10) ?? "–",
      }),
    );
    buttons.push({
      action: `cons:${given ? "w" : "g"}:${p}`,
      label: t(l, given ? "priv.btn_withdraw" : "priv.btn_give", { purpose: t(l, `priv.purpose.${p}`) }),
    });
  }
  const text = [prefix, t(l, "priv.consent_head"), ...lines].filter(Boolean).join("\n");
  return { replies: [{ text, buttons }] };
}

/** What follows from giving or withdrawing consent to matching. */
async function applyMatching(tx: Tx, personId: string, granted: boolean, now: Date): Promise<void> {
  const self = { role: "self", id: personId } as const;
  const isMentor = (await tx.mentorProfile.count({ where: { personId } })) > 0;
  if (!granted) {
    await tx.proposal.updateMany({
      where: { OR: [{ menteeId: personId }, { mentorId: personId }], status: { in: OPEN_PROPOSALS } },
      data: { status: "cancelled" },
    });
    await tx.menteeProfile.updateMany({ where: { personId, status: { in: ["waiting", "proposed"] } }, data: { status: "paused" } });
    if (isMentor) await changeMentorStatus(tx, personId, { type: "withdraw_consent" }, self, now);
    return;
  }
  await tx.menteeProfile.updateMany({ where: { personId, status: "paused" }, data: { status: "waiting" } });
  // Gives back what the mentor had before (approved or still waiting), never more.
  if (isMentor) await changeMentorStatus(tx, personId, { type: "give_consent" }, self, now);
}

export async function changeConsent(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  const [verb, purpose] = rest.split(":");
  const l = ctx.person.locale;
  if (!purpose || !(PURPOSES as readonly string[]).includes(purpose) || (verb !== "w" && verb !== "g")) return consentOverview(ctx);
  const granted = verb === "g";
  const personId = ctx.person.id;
  await ctx.tx.consent.upsert({
    where: { personId_purpose: { personId, purpose } },
    create: { personId, purpose, granted, at: ctx.now, withdrawnAt: granted ? null : ctx.now },
    update: granted ? { granted, at: ctx.now, withdrawnAt: null } : { granted, withdrawnAt: ctx.now },
  });
  if (purpose === "matching") await applyMatching(ctx.tx, personId, granted, ctx.now);
  await ctx.tx.auditLog.create({
    data: { actorId: personId, action: granted ? "consent.given" : "consent.withdrawn", subjectId: personId, details: { purpose }, at: ctx.now },
  });
  const key = granted ? "priv.given" : `priv.withdrawn.${purpose}`;
  return consentOverview(ctx, t(l, key, { purpose: t(l, `priv.purpose.${purpose}`) }));
}

export const consentCommand: TextCommand = {
  words: ["consent", "consents", "samtykke", "samtykker"],
  help: "priv.help_consent",
  handle: (ctx) => consentOverview(ctx),
};
