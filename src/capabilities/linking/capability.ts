// Identity linking: "link" gives a one-time code; "link CODE" written on another platform asks
// both sides to confirm (confirm.ts) and then joins that identity to the code's person, so one
// person can use Telegram, Slack and Teams. Linking never changes what anyone may do (merge.ts).
// The person left without identities is removed after the commit (and by the job, should the
// process stop in between); its audit rows keep their original actor.
import type { CapabilityFactory } from "../../core/capability.js";
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import { platformOf } from "../../core/messages.js";
import type { Db } from "../../infra/db/database.js";
import { t } from "../../core/i18n/index.js";
import type { Eraser } from "../../infra/people/erase.js";
import { CODE_TTL_MS, newCode, normalizeCode, showCode } from "./codes.js";
import { askRedeemer, onLinkAction, refusalText, reply } from "./confirm.js";
import { linkRefusal, loadSide } from "./merge.js";
import { linkingDa } from "./texts-da.js";
import { linkingEn } from "./texts-en.js";

/** Wrong codes a person may try within CODE_TTL_MS. */
export const MAX_FAILED_TRIES = 5;

async function giveCode(ctx: HandlerContext): Promise<HandlerResult> {
  const { tx, person, now } = ctx;
  await tx.linkCode.deleteMany({ where: { personId: person.id } });
  let code = newCode();
  while (await tx.linkCode.findUnique({ where: { code } })) code = newCode();
  await tx.linkCode.create({ data: { code, personId: person.id, platform: platformOf(ctx.event.from), expiresAt: new Date(now.getTime() + CODE_TTL_MS) } });
  return reply(t(person.locale, "link.code", { code: showCode(code) }));
}

async function redeem(ctx: HandlerContext, typed: string): Promise<HandlerResult> {
  const { tx, person, now } = ctx;
  const since = new Date(now.getTime() - CODE_TTL_MS);
  const failed = await tx.auditLog.count({ where: { action: "link.failed", subjectId: person.id, at: { gte: since } } });
  if (failed >= MAX_FAILED_TRIES) return reply(t(person.locale, "link.too_many"));
  const code = normalizeCode(typed);
  const row = code ? await tx.linkCode.findUnique({ where: { code } }) : null;
  // A code someone else has already said yes to is taken: it cannot be redirected to another account.
  const taken = row?.redeemerConfirmedAt && row.redeemerId !== person.id;
  if (!row || row.expiresAt <= now || taken) {
    // Only something shaped like a code counts as a try ("link building" mid-answer does not).
    if (code) await tx.auditLog.create({ data: { action: "link.failed", subjectId: person.id, at: now } });
    return reply(t(person.locale, "link.invalid"));
  }
  if (row.personId === person.id) return reply(t(person.locale, "link.same"));
  // Refused at once when the rules forbid it; checked again when the owner says yes.
  const [owner, redeemer] = await Promise.all([loadSide(tx, row.personId), loadSide(tx, person.id)]);
  const refusal = !owner || !redeemer ? "gone" : linkRefusal(owner, redeemer);
  if (refusal) {
    await tx.auditLog.create({ data: { action: "link.refused", actorId: person.id, subjectId: person.id, details: { reason: refusal }, at: now } });
    return reply(refusalText(person.locale, refusal));
  }
  return askRedeemer(ctx, row.code, row.platform, platformOf(ctx.event.from));
}

/** Removes merged-away persons that have no identity left (audit rows stay as written); returns how many. */
async function sweep(db: Db, erase: Eraser, now: Date, ids?: string[]): Promise<number> {
  const rows = await db.person.findMany({
    where: { deletedAt: { not: null }, identities: { none: {} }, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true },
    take: 100,
  });
  for (const { id } of rows) await db.$transaction((tx) => erase(tx, id, now, { keepAuditTrail: true }));
  return rows.length;
}

export const createLinkingCapability: CapabilityFactory = ({ db, clock, erase }) => {
  // Ids merged away by messages of this process, erased once their message has committed.
  const removed = new Set<string>();
  return {
    name: "linking",
    texts: { da: linkingDa, en: linkingEn },
    commands: [
      {
        words: ["link", "forbind"],
        args: true,
        help: "link.help",
        handle: (ctx, args) => (args.trim() === "" ? giveCode(ctx) : redeem(ctx, args)),
      },
    ],
    actions: [{ prefix: "link", handle: (ctx, rest) => onLinkAction(ctx, rest, removed) }],
    afterCommit: async () => {
      if (removed.size === 0) return;
      const ids = [...removed];
      removed.clear();
      await sweep(db, erase, clock.now(), ids);
    },
    jobs: [
      async (now) => {
        await sweep(db, erase, now);
      },
    ],
  };
};
