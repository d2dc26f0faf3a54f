// Wires the core together: conversation service, outbox sender and periodic jobs. The composition
// root (main.ts) adds configuration, the database, channels and node-cron.
import type { Clock } from "./core/clock.js";
import type { BotCore, Channel, Platform } from "./core/messages.js";
import type { Db } from "./infra/db/database.js";
import { addTexts, type Locale } from "./core/i18n/index.js";
import type { Logger } from "./infra/logger.js";
import { createConversationService } from "./core/conversation/conversation-service.js";
import { createSender, type Sender } from "./infra/outbox/sender.js";
import type { RateLimiter } from "./infra/outbox/rate-limit.js";
import type { HandlerRegistry } from "./core/conversation/handlers.js";
import { DEFAULT_SETTINGS, NO_PRE_CHECK, type AppSettings, type CapabilityFactory } from "./core/capability.js";
import { ALL_CAPABILITIES } from "./capabilities/index.js";
import { asMentorbroError } from "./core/errors.js";
import type { Scrubber } from "./infra/db/scrub.js";
import { createEraser, type ErasureStep } from "./infra/people/erase.js";
import { signupCatalog } from "./core/conversation/signup.js";

export interface AppOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: Map<Platform, Channel>;
  defaultLocale: Locale;
  codes: { coordinator: string; mentor?: string };
  workerId?: string;
  settings?: AppSettings;
  /** Per-platform send rates for the outbox sender (src/infra/outbox/rate-limit.ts); unset = unlimited. */
  rateLimiter?: RateLimiter;
  /** Outbox sends in flight at once (default 1); raise it for platforms far away. */
  sendConcurrency?: number;
  /** Capabilities to plug in; defaults to all of Mentorbro's (capabilities.ts). */
  capabilities?: CapabilityFactory[];
  /** Makes erased data unreadable in the database files (Database.scrub); unset = not scrubbed. */
  scrub?: Scrubber;
}

export interface App {
  core: BotCore;
  sender: Sender;
  /** Runs everything that is due at the clock's current time, then sends what was queued. */
  tick(): Promise<void>;
  /** Periodic jobs; later capabilities register theirs here. */
  jobs: ((now: Date) => Promise<void>)[];
}

export function createApp(opts: AppOptions): App {
  const workerId = opts.workerId ?? `w-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const sender = createSender({
    db: opts.db,
    clock: opts.clock,
    logger: opts.logger,
    channels: opts.channels,
    workerId,
    rateLimiter: opts.rateLimiter,
    concurrency: opts.sendConcurrency,
  });
  // Erasure runs every capability's onErase first; the list is known once they are all built.
  let erasureSteps: ErasureStep[] = [];
  const erase = createEraser(() => erasureSteps);
  const deps = { db: opts.db, clock: opts.clock, logger: opts.logger, settings: opts.settings ?? DEFAULT_SETTINGS, erase };
  const caps = (opts.capabilities ?? ALL_CAPABILITIES).map((f) => f(deps));
  erasureSteps = caps.flatMap((c) => (c.onErase ? [c.onErase] : []));
  const signups = signupCatalog(caps.flatMap((c) => c.signups ?? []));
  for (const c of caps) if (c.texts) addTexts(c.texts);
  const handlers: HandlerRegistry = {
    actions: caps.flatMap((c) => c.actions ?? []),
    commands: caps.flatMap((c) => c.commands ?? []),
    tasks: caps.flatMap((c) => c.tasks ?? []),
    intents: caps.flatMap((c) => c.intents ?? []),
    openQuestion: async (tx, personId, now) => {
      for (const c of caps) if (c.openQuestion && (await c.openQuestion(tx, personId, now))) return true;
      return false;
    },
  };
  // Jobs run in reverse order: the first capabilities (escalation) see what later ones' jobs raised
  // in the same tick (a missed check-in, a timed-out offer) and alert without waiting a tick.
  const jobs: App["jobs"] = [...caps].reverse().flatMap((c) => c.jobs ?? []);
  // After "delete my data", and after any job that erased or purged (retention, merged accounts).
  const scrub = async () => {
    const done = await opts.scrub?.runIfPending();
    if (done) opts.logger.info(done, "erased data scrubbed from the database files");
  };
  const core = createConversationService({
    db: opts.db,
    clock: opts.clock,
    logger: opts.logger,
    defaultLocale: opts.defaultLocale,
    codes: opts.codes,
    workerId,
    handlers,
    signups,
    erase,
    preCheck: async (event, personId, locale) => {
      const replies = [];
      let resume = true;
      for (const c of caps) {
        if (!c.preCheck) continue;
        const r = await c.preCheck(event, { id: personId, locale });
        replies.push(...r.replies);
        // One pre-check that holds the turn (a safety reply) outweighs another's "go on".
        if (r.replies.length > 0 && !r.resume) resume = false;
      }
      return replies.length ? { replies, resume } : NO_PRE_CHECK;
    },
    afterCommit: [
      ...caps.flatMap((c) => (c.afterCommit ? [c.afterCommit] : [])),
      async () => {
        await sender.drain();
      },
    ],
    afterErasure: scrub,
  });
  return {
    core,
    sender,
    jobs,
    async tick() {
      const now = opts.clock.now();
      for (const job of jobs) await job(now);
      await sender.drain();
      await scrub().catch((err: unknown) => opts.logger.warn({ code: asMentorbroError(err).code }, "scrub failed; the next tick retries"));
    },
  };
}
