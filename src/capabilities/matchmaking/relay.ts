// Matched pairs write to each other through Mentorbro: "besked …" typed, or said in one's own words
// ("sig til min mentor at jeg er forsinket"). Only an active (or paused) mentorship carries messages,
// to a partner who is still here; the words are always quoted, so they can never pass for the bot's.
// In one's own words the message is first shown back and sent only on "Send".
import type { HandlerContext, HandlerResult, TaskState } from "../../core/conversation/handlers.js";
import type { Understanding } from "../../lib/understanding/recognise.js";
import { t } from "../../core/i18n/index.js";
import { enqueue } from "../../infra/outbox/outbox.js";
import { parseYesNo } from "../../core/flows/parse-input.js";
import { fold } from "../../lib/text/normalize.js";
import { oneLine, quoteBlock } from "../../lib/text/quote.js";
import { firstName, say } from "../../core/conversation/kit.js";
import { reachable } from "./erase-ends.js";

interface Partner {
  id: string;
  name: string;
  /** The partner is the mentee (the person writing is the mentor). */
  isMentee: boolean;
}

type Partners = { ok: true; partners: Partner[] } | { ok: false; key: string };

const MAX = 2000;
const TASK_CONFIRM = "relay_confirm";
const TASK_TEXT = "relay_text";
const TASK_WHO = "relay_who";
export const RELAY_TASKS = [TASK_CONFIRM, TASK_TEXT, TASK_WHO] as const;

// The payload is JSON, which PostgreSQL refuses with a lone UTF-16 surrogate in it: one half of an
// emoji cut off by the slice, or one typed as such. Replace those with U+FFFD.
const jsonSafe = (s: string) => s.replace(/\p{Cs}/gu, "\uFFFD");

/** The people this person may write to now, or why there is nobody (the catalogue key of the answer). */
async function partnersOf(ctx: HandlerContext): Promise<Partners> {
  const me = ctx.person.id;
  const mine = { OR: [{ menteeId: me }, { mentorId: me }] };
  const matches = await ctx.tx.match.findMany({ where: { status: { in: ["active", "paused"] }, ...mine }, orderBy: { startedAt: "desc" } });
  if (matches.length === 0) {
    // "Sent" would be a lie: say plainly that an ended mentorship carries no messages.
    if (await ctx.tx.match.count({ where: { status: "ended", ...mine } })) return { ok: false, key: "relay.ended" };
    return { ok: false, key: "relay.no_match" };
  }
  // Only a partner who is still here can be written to (an erased person's rows outlive them).
  const others = matches.map((m) => ({ id: m.menteeId === me ? m.mentorId : m.menteeId, isMentee: m.mentorId === me }));
  const here = await reachable(
    ctx.tx,
    others.map((o) => o.id),
  );
  const people = await ctx.tx.person.findMany({ where: { id: { in: [...here] } }, select: { id: true, displayName: true } });
  const partners = others
    .filter((o, i) => here.has(o.id) && others.findIndex((x) => x.id === o.id) === i)
    .map((o) => ({ ...o, name: people.find((p) => p.id === o.id)?.displayName ?? "" }));
  if (partners.length === 0) return { ok: false, key: "relay.partner_gone" };
  return { ok: true, partners };
}

/** With several partners the message must start with the name of the one it is for; undefined = unclear. */
function addressee(text: string, people: Partner[]): Partner | undefined {
  const f = fold(text);
  const starts = (name: string) => !!name && (f === name || f.startsWith(`${name} `));
  const full = people.filter((p) => starts(fold(p.name)));
  const first = people.filter((p) => starts(fold(firstName(p.name))));
  return full.length === 1 ? full[0] : first.length === 1 ? first[0] : undefined;
}

/** The existing relay: the message, quoted, to the partner's outbox. */
async function deliver(ctx: HandlerContext, to: string, text: string): Promise<void> {
  await enqueue(ctx.tx, [
    {
      dedupeKey: `relay:${ctx.event.eventId ?? `${ctx.person.id}:${ctx.now.getTime()}`}`,
      recipient: to,
      kind: "relay",
      payload: { key: "relay.from", params: { name: oneLine(ctx.person.displayName ?? ""), text: quoteBlock(jsonSafe(text.slice(0, MAX))) } },
      dueAt: ctx.now,
    },
  ]);
}

/** "besked Hej, hvornår kan vi mødes?" — sent at once, as it always was. */
export async function relayCommand(ctx: HandlerContext, args: string): Promise<HandlerResult> {
  const text = args.trim();
  if (!text) return say(ctx, "relay.empty");
  const found = await partnersOf(ctx);
  if (!found.ok) return say(ctx, found.key);
  let other = found.partners[0]!;
  if (found.partners.length > 1) {
    // Guessing (say, the newest mentorship) would hand one mentee's words to another.
    const named = addressee(text, found.partners);
    const names = found.partners.map((p) => firstName(p.name));
    if (!named) return say(ctx, "relay.which", { names: names.join(", "), example: names[0]! });
    other = named;
  }
  await deliver(ctx, other.id, text);
  return say(ctx, "relay.sent");
}

// ---- In one's own words: who → what → "Send?" ----

const task = (kind: string, data: Record<string, unknown>): TaskState => ({ kind, data });

/** Nobody to write to, said kindly and for the person's side of a mentorship. */
function nobody(ctx: HandlerContext, key: string): HandlerResult {
  if (key !== "relay.no_match") return say(ctx, key);
  return say(ctx, ctx.person.roles.includes("mentee") && !ctx.person.roles.includes("mentor") ? "relay.no_mentor_yet" : "relay.no_mentee_yet");
}

function askConfirm(ctx: HandlerContext, to: Partner, message: string): HandlerResult {
  const l = ctx.person.locale;
  const text = jsonSafe(message.trim().slice(0, MAX));
  return {
    replies: [
      {
        text: t(l, "relay.confirm", { name: firstName(to.name), text: quoteBlock(text) }),
        buttons: [
          { action: "relay:send", label: t(l, "relay.send") },
          { action: "relay:cancel", label: t(l, "common.cancel") },
        ],
      },
    ],
    task: task(TASK_CONFIRM, { to: to.id, message: text }),
  };
}

function askText(ctx: HandlerContext, to: Partner): HandlerResult {
  return { ...say(ctx, "relay.ask_text", { name: firstName(to.name) }), task: task(TASK_TEXT, { to: to.id }) };
}

function askWho(ctx: HandlerContext, partners: Partner[], message: string | undefined): HandlerResult {
  return {
    replies: [
      {
        text: t(ctx.person.locale, "relay.ask_who"),
        buttons: partners.map((p) => ({ action: `relay:to:${p.id}`, label: firstName(p.name) })),
      },
    ],
    task: task(TASK_WHO, message ? { message } : {}),
  };
}

/** What follows "min mentor"/"my mentee" when the recogniser found no message ("tell my mentee I can't come"). */
function messageAfterPartner(text: string): string | undefined {
  const m = /\b(?:min|my)\s+(?:mentor|mentee)\w*\s*[,:]?\s+(.+)$/is.exec(text);
  const rest = m?.[1]?.trim().replace(/^["“”']|["“”']$/g, "");
  // "skriv til min mentor om mødet" names a subject, not the words to send.
  if (!rest || rest.split(/\s+/).length < 2 || /^(om|about|regarding|angaaende|angående|vedr\w*)\b/i.test(rest)) return undefined;
  return rest;
}

/** "sig til min mentor at jeg er forsinket", "tell my mentee I can't come tomorrow", or the menu button. */
export async function relayIntent(ctx: HandlerContext, u: Understanding): Promise<HandlerResult> {
  const found = await partnersOf(ctx);
  if (!found.ok) return nobody(ctx, found.key);
  let partners = found.partners;
  // Someone who is both mentor and mentee: "my mentor" / "my mentee" says which side.
  const side = u.slots.to ? partners.filter((p) => p.isMentee === (u.slots.to === "mentee")) : [];
  if (side.length > 0) partners = side;
  const message = u.slots.message?.trim() || (ctx.input.kind === "text" ? messageAfterPartner(ctx.input.text) : undefined);
  if (partners.length > 1) {
    const named = message ? addressee(message, partners) : undefined;
    if (!named) return askWho(ctx, partners, message);
    partners = [named];
  }
  const to = partners[0]!;
  return message ? askConfirm(ctx, to, message) : askText(ctx, to);
}

async function partnerById(ctx: HandlerContext, id: unknown): Promise<Partner | HandlerResult> {
  const found = await partnersOf(ctx);
  if (!found.ok) return { ...nobody(ctx, found.key), done: true };
  const p = found.partners.find((x) => x.id === id);
  if (p) return p;
  // Not (any longer) a partner: the mentorship with them ended, or they left.
  const ended = await ctx.tx.match.count({
    where: {
      status: "ended",
      OR: [
        { menteeId: ctx.person.id, mentorId: String(id) },
        { mentorId: ctx.person.id, menteeId: String(id) },
      ],
    },
  });
  return { ...say(ctx, ended ? "relay.ended" : "relay.partner_gone"), done: true };
}

const cancelled = (ctx: HandlerContext): HandlerResult => ({ ...say(ctx, "relay.cancelled"), done: true });

export async function onRelayTask(ctx: HandlerContext, kind: string, data: Record<string, unknown>): Promise<HandlerResult> {
  const { input } = ctx;
  if (kind === TASK_WHO) {
    const found = await partnersOf(ctx);
    if (!found.ok) return { ...nobody(ctx, found.key), done: true };
    const chosen =
      input.kind === "action" && input.action.startsWith("relay:to:")
        ? found.partners.find((p) => p.id === input.action.slice(9))
        : input.kind === "text"
          ? addressee(input.text, found.partners)
          : undefined;
    if (!chosen) return cancelled(ctx);
    return typeof data.message === "string" && data.message ? askConfirm(ctx, chosen, data.message) : askText(ctx, chosen);
  }
  const to = await partnerById(ctx, data.to);
  if (!("id" in to)) return to;
  if (kind === TASK_TEXT) {
    const text = input.kind === "text" ? input.text.trim() : "";
    if (!text) return cancelled(ctx);
    return askConfirm(ctx, to, text);
  }
  const yes =
    input.kind === "action"
      ? input.action === "relay:send" || input.action === "yes"
      : input.kind === "text"
        ? parseYesNo(input.text) === true || /^(send|send den|send it)$/i.test(input.text.trim())
        : false;
  if (!yes || typeof data.message !== "string" || !data.message) return cancelled(ctx);
  await deliver(ctx, to.id, data.message);
  return { ...say(ctx, "relay.sent_to", { name: firstName(to.name) }), done: true };
}
