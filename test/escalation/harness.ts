// A bot for the escalation tests: the real core with chosen settings (alert channel, help lines)
// and only the escalation capability unless told otherwise, so other capabilities' jobs do not
// change the data a test prepared. Deliveries to any platform are collected in `delivered`.
import pino from "pino";
import { createApp, type App } from "../../src/app.js";
import { DEFAULT_SETTINGS, type AppSettings, type CapabilityFactory } from "../../src/core/capability.js";
import { FixedClock } from "../../src/core/clock.js";
import type { Channel, InboundEvent, OutboundMessage, Platform } from "../../src/core/messages.js";
import type { Database } from "../../src/infra/db/database.js";
import { makeEscalationCapability } from "../../src/capabilities/escalation/capability.js";
import type { RiskDetector } from "../../src/capabilities/escalation/safety-check.js";
import { detectRisk } from "../../src/lib/safety/detect-risk.js";
import { createOnboardingCapability } from "../../src/capabilities/onboarding/index.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { T0 } from "../helpers/bot-harness.js";

export { T0 };
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface EscBot {
  app: App;
  clock: FixedClock;
  delivered: OutboundMessage[];
  programmeId: string;
  say(from: string, input: string | { action: string; fields?: Record<string, string> } | Partial<InboundEvent>): Promise<OutboundMessage[]>;
  /** Moves the clock and runs the jobs once. */
  advance(ms: number): Promise<void>;
  to(who: string): OutboundMessage[];
}

export async function createEscBot(
  db: Database,
  opts: { settings?: Partial<AppSettings>; capabilities?: CapabilityFactory[]; logger?: pino.Logger; detect?: RiskDetector } = {},
): Promise<EscBot> {
  const programmeId = await ensureProgramme(db.prisma);
  const clock = new FixedClock(T0);
  const delivered: OutboundMessage[] = [];
  const channels = new Map<Platform, Channel>(
    (["console", "slack"] as const).map((platform) => [platform, { platform, send: async (m: OutboundMessage) => void delivered.push(m) }]),
  );
  const app = createApp({
    db: db.prisma,
    clock,
    logger: opts.logger ?? pino({ level: "silent" }),
    channels,
    defaultLocale: "da",
    codes: { coordinator: "coord-secret" },
    workerId: "test",
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    capabilities: opts.capabilities ?? [makeEscalationCapability({ detect: opts.detect }), createOnboardingCapability],
  });
  return {
    app,
    clock,
    delivered,
    programmeId,
    say: (from, input) => app.core.handle(typeof input === "string" ? { from, text: input } : { from, ...input }),
    async advance(ms) {
      clock.advance(ms);
      await app.tick();
    },
    to: (who) => delivered.filter((d) => d.to === who),
  };
}

/**
 * The real detector, with every finding graded clear: for tests of what a clear risk does (help
 * lines per category, folding, logs) whatever grade the detector gives a milder sentence.
 */
export const allClear: RiskDetector = (text) => {
  const f = detectRisk(text);
  return f && { ...f, grade: "clear" };
};

/** A person with a console identity and roles, as the flows would leave them. */
export async function addPerson(db: Database, key: string, opts: { roles?: string[]; name?: string; locale?: "da" | "en" } = {}): Promise<string> {
  const p = await db.prisma.person.create({
    data: {
      displayName: opts.name ?? key,
      locale: opts.locale ?? "da",
      roles: opts.roles ?? [],
      identities: { create: { externalId: `console:${key}`, platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  return p.id;
}

/** An active match between a new mentee and a new mentor, started at `startedAt`. */
export async function addMatch(db: Database, programmeId: string, startedAt: Date, names = { mentee: "Sara Jensen", mentor: "Anna" }) {
  const menteeId = await addPerson(db, `mentee-${names.mentee.split(" ")[0]!.toLowerCase()}`, { roles: ["mentee"], name: names.mentee });
  const mentorId = await addPerson(db, `mentor-${names.mentor.toLowerCase()}`, { roles: ["mentor"], name: names.mentor });
  await db.prisma.menteeProfile.create({ data: { personId: menteeId, programmeId, status: "matched" } });
  const match = await db.prisma.match.create({
    data: { programmeId, menteeId, mentorId, startedAt, endsAt: new Date(startedAt.getTime() + 180 * DAY) },
  });
  return { matchId: match.id, menteeId, mentorId };
}
