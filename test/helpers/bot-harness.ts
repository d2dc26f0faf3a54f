// Runs the real core against a test database with a fixed clock, collecting everything sent.
import pino from "pino";
import { createApp, type App } from "../../src/app.js";
import { FixedClock } from "../../src/core/clock.js";
import type { Channel, InboundEvent, OutboundMessage, Platform } from "../../src/core/messages.js";
import type { Database } from "../../src/infra/db/database.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import type { CapabilityFactory } from "../../src/core/capability.js";

export const T0 = new Date("2026-11-24T09:00:00Z");

export interface BotHarness {
  app: App;
  clock: FixedClock;
  /** Messages delivered later through the outbox (to anyone). */
  delivered: OutboundMessage[];
  /** Sends an event as a console user; returns the direct replies. */
  say(from: string, textOrAction: string | { action: string } | Partial<InboundEvent>): Promise<OutboundMessage[]>;
  /** Sends and returns only the reply texts joined. */
  ask(from: string, text: string): Promise<string>;
}

export async function createBotHarness(db: Database, opts: { mentorCode?: string; capabilities?: CapabilityFactory[] } = {}): Promise<BotHarness> {
  await ensureProgramme(db.prisma);
  const clock = new FixedClock(T0);
  const delivered: OutboundMessage[] = [];
  const channel: Channel = { platform: "console", send: async (m) => void delivered.push(m) };
  const channels = new Map<Platform, Channel>([["console", channel]]);
  const app = createApp({
    db: db.prisma,
    clock,
    logger: pino({ level: "silent" }),
    channels,
    defaultLocale: "da",
    codes: { coordinator: "coord-secret", mentor: opts.mentorCode },
    workerId: "test",
    ...(opts.capabilities ? { capabilities: opts.capabilities } : {}),
  });
  const say: BotHarness["say"] = (from, input) => {
    const event: InboundEvent =
      typeof input === "string"
        ? { from, text: input }
        : "action" in input && Object.keys(input).length === 1
          ? { from, action: (input as { action: string }).action }
          : { from, ...(input as Partial<InboundEvent>) };
    // Through `deliver`, as the adapters call it: replies are confirmed before follow-up work runs.
    const out: OutboundMessage[] = [];
    return app.core.handle(event, async (m) => void out.push(m)).then(() => out);
  };
  return {
    app,
    clock,
    delivered,
    say,
    ask: async (from, text) => (await say(from, text)).map((m) => m.text).join("\n---\n"),
  };
}
