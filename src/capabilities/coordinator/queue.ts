// "queue" / "kø": match proposals waiting for a coordinator, oldest first, one at a time with the
// matchmaking buttons (approve, hold, another mentor) and "next". Held proposals come last.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { warnedName } from "../../core/i18n/name-warning.js";
import { reasonsText } from "../matchmaking/index.js";
import type { Reason } from "../../lib/matching/types.js";
import { auditRead, firstName, say } from "./common.js";

async function showQueue(ctx: HandlerContext, index: number): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const where = { status: { in: ["proposed", "held"] } };
  const rows = await ctx.tx.proposal.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  // "proposed" before "held", each oldest first.
  rows.sort((a, b) => Number(a.status === "held") - Number(b.status === "held"));
  if (rows.length === 0) return say(ctx, "co.queue_empty");
  const i = Math.min(Math.max(0, index), rows.length - 1);
  const p = rows[i]!;
  const people = await ctx.tx.person.findMany({ where: { id: { in: [p.menteeId, p.mentorId] } }, select: { id: true, displayName: true } });
  const name = (id: string) => {
    const full = people.find((x) => x.id === id)?.displayName;
    return warnedName(l, full, firstName(full));
  };
  await auditRead(ctx.tx, ctx.person.id, [p.menteeId, p.mentorId], "queue", ctx.now);
  const text = t(l, "co.queue_item", {
    n: i + 1,
    total: rows.length,
    mentee: name(p.menteeId),
    mentor: name(p.mentorId),
    score: Math.round(p.score),
    reasons: reasonsText((p.reasons ?? []) as unknown as Reason[], l) || "–",
    held: p.status === "held" ? t(l, "co.queue_held") : "",
  });
  const buttons = [
    { action: `prop:ok:${p.id}`, label: t(l, "proposal.approve") },
    ...(p.status === "held" ? [] : [{ action: `prop:hold:${p.id}`, label: t(l, "proposal.hold") }]),
    { action: `prop:alt:${p.id}`, label: t(l, "proposal.other") },
    ...(rows.length > 1 ? [{ action: `co:q:${(i + 1) % rows.length}`, label: t(l, "co.next") }] : []),
  ];
  return { replies: [{ text, buttons }] };
}

export const queueCommand: TextCommand = {
  words: ["queue", "koe", "ko", "forslag", "proposals"],
  args: true,
  roles: ["coordinator"],
  help: "co.help_queue",
  handle: (ctx, args) => showQueue(ctx, Math.max(0, Number.parseInt(args, 10) - 1 || 0)),
};

export const queueAction = (ctx: HandlerContext, index: string): Promise<HandlerResult> => showQueue(ctx, Number.parseInt(index, 10) || 0);
