// The core's entry point for inbound messages: dedupe, find the person, route, and store the
// new flow state with every effect in one transaction. One person's messages take turns: in
// arrival order on this instance (a queue per sender), and under a per-person lock across
// instances; the conversation's seq stays as a safety net for writers that take no lock.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Clock } from "../clock.js";
import { MentorbroError, asMentorbroError, isRetryable } from "../errors.js";
import type { BotCore, InboundEvent, OutboundMessage } from "../messages.js";
import { platformOf } from "../messages.js";
import type { Db } from "../../infra/db/database.js";
import type { FlowInput, Reply } from "../flows/types.js";
import { t, toLocale, type Locale } from "../i18n/index.js";
import type { Logger } from "../../infra/logger.js";
import { applyEffects } from "./apply-effects.js";
import { route, type ConvoData, type RouteResult } from "./router.js";
import { emptyRegistry, NO_PRE_CHECK, type HandlerContext, type HandlerPerson, type HandlerRegistry, type PreCheckResult } from "./handlers.js";
import { resumeQuestion } from "./resume-question.js";
import { helpFor, runHandlers } from "./run-handlers.js";
import { intentsFor, understandStep } from "./understand-step.js";
import { deliverReplies, journalReplies, type Deliver, type JournalledReply } from "./reply-journal.js";
import { inviteLock, recordInviteAttempts } from "../../infra/security/invite-codes.js";
import type { Eraser } from "../../infra/people/erase.js";
import type { InviteCodes, Signups } from "./signup.js";
import { lockPerson } from "./person-lock.js";
import { contactChange } from "./identity-contact.js";
import { createSerialQueues } from "../serial-queue.js";

export interface ConversationServiceOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  codes: InviteCodes;
  /** The roles people can sign up for (brought by capabilities). */
  signups: Signups;
  /** "Delete my data" (with every capability's onErase first). */
  erase: Eraser;
  /** Run after a committed step (e.g. matching, sending queued messages). */
  afterCommit?: ((personId: string) => Promise<void>)[];
  /** Capabilities plugged in through actions, typed commands and tasks. */
  handlers?: HandlerRegistry;
  /** Claims this instance's replies in the outbox until they are confirmed sent. */
  workerId?: string;
  /** Checked before any other processing: a safety reply may come first. */
  preCheck?: (event: InboundEvent, personId: string, locale: Locale) => Promise<PreCheckResult>;
  /** Run after a step that erased its person ("delete my data") committed: the file scrub. */
  afterErasure?: () => Promise<void>;
}

/** Attempts of one step that lost a race (seq, deadlock, unique key) before the platform redelivers. */
const MAX_ATTEMPTS = 5;
/** Events already told "try again" while the database was away (platforms redeliver several times). */
const TOLD_LIMIT = 5_000;

// Control characters and bidi overrides carry no meaning in an answer and can disguise text.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

// Half of a surrogate pair is not valid UTF-16 and cannot be encoded for the database.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL stores neither NUL nor broken UTF-16 in text, so no field of an event may carry them
 * anywhere (ids, forms, names, alert excerpts).
 */
function storable(event: InboundEvent): InboundEvent {
  const clean = (v: string) => v.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
  const fields = event.fields ? Object.fromEntries(Object.entries(event.fields).map(([k, v]) => [clean(k), typeof v === "string" ? clean(v) : v])) : undefined;
  return {
    ...event,
    ...(event.text !== undefined ? { text: clean(event.text) } : {}),
    ...(event.action !== undefined ? { action: clean(event.action) } : {}),
    ...(event.displayName !== undefined ? { displayName: clean(event.displayName) } : {}),
    ...(event.eventId !== undefined ? { eventId: clean(event.eventId) } : {}),
    ...(fields ? { fields } : {}),
  };
}

function toInput(event: InboundEvent): FlowInput {
  if (event.action) return { kind: "action", action: event.action.slice(0, 100) };
  if (event.media && !event.text) return { kind: "media" };
  // eslint-disable-next-line no-control-regex
  return { kind: "text", text: (event.text ?? "").replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").replace(INVISIBLE, "") };
}

function toOutbound(event: InboundEvent, r: Reply): OutboundMessage {
  return {
    to: event.from,
    text: r.text,
    ...(r.buttons?.length ? { buttons: r.buttons } : {}),
    ...(r.form ? { form: r.form } : {}),
    ...(r.file ? { file: r.file } : {}),
    ...(r.mentions?.length ? { mentions: r.mentions } : {}),
    ...(event.eventId ? { replyTo: event.eventId } : {}),
  };
}

export function createConversationService(opts: ConversationServiceOptions): BotCore {
  const { db, clock, logger } = opts;
  const registry = opts.handlers ?? emptyRegistry();
  const workerId = opts.workerId ?? `core-${process.pid}`;
  const told = new Set<string>();

  async function findOrCreatePerson(event: InboundEvent) {
    const identity = await db.identity.findUnique({ where: { externalId: event.from }, include: { person: true } });
    // Only a one-to-one conversation is where the person is reached later: a button pressed in a
    // shared channel must never move their check-ins, relayed messages and notices there.
    // (Nor does it count as "where they wrote last", which picks the identity messages go to.)
    const direct = event.conversation !== "group";
    const ref = direct ? (event.conversationRef as Prisma.InputJsonValue | undefined) : undefined;
    const seen = { lastSeenAt: clock.now(), ...(ref ? { conversationRef: ref } : {}), ...contactChange(event, direct, identity?.contact) };
    if (identity) {
      if (direct) await db.identity.update({ where: { id: identity.id }, data: seen });
      return { person: identity.person, isNew: false };
    }
    const locale = toLocale(event.locale, opts.defaultLocale);
    try {
      const person = await db.person.create({
        data: { locale, identities: { create: { externalId: event.from, platform: platformOf(event.from), ...seen } } },
      });
      return { person, isNew: true };
    } catch {
      // Two first messages at once: the other one created the person.
      const again = await db.identity.findUniqueOrThrow({ where: { externalId: event.from }, include: { person: true } });
      return { person: again.person, isNew: false };
    }
  }

  interface Handled {
    journal: JournalledReply[];
    personId?: string;
    deleted?: boolean;
  }

  async function handleOnce(event: InboundEvent): Promise<Handled> {
    if (event.eventId && (await db.inboundEvent.findUnique({ where: { key: event.eventId } }))) return { journal: [] };
    const { person: found } = await findOrCreatePerson(event);
    const now = clock.now();
    const pre = opts.preCheck ? await opts.preCheck(event, found.id, found.locale as Locale) : NO_PRE_CHECK;
    const input = toInput(event);
    const programme = await db.programme.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    let replies: Reply[] = [];
    let effects: RouteResult["effects"] = [];
    let journal: JournalledReply[] = [];
    let duplicate = false;
    await db.$transaction(
      async (tx) => {
        // Everything the step decides on is read after the lock, so it sees the person's previous
        // step committed, whichever instance ran it.
        await lockPerson(tx, found.id);
        const identity = await tx.identity.findUnique({ where: { externalId: event.from }, include: { person: true } });
        // Linked to another person or erased meanwhile: the step starts over from the identity.
        if (identity?.personId !== found.id) throw new MentorbroError("CONCURRENT_UPDATE", "Identity changed meanwhile");
        const person = identity.person;
        if (event.eventId) {
          // The same event handled by another instance while this one waited for the lock.
          if (await tx.inboundEvent.findUnique({ where: { key: event.eventId } })) {
            duplicate = true;
            return;
          }
          await tx.inboundEvent.create({ data: { key: event.eventId, receivedAt: now } });
        }
        const convoRow = await tx.conversation.findUnique({ where: { personId: person.id } });
        const stored = (convoRow?.data as ConvoData | undefined) ?? { mode: "new" };
        const convo: ConvoData = stored.mode ? stored : { mode: "new" };
        let next: ConvoData = convo;
        const hp: HandlerPerson = { id: person.id, locale: person.locale as Locale, roles: person.roles, displayName: person.displayName };
        const hctx: HandlerContext = { tx, person: hp, now, event, input };
        // After a safety reply nothing else is said in the same turn, and typed words are no answer
        // to a question (the question comes back gently with the next message). A form's fields
        // are still stored.
        const afterSafety = pre.replies.length > 0 && !pre.resume;
        let handled =
          afterSafety && !event.fields
            ? { replies: [], convo: { ...convo, afterSafety: true } }
            : pre.resume
              ? resumeQuestion(convo, opts.signups, hp.locale)
              : await runHandlers(registry, hctx, convo);
        const step = handled ? undefined : await understandStep(registry, hctx, convo);
        handled ??= step?.handled;
        if (handled) {
          replies = handled.replies;
          next = handled.convo;
        } else {
          const menteeStatus = (await tx.menteeProfile.findUnique({ where: { personId: person.id }, select: { status: true } }))?.status;
          const platformLocale = event.locale && /^(da|en)/i.test(event.locale) ? toLocale(event.locale) : undefined;
          const here = step?.convo ?? convo;
          const base = here.mode === "task" ? { mode: here.resume ?? "idle", flow: here.flow } : here;
          const signup = base.mode === "flow" && base.flow ? opts.signups.forFlow(base.flow.flowId) : undefined;
          const codeLock = signup?.invitation ? await inviteLock(tx, person.id, event.from, now) : undefined;
          const result = route({
            person: { locale: hp.locale, roles: person.roles, name: person.displayName, menteeStatus },
            convo: base,
            input,
            platformLocale,
            now,
            signups: opts.signups,
            codes: opts.codes,
            codeLock,
            extraHelp: helpFor(registry, hp),
            understood: step?.understood,
            menuIntents: intentsFor(registry, person.roles),
          });
          replies = result.replies;
          next = result.convo;
          effects = result.effects;
        }
        if (afterSafety) replies = [];
        const seq = convoRow?.seq ?? 0;
        const data = next as unknown as Prisma.InputJsonValue;
        const flowMeta = { flowId: next.flow?.flowId ?? null, flowVersion: next.flow?.version ?? 0, step: next.flow?.step ?? null };
        if (convoRow) {
          const n = await tx.conversation.updateMany({ where: { personId: person.id, seq }, data: { data, seq: seq + 1, ...flowMeta } });
          if (n.count !== 1) throw new MentorbroError("CONCURRENT_UPDATE", "Conversation changed meanwhile");
        } else {
          await tx.conversation.create({ data: { personId: person.id, data, seq: 1, ...flowMeta } });
        }
        if (!programme && effects.some((e) => e.type === "signup")) {
          throw new MentorbroError("NOT_FOUND", "No programme configured");
        }
        await applyEffects(tx, effects, { personId: person.id, programmeId: programme?.id ?? "", now, signups: opts.signups, erase: opts.erase });
        replies.push(...(await recordInviteAttempts(tx, effects, { personId: person.id, externalId: event.from, locale: person.locale as Locale, now })));
        const messages = [...pre.replies, ...replies].map((r) => toOutbound(event, r));
        // After an erasure the reply must not point back at the person it was about.
        const erased = effects.some((e) => e.type === "delete_person");
        journal = await journalReplies(tx, messages, { personId: erased ? "erased" : person.id, eventKey: event.eventId, workerId, now });
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    if (duplicate) return { journal: [] };
    return { journal, personId: found.id, deleted: effects.some((e) => e.type === "delete_person") };
  }

  /** The step is committed: the replies go first, then follow-up work (matching, sending queued messages). */
  async function finish(handled: Handled, deliver?: Deliver): Promise<OutboundMessage[]> {
    await deliverReplies(db, clock, logger, workerId, handled.journal, deliver);
    // Whatever fails here is picked up again by the scheduler's jobs. After an erasure too: what the
    // erasure queued (the partner's and coordinators' notices) goes out now, and a mentee who lost
    // their mentor is matched again. The hooks are not about the sender, who may be gone.
    if (handled.personId) {
      for (const hook of opts.afterCommit ?? []) {
        await hook(handled.personId).catch((err: unknown) =>
          logger.warn({ code: asMentorbroError(err).code }, "after-commit work failed; the scheduler retries"),
        );
      }
    }
    if (handled.deleted && opts.afterErasure) {
      await opts.afterErasure().catch((err: unknown) => logger.warn({ code: asMentorbroError(err).code }, "scrub after erasure failed; the scheduler retries"));
    }
    return handled.journal.map((j) => j.message);
  }

  /** Once per event: the platform gets a retryable failure and delivers it again by itself. */
  async function tellUnavailable(event: InboundEvent, deliver?: Deliver): Promise<void> {
    if (!deliver || (event.eventId && told.has(event.eventId))) return;
    if (event.eventId) {
      if (told.size >= TOLD_LIMIT) told.clear();
      told.add(event.eventId);
    }
    const locale = event.locale && /^(da|en)/i.test(event.locale) ? toLocale(event.locale) : opts.defaultLocale;
    await deliver({ to: event.from, text: t(locale, "common.unavailable") }).catch(() => undefined);
  }

  /**
   * One attempt after another until the step is stored. A step that lost a race (seq, a deadlock,
   * a unique key) is tried again at once, reading the state afresh. What still could not be
   * stored is thrown as a retryable failure: the platform gets a 5xx (or the adapter holds the
   * event) and delivers it again, and the person is told, once, that the answer will come. Only a
   * failure no redelivery can fix (a bug in this step) gets the apology and a 200, or the
   * platform would retry a poisoned message for ever.
   */
  async function handleSerially(event: InboundEvent, deliver?: Deliver): Promise<OutboundMessage[]> {
    for (let attempt = 1; ; attempt++) {
      let handled: Handled;
      try {
        handled = await handleOnce(storable(event));
      } catch (err) {
        let e = asMentorbroError(err);
        if (/Unique constraint|P2002/.test(e.message)) {
          // Only a stored event makes it a redelivery; any other conflict is a race, tried again.
          const seen = event.eventId ? await db.inboundEvent.findUnique({ where: { key: event.eventId } }).catch(() => null) : null;
          if (seen) return [];
          e = new MentorbroError("CONCURRENT_UPDATE", e.message, { cause: err });
        }
        if (e.code === "CONCURRENT_UPDATE" && attempt < MAX_ATTEMPTS) continue;
        logger.error({ code: e.code, platform: event.from.split(":")[0], attempts: attempt, err: e.message.slice(0, 200) }, "message handling failed");
        if (isRetryable(e)) {
          await tellUnavailable(event, deliver);
          throw e;
        }
        const sorry = { to: event.from, text: t(opts.defaultLocale, "common.error") };
        if (deliver) await deliver(sorry).catch(() => undefined);
        return [sorry];
      }
      return finish(handled, deliver);
    }
  }

  // Why a queue per sender as well as the lock: on one instance it keeps a burst in the order it
  // arrived (the lock alone would let them commit in any order) and keeps a burst from holding
  // many database connections while they wait for each other. Across instances the platform's
  // order cannot be known in general (each instance sees only its share, with its own delays), so
  // there the guarantee is that the person's messages are processed one at a time, each stored
  // once and answered once, with none lost.
  const queues = createSerialQueues();

  return {
    handle: (event, deliver) => queues.run(event.from, () => handleSerially(event, deliver)),
  };
}
