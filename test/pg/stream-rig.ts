// Two instances of the whole app on one scratch PostgreSQL database, fed one platform event stream:
// most events reach both instances at once with the same eventId (a redelivery race), some only
// one. Every reply and every channel delivery is recorded per instance, so a test can prove that
// each event was answered once and nothing was sent twice. Also the scripted people: intake,
// mentor onboarding and check-in answers, driven by text and buttons as a person would.
import { randomBytes } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { createApp, type App } from "../../src/app.js";
import { FixedClock } from "../../src/core/clock.js";
import type { Channel, InboundEvent, OutboundMessage, Platform } from "../../src/core/messages.js";
import { t } from "../../src/core/i18n/index.js";
import { openTestDb } from "../helpers/test-db.js";

export const BASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const COORD = "console:coordinator"; // seedDemo's coordinator
export type Name = "a" | "b";
export type Input = string | { action: string };
export type TestDb = Awaited<ReturnType<typeof openTestDb>>;

/** A database of its own (the apps' global jobs see only this test's rows); dropped afterwards. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mb_stream_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: BASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface Instance {
  name: Name;
  db: TestDb;
  app: App;
  /** What this instance's channel sent (outbox deliveries). */
  sent: OutboundMessage[];
}

export interface LoggedEvent {
  id: string;
  from: string;
  input: Input;
  to: Name[];
  replies: Partial<Record<Name, OutboundMessage[]>>;
}

const jitter = () => new Promise((r) => setTimeout(r, Math.random() * 4));

export class Stream {
  readonly clock: FixedClock;
  readonly log: LoggedEvent[] = [];
  private n = 0;
  private seen = new Map<string, number>();

  constructor(
    readonly instances: Instance[],
    clock: FixedClock,
  ) {
    this.clock = clock;
  }

  static async open(url: string, clock: FixedClock, codes: { coordinator: string; mentor?: string }): Promise<Stream> {
    const instances: Instance[] = [];
    for (const name of ["a", "b"] as const) {
      // One connection pool per instance, as two processes would have.
      const db = await openTestDb(url);
      const sent: OutboundMessage[] = [];
      const channels = new Map<Platform, Channel>([["console", { platform: "console", send: async (m) => void sent.push(m) }]]);
      const app = createApp({ db: db.prisma, clock, logger: pino({ level: "silent" }), channels, defaultLocale: "da", codes, workerId: `stream-${name}` });
      instances.push({ name, db, app, sent });
    }
    return new Stream(instances, clock);
  }

  get db(): TestDb {
    return this.instances[0]!.db;
  }

  /** One platform event: to both instances at about the same time, or (every fifth) to one only. */
  async send(from: string, input: Input, only?: Name): Promise<OutboundMessage[]> {
    const k = ++this.n;
    const to: Name[] = only ? [only] : k % 5 === 0 ? [k % 2 ? "a" : "b"] : ["a", "b"];
    const e: LoggedEvent = { id: `ev-${k}`, from, input, to, replies: {} };
    this.log.push(e);
    const event: InboundEvent = typeof input === "string" ? { from, text: input, eventId: e.id } : { from, action: input.action, eventId: e.id };
    await Promise.all(
      this.instances
        .filter((i) => to.includes(i.name))
        .map(async (i) => {
          await jitter();
          e.replies[i.name] = await i.app.core.handle(event);
        }),
    );
    return [...(e.replies.a ?? []), ...(e.replies.b ?? [])];
  }

  /** Both instances run their jobs at the same clock moment. */
  async tick(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.app.tick()));
  }

  /** Everything both channels sent, in no particular order between the instances. */
  deliveries(): OutboundMessage[] {
    return this.instances.flatMap((i) => i.sent);
  }

  /** Deliveries not returned by an earlier call with the same cursor name. */
  fresh(cursor: string): OutboundMessage[] {
    const fromA = this.seen.get(`${cursor}:a`) ?? 0;
    const fromB = this.seen.get(`${cursor}:b`) ?? 0;
    const [a, b] = this.instances;
    this.seen.set(`${cursor}:a`, a!.sent.length);
    this.seen.set(`${cursor}:b`, b!.sent.length);
    return [...a!.sent.slice(fromA), ...b!.sent.slice(fromB)];
  }

  async close(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.db.close()));
  }
}

export const k = (key: string, p: Record<string, string | number> = {}) => t("da", key, p);
export const actions = (m: OutboundMessage | undefined) => (m?.buttons ?? []).map((b) => b.action);
export const button = (m: OutboundMessage | undefined, prefix: string) => actions(m).find((a) => a.startsWith(prefix));

/** The intake as offer-flow.test.ts types it, with the person's own name, industry and town. */
export function intakeInputs(name: string, industry: string, town: string): Input[] {
  const a = (action: string) => ({ action });
  return [
    "hej",
    a("lang:da"),
    a("role:mentee"),
    a("yes"),
    a("yes"),
    a("yes"),
    name,
    "1",
    "6",
    "datalogi",
    "praktik i en virksomhed",
    industry,
    "1",
    "1, 3",
    "dansk, engelsk",
    town,
    "2",
    "i morgen",
    "1, 2",
    "intet ønske",
    "intet ønske",
    "1",
    "nej",
    "2",
    "2",
    "2",
    a("summary:confirm"),
  ];
}

/** Mentor onboarding as intake-transcripts.test.ts types it (Danish), with or without the invitation code. */
export function onboardingInputs(name: string, industry: string, town: string, code?: string): Input[] {
  const a = (action: string) => ({ action });
  return [
    "hej",
    a("lang:da"),
    a("role:mentor"),
    a("yes"),
    name,
    industry,
    "Teamleder",
    "cv og jobsamtaler",
    "15 år i faget",
    "dansk og engelsk",
    town,
    "2",
    "4",
    a("opt:weekend"),
    a("multi:done"),
    "video",
    a("skip"),
    "kvinde",
    "35-55",
    code ?? a("skip"),
    a("summary:confirm"),
  ];
}

export interface CheckinAnswer {
  cid: string;
  met: boolean;
  hours: number | null;
  topic?: string;
  rating?: number;
  reason?: string;
  note?: string;
  /** Monthly self-assessments completed in this answer. */
  monthly: number;
}

/**
 * Answers one weekly check-in from its nudge: "yes" (hours, topic/rating, note/need and, when
 * due, the monthly self-assessment and goals), "no" with a reason, or "help" first, then yes.
 * Returns what should now be stored.
 */
export async function answerCheckin(s: Stream, from: string, cid: string, plan: "yes" | "no" | "help"): Promise<CheckinAnswer> {
  const out: CheckinAnswer = { cid, met: plan !== "no", hours: null, monthly: 0 };
  if (plan === "help") {
    const r = await s.send(from, { action: `chk:h:${cid}` });
    if (r.at(-1)?.text !== k("chk.help_sent")) throw new Error(`help: ${r.at(-1)?.text}`);
  }
  let reply = (await s.send(from, { action: `chk:${plan === "no" ? "n" : "y"}:${cid}` })).at(-1);
  let sa = 0;
  for (let guard = 0; actions(reply).some((x) => x.startsWith("chka:")); guard++) {
    if (guard > 20) throw new Error(`check-in ${cid} does not end: ${reply?.text}`);
    const acts = actions(reply);
    const input = nextAnswer(acts, reply?.text);
    if (typeof input === "string" && acts.includes("chka:1.5")) out.hours = 1.5;
    else if (typeof input === "string" && acts.length === 1) out.note = input;
    else if (typeof input === "string") out.rating = 4;
    else if (input.action === "chka:cv") out.topic = "cv";
    else if (input.action === "chka:busy") out.reason = "busy";
    else if (input.action === "chka:3") sa += 1;
    reply = (await s.send(from, input)).at(-1);
  }
  const done = plan === "no" ? k("chk.saved_no") : k("chk.saved_met", { hours: "1,5" });
  if (reply?.text !== done) throw new Error(`check-in ${cid} ended with: ${reply?.text}`);
  out.monthly = sa >= 3 ? 1 : 0;
  return out;
}

/** What a person answers to each check-in step, recognised by its buttons. */
function nextAnswer(acts: string[], text: string | undefined): Input {
  if (acts.includes("chka:1.5")) return "1,5"; // hours, typed the Danish way
  if (acts.includes("chka:cv")) return { action: "chka:cv" }; // topic
  if (acts.includes("chka:busy")) return { action: "chka:busy" }; // reason for not meeting
  if (acts.includes("chka:none")) return { action: "chka:none" }; // needs
  if (text === k("chk.rating")) return "4";
  if (acts.includes("chka:3")) return { action: "chka:3" }; // self-assessment and goals
  if (acts.length === 1) return "Vi øvede en jobsamtale"; // a note (only "skip" offered)
  throw new Error(`unexpected check-in step: ${text}`);
}
