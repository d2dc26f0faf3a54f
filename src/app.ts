// Wires the core together: conversation service, outbox sender and periodic jobs. The composition
// root (main.ts) adds configuration, the database, channels and node-cron.
import type { Clock } from "./core/clock.js";
import type { BotCore, Channel, Platform } from "./core/messages.js";
import type { Db } from "./db/database.js";
import type { Locale } from "./i18n/index.js";
import type { Logger } from "./logger.js";
import { createConversationService } from "./conversation/conversation-service.js";
import { createSender, type Sender } from "./outbox/sender.js";

export interface AppOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: Map<Platform, Channel>;
  defaultLocale: Locale;
  codes: { coordinator: string; mentor?: string };
  workerId?: string;
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
  const sender = createSender({
    db: opts.db,
    clock: opts.clock,
    logger: opts.logger,
    channels: opts.channels,
    workerId: opts.workerId ?? `w-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  });
  const jobs: App["jobs"] = [];
  const core = createConversationService({
    db: opts.db,
    clock: opts.clock,
    logger: opts.logger,
    defaultLocale: opts.defaultLocale,
    codes: opts.codes,
    afterCommit: async () => {
      await sender.drain();
    },
  });
  return {
    core,
    sender,
    jobs,
    async tick() {
      const now = opts.clock.now();
      for (const job of jobs) await job(now);
      await sender.drain();
    },
  };
}
