// The core's entry point for inbound messages: dedupe, find the person, route, and store the
// new flow state with every effect in one transaction (optimistic on the conversation's seq).
import type { Prisma } from "../generated/prisma/client.js";
import type { Clock } from "../core/clock.js";
import { MentorbroError, asMentorbroError } from "../core/errors.js";
import type { BotCore, InboundEvent, OutboundMessage } from "../core/messages.js";
import { platformOf } from "../core/messages.js";
import type { Db } from "../db/database.js";
import type { FlowInput, Reply } from "../flows/types.js";
import { t, toLocale, type Locale } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import { applyEffects } from "./apply-effects.js";
import { route, type ConvoData, type RouteResult } from "./router.js";

export interface ConversationServiceOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  codes: { coordinator: string; mentor?: string };
  /** Runs after a committed step (e.g. matching, sending queued messages). */
  afterCommit?: (personId: string) => Promise<void>;
  /** Checked before any other processing: a safety reply may come first. */
  preCheck?: (event: InboundEvent, personId: string, locale: Locale) => Promise<Reply[]>;
}

const MAX_RETRIES = 3;

// Control characters and bidi overrides carry no meaning in an answer and can disguise text.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function toInput(event: InboundEvent): FlowInput {
  if (event.action) return { kind: "action", action: event.action.slice(0, 100) };
  if (event.media && !event.text) return { kind: "media" };
  // eslint-disable-next-line no-control-regex
  return { kind: "text", text: (event.text ?? "").replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").replace(INVISIBLE, "") };
}

export function createConversationService(opts: ConversationServiceOptions): BotCore {
  const { db, clock, logger } = opts;

  async function findOrCreatePerson(event: InboundEvent) {
    const identity = await db.identity.findUnique({ where: { externalId: event.from }, include: { person: true } });
    const ref = event.conversationRef as Prisma.InputJsonValue | undefined;
    if (identity) {
      await db.identity.update({ where: { id: identity.id }, data: { lastSeenAt: clock.now(), ...(ref ? { conversationRef: ref } : {}) } });
      return { person: identity.person, isNew: false };
    }
    const locale = toLocale(event.locale, opts.defaultLocale);
    try {
      const person = await db.person.create({
        data: { locale, identities: { create: { externalId: event.from, platform: platformOf(event.from), conversationRef: ref, lastSeenAt: clock.now() } } },
      });
      return { person, isNew: true };
    } catch {
      // Two first messages at once: the other one created the person.
      const again = await db.identity.findUniqueOrThrow({ where: { externalId: event.from }, include: { person: true } });
      return { person: again.person, isNew: false };
    }
  }

  async function handleOnce(event: InboundEvent): Promise<OutboundMessage[]> {
    if (event.eventId && (await db.inboundEvent.findUnique({ where: { key: event.eventId } }))) return [];
    const { person } = await findOrCreatePerson(event);
    const now = clock.now();
    const pre = opts.preCheck ? await opts.preCheck(event, person.id, person.locale as Locale) : [];
    const convoRow = await db.conversation.findUnique({ where: { personId: person.id } });
    const menteeStatus = (await db.menteeProfile.findUnique({ where: { personId: person.id }, select: { status: true } }))?.status;
    const convo = (convoRow?.data as ConvoData | undefined) ?? { mode: "new" };
    const platformLocale = event.locale && /^(da|en)/i.test(event.locale) ? toLocale(event.locale) : undefined;
    const result: RouteResult = route({
      person: { locale: person.locale as Locale, roles: person.roles, name: person.displayName, menteeStatus },
      convo: convo.mode ? convo : { mode: "new" },
      input: toInput(event),
      platformLocale,
      now,
      codes: opts.codes,
    });
    const programme = await db.programme.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    await db.$transaction(async (tx) => {
      if (event.eventId) await tx.inboundEvent.create({ data: { key: event.eventId, receivedAt: now } });
      const seq = convoRow?.seq ?? 0;
      const data = result.convo as unknown as Prisma.InputJsonValue;
      const flowMeta = { flowId: result.convo.flow?.flowId ?? null, flowVersion: result.convo.flow?.version ?? 0, step: result.convo.flow?.step ?? null };
      if (convoRow) {
        const n = await tx.conversation.updateMany({ where: { personId: person.id, seq }, data: { data, seq: seq + 1, ...flowMeta } });
        if (n.count !== 1) throw new MentorbroError("CONCURRENT_UPDATE", "Conversation changed meanwhile");
      } else {
        await tx.conversation.create({ data: { personId: person.id, data, seq: 1, ...flowMeta } });
      }
      if (!programme && result.effects.some((e) => e.type === "complete" || e.type === "mentor_registered")) {
        throw new MentorbroError("NOT_FOUND", "No programme configured");
      }
      await applyEffects(tx, result.effects, { personId: person.id, programmeId: programme?.id ?? "", now });
    });
    if (opts.afterCommit && !result.effects.some((e) => e.type === "delete_person")) await opts.afterCommit(person.id);
    return [...pre, ...result.replies].map((r) => ({ to: event.from, text: r.text, ...(r.buttons?.length ? { buttons: r.buttons } : {}), ...(event.eventId ? { replyTo: event.eventId } : {}) }));
  }

  return {
    async handle(event: InboundEvent): Promise<OutboundMessage[]> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await handleOnce(event);
        } catch (err) {
          const e = asMentorbroError(err);
          const duplicate = /Unique constraint|P2002/.test(e.message) && event.eventId;
          if (duplicate) return [];
          if (e.code === "CONCURRENT_UPDATE" && attempt < MAX_RETRIES) continue;
          logger.error({ code: e.code, platform: event.from.split(":")[0], err: e.message.slice(0, 200) }, "message handling failed");
          if (e.code === "DB_UNAVAILABLE") throw e;
          return [{ to: event.from, text: t(opts.defaultLocale, "common.error") }];
        }
      }
    },
  };
}
