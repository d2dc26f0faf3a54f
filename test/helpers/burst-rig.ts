// Bursts of messages from one or many people, all at once, through the real core (one instance or
// several on one database). A small test capability records every text a person sends into their
// conversation's task state, so the stored conversation itself says which messages were processed,
// how often and in which order. Each event is answered with a text naming it.
import type { CapabilityFactory } from "../../src/core/capability.js";
import { isRetryable, asMentorbroError } from "../../src/core/errors.js";
import type { BotCore, InboundEvent, OutboundMessage } from "../../src/core/messages.js";
import type { Db } from "../../src/infra/db/database.js";
import { t } from "../../src/core/i18n/index.js";

export const RECORD_TASK = "burst_record";
export const UNAVAILABLE = t("da", "common.unavailable");
export const SORRY = [t("da", "common.error"), t("en", "common.error")];

/** How often the recorder ran for each event id: more than once means a step ran on stale state and was thrown away. */
export const stepRuns = new Map<string, number>();

/** `record` starts the task; every later text is appended to it and answered with `noted <text>`. */
export const recorder: CapabilityFactory = () => ({
  name: "burst-recorder",
  commands: [{ words: ["record"], handle: async () => ({ replies: [{ text: "recording" }], task: { kind: RECORD_TASK, data: { texts: [] } } }) }],
  tasks: [
    {
      kind: RECORD_TASK,
      handle: async (ctx, data) => {
        const text = ctx.input.kind === "text" ? ctx.input.text : "";
        const id = ctx.event.eventId ?? "";
        stepRuns.set(id, (stepRuns.get(id) ?? 0) + 1);
        return { replies: [{ text: `noted ${text}` }], task: { kind: RECORD_TASK, data: { texts: [...((data.texts as string[] | undefined) ?? []), text] } } };
      },
    },
  ],
});

export interface BurstEvent {
  event: InboundEvent;
  /** Which instance the platform gave it to first. */
  instance: number;
  /** What each delivery attempt got back through `deliver`, in order. */
  attempts: OutboundMessage[][];
  /** Codes of the failures that made the platform deliver it again. */
  failures: string[];
  /** A failure the platform would not redeliver (or too many attempts). */
  lost?: string;
}

/**
 * Sends n messages from each person at the same moment: person by person in message order as
 * they arrive, message j to instance j mod cores. A retryable failure is delivered again, as a
 * platform does after a 5xx, to the next instance.
 */
export async function burst(
  cores: BotCore[],
  people: string[],
  n: number,
  tag: string,
  text = (j: number) => `m${String(j).padStart(2, "0")}`,
): Promise<BurstEvent[]> {
  const events: BurstEvent[] = [];
  for (let j = 0; j < n; j++) {
    for (const [p, from] of people.entries()) {
      events.push({ event: { from, text: text(j), eventId: `${tag}:${p}:${j}`, locale: "da" }, instance: j % cores.length, attempts: [], failures: [] });
    }
  }
  const deliverTo = async (e: BurstEvent, instance: number): Promise<void> => {
    const got: OutboundMessage[] = [];
    e.attempts.push(got);
    try {
      await cores[instance]!.handle(e.event, async (m) => void got.push(m));
    } catch (err) {
      const code = asMentorbroError(err).code;
      if (!isRetryable(asMentorbroError(err)) || e.failures.length >= 20) {
        e.lost = code;
        return;
      }
      e.failures.push(code);
      await deliverTo(e, (instance + 1) % cores.length);
    }
  };
  // handle() is called for every event before any of them can finish: one burst.
  await Promise.all(events.map((e) => deliverTo(e, e.instance)));
  return events;
}

/** What is wrong with how a burst was answered: each event answered by one attempt, never with an apology. */
export function answerProblems(events: BurstEvent[]): string[] {
  const problems: string[] = [];
  for (const e of events) {
    const id = e.event.eventId!;
    if (e.lost) problems.push(`${id}: lost (${e.lost})`);
    const answering = e.attempts.filter((a) => a.some((m) => m.text !== UNAVAILABLE));
    if (answering.length !== 1) problems.push(`${id}: answered by ${answering.length} attempts`);
    for (const m of e.attempts.flat()) {
      if (SORRY.includes(m.text)) problems.push(`${id}: apology "${m.text.slice(0, 40)}…"`);
      if (m.to !== e.event.from) problems.push(`${id}: reply to ${m.to}`);
    }
  }
  return problems;
}

/** The texts the recorder stored for a person, in processing order. */
export async function recorded(db: Db, from: string): Promise<{ texts: string[]; seq: number }> {
  const identity = await db.identity.findUniqueOrThrow({ where: { externalId: from } });
  const convo = await db.conversation.findUniqueOrThrow({ where: { personId: identity.personId } });
  const data = convo.data as { task?: { kind: string; data: { texts?: string[] } } };
  return { texts: data.task?.kind === RECORD_TASK ? (data.task.data.texts ?? []) : [], seq: convo.seq };
}

/** Events of this burst stored (processed) in the database, and reply journals written for them. */
export async function storedCounts(db: Db, tag: string): Promise<{ events: number; answeredEvents: number }> {
  const events = await db.inboundEvent.count({ where: { key: { startsWith: `${tag}:` } } });
  const replies = await db.outbox.findMany({ where: { kind: "reply", dedupeKey: { startsWith: `reply:${tag}:` } }, select: { dedupeKey: true } });
  const answeredEvents = new Set(replies.map((r) => r.dedupeKey.replace(/:\d+$/, ""))).size;
  return { events, answeredEvents };
}
