// The two yeses of a link. Whoever typed "link CODE" is asked first, with buttons, what will be
// joined; after their yes the code's owner is asked where they wrote last. Only the owner's yes
// joins the two, within the code's 15 minutes, and only if the merge rules still allow it. Each
// button is bound to its request: the owner's buttons name the redeemer they were asked about.
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import type { Platform } from "../../core/messages.js";
import type { Reply } from "../../core/flows/types.js";
import { t, toLocale, type Locale } from "../../core/i18n/index.js";
import { enqueue } from "../../infra/outbox/outbox.js";
import { platformName } from "../../core/platform-name.js";
import { mergePersons, type MergeRefusal } from "./merge.js";

export const reply = (text: string, buttons?: Reply["buttons"]): HandlerResult => ({ replies: [{ text, ...(buttons ? { buttons } : {}) }] });

export function refusalText(l: Locale, reason: MergeRefusal): string {
  return t(l, reason === "gone" ? "link.invalid" : `link.${reason}`);
}

/** "link CODE" was a valid code that may be joined: remember the redeemer and ask them. */
export async function askRedeemer(ctx: HandlerContext, code: string, ownerPlatform: string | null, redeemerPlatform: Platform): Promise<HandlerResult> {
  const { tx, person } = ctx;
  const l = person.locale;
  // One open request per redeemer: an earlier unconfirmed one is dropped.
  await tx.linkCode.updateMany({
    where: { redeemerId: person.id, code: { not: code } },
    data: { redeemerId: null, redeemerPlatform: null, redeemerConfirmedAt: null },
  });
  await tx.linkCode.update({ where: { code }, data: { redeemerId: person.id, redeemerPlatform, redeemerConfirmedAt: null } });
  return reply(t(l, "link.confirm_redeemer", { here: platformName(redeemerPlatform), there: platformName(ownerPlatform) }), [
    { action: "link:join", label: t(l, "link.yes") },
    { action: "link:cancel", label: t(l, "link.no") },
  ]);
}

async function openRequestOf(ctx: HandlerContext) {
  return ctx.tx.linkCode.findFirst({ where: { redeemerId: ctx.person.id, expiresAt: { gt: ctx.now } }, orderBy: { expiresAt: "desc" } });
}

/** The redeemer's yes: the owner is asked next. */
async function redeemerYes(ctx: HandlerContext): Promise<HandlerResult> {
  const { tx, person, now } = ctx;
  const row = await openRequestOf(ctx);
  if (!row) return reply(t(person.locale, "link.nothing_pending"));
  await tx.linkCode.update({ where: { code: row.code }, data: { redeemerConfirmedAt: now } });
  await enqueue(tx, [
    {
      dedupeKey: `link-ask:${row.personId}:${person.id}:${now.getTime()}`,
      recipient: row.personId,
      kind: "link_confirm",
      payload: {
        key: "link.confirm_owner",
        params: { there: platformName(row.redeemerPlatform) },
        buttons: [
          { action: `link:allow:${person.id}`, labelKey: "link.yes" },
          { action: `link:deny:${person.id}`, labelKey: "link.no" },
        ],
      },
      dueAt: now,
    },
  ]);
  return reply(t(person.locale, "link.wait_owner", { there: platformName(row.platform) }));
}

/** Either side's no: the request and its code are gone, nothing is joined. */
async function declined(ctx: HandlerContext, where: { redeemerId: string; personId?: string }): Promise<HandlerResult> {
  const { tx, person, now } = ctx;
  const n = await tx.linkCode.deleteMany({ where: { ...where, expiresAt: { gt: now } } });
  if (n.count > 0) await tx.auditLog.create({ data: { action: "link.declined", actorId: person.id, subjectId: person.id, at: now } });
  return reply(t(person.locale, n.count > 0 ? "link.declined" : "link.nothing_pending"));
}

/** The owner's yes: join, if the redeemer said yes to this very request and the rules allow it. */
async function ownerYes(ctx: HandlerContext, redeemerId: string, removed: Set<string>): Promise<HandlerResult> {
  const { tx, person, now } = ctx;
  const row = await tx.linkCode.findFirst({ where: { personId: person.id, redeemerId, redeemerConfirmedAt: { not: null }, expiresAt: { gt: now } } });
  if (!row) return reply(t(person.locale, "link.nothing_pending"));
  const merged = await mergePersons(tx, person.id, redeemerId, now);
  if (!merged.ok) {
    await tx.linkCode.delete({ where: { code: row.code } });
    await tx.auditLog.create({ data: { action: "link.refused", actorId: person.id, subjectId: person.id, details: { reason: merged.reason }, at: now } });
    return reply(refusalText(person.locale, merged.reason));
  }
  removed.add(merged.removedId);
  await tx.auditLog.create({
    data: {
      action: "identity.linked",
      actorId: person.id,
      subjectId: merged.keepId,
      details: { keptId: merged.keepId, removedId: merged.removedId, ownerId: person.id, redeemerId, platforms: [row.platform, row.redeemerPlatform] },
      at: now,
    },
  });
  const kept = await tx.person.findUniqueOrThrow({ where: { id: merged.keepId }, select: { locale: true } });
  return reply(t(toLocale(kept.locale), "link.done"));
}

/** Buttons "link:join", "link:cancel" (redeemer) and "link:allow:<redeemer>", "link:deny:<redeemer>" (owner). */
export function onLinkAction(ctx: HandlerContext, rest: string, removed: Set<string>): Promise<HandlerResult> {
  const [op, arg = ""] = rest.split(":", 2);
  if (op === "join") return redeemerYes(ctx);
  if (op === "cancel") return declined(ctx, { redeemerId: ctx.person.id });
  if (op === "allow" && arg) return ownerYes(ctx, arg, removed);
  if (op === "deny" && arg) return declined(ctx, { redeemerId: arg, personId: ctx.person.id });
  return Promise.resolve(reply(t(ctx.person.locale, "link.nothing_pending")));
}
