// "Platform 429/5xx answers are retried per retry-after and nothing is dropped", end to end on each
// platform: the real core on a test database, the real adapters (telegraf, Bolt's WebClient,
// botbuilder) and the fake platforms refusing one send at a time. Time only moves with rig.clock,
// so "not before retry-after" and "once after it" are exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/core/messages.js";
import { t } from "../../src/core/i18n/index.js";
import { enqueue } from "../../src/infra/outbox/outbox.js";
import { backoffMs } from "../../src/infra/outbox/sender.js";
import { startRig, slackIdentity, type PlatformRig } from "../helpers/platform-rig.js";
import { openTestDb } from "../helpers/test-db.js";

const WELCOME = t("da", "welcome.who");
const RESTARTED = t("da", "cmd.restarted");
const REMINDER = t("da", "chk.remind_mentee", { name: "Kim" });
if (!REMINDER.includes("Kim")) throw new Error("chk.remind_mentee is not in the catalogue");
/** Backoff of a direct reply the platform refused without saying when to retry (reply-journal.ts). */
const REPLY_BACKOFF_MS = 5_000;

interface User {
  identity: string;
  say(text: string): Promise<void>;
  received(): string[];
}
interface Side {
  platform: Platform;
  fake: { rateLimitNext(seconds: number): void; failNext(status?: number): void; readonly refused: number[]; readonly rendered: unknown[] };
  user(n: number): User;
}

let db: Awaited<ReturnType<typeof openTestDb>>;
let rig: PlatformRig;
beforeAll(async () => {
  db = await openTestDb();
  rig = await startRig(db);
});
afterAll(async () => {
  await rig.stop();
  await db.close();
});

const ok = async (status: Promise<number>) => void expect(await status).toBe(200);
const sides = (): Side[] => [
  {
    platform: "telegram",
    fake: rig.tg,
    user: (n) => ({ identity: `telegram:${7000 + n}`, say: (text) => ok(rig.telegram.text(7000 + n, text)), received: () => rig.telegram.received(7000 + n) }),
  },
  {
    platform: "slack",
    fake: rig.slack,
    user: (n) => ({
      identity: slackIdentity(`U${7000 + n}ABC`),
      say: (text) => ok(rig.slackUser.text(`U${7000 + n}ABC`, text)),
      received: () => rig.slackUser.received(`U${7000 + n}ABC`),
    }),
  },
  {
    platform: "teams",
    fake: rig.teams,
    user: (n) => ({ identity: `teams:aad-u${n}`, say: (text) => ok(rig.teamsUser.text(`u${n}`, text)), received: () => rig.teamsUser.received(`u${n}`) }),
  },
];

async function personOf(user: User): Promise<string> {
  const identity = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: user.identity } });
  return identity.personId;
}
async function outboxOf(personId: string) {
  // The clock stands still between messages, so dueAt alone does not order them across messages.
  return db.prisma.outbox.findMany({ where: { recipient: personId }, orderBy: [{ createdAt: "asc" }, { dueAt: "asc" }] });
}
/** Moves the clock and runs what is due, as the scheduler would. */
async function after(ms: number): Promise<void> {
  rig.clock.advance(ms);
  await rig.app.tick();
}

describe.each(["telegram", "slack", "teams"] as const)("%s: refused sends are retried, none dropped or doubled", (platform) => {
  let side: Side;
  const base = { telegram: 10, slack: 20, teams: 30 }[platform];
  beforeAll(() => {
    side = sides().find((s) => s.platform === platform)!;
  });

  /** The user's second message gets two replies; the first of them is refused by `refuse`. */
  async function refusedReply(n: number, refuse: () => void, expected: number): Promise<User> {
    const user = side.user(base + n);
    await user.say("hej");
    expect(user.received()).toEqual([WELCOME]);
    const refusedBefore = side.fake.refused.length;
    refuse();
    await user.say("forfra");
    expect(side.fake.refused.slice(refusedBefore)).toEqual([expected]);
    // Not at once: the refused reply and the one after it wait, in the outbox.
    expect(user.received()).toEqual([WELCOME]);
    const rows = await outboxOf(await personOf(user));
    expect(rows.map((r) => r.status)).toEqual(["sent", "pending", "pending"]);
    return user;
  }

  async function deliveredOnceInOrder(user: User): Promise<void> {
    expect(user.received()).toEqual([WELCOME, RESTARTED, WELCOME]);
    // Later ticks, well past any lease, send nothing again.
    await after(10 * 60_000);
    expect(user.received()).toEqual([WELCOME, RESTARTED, WELCOME]);
    const rows = await outboxOf(await personOf(user));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  }

  it("a reply refused with 429 arrives once, in order, after the retry-after and not before", async () => {
    const user = await refusedReply(1, () => side.fake.rateLimitNext(30), 429);
    const rendered = side.fake.rendered.length;
    await after(29_999);
    expect(user.received()).toEqual([WELCOME]);
    expect(side.fake.rendered).toHaveLength(rendered);
    await after(1);
    await deliveredOnceInOrder(user);
  });

  it("a reply refused with a 5xx arrives once, in order, after the 5 s backoff and not before", async () => {
    const user = await refusedReply(2, () => side.fake.failNext(500), 500);
    await after(REPLY_BACKOFF_MS - 1);
    expect(user.received()).toEqual([WELCOME]);
    await after(1);
    await deliveredOnceInOrder(user);
  });

  it("a later message's replies wait behind a refused one instead of overtaking it", async () => {
    const user = await refusedReply(4, () => side.fake.rateLimitNext(30), 429);
    await after(1_000);
    await user.say("hjælp");
    expect(user.received()).toEqual([WELCOME]);
    await after(29_000);
    const got = user.received();
    expect(got.slice(0, 3)).toEqual([WELCOME, RESTARTED, WELCOME]);
    // Then the help text (and the question again), all after the replies that were waiting.
    expect(got.length).toBeGreaterThanOrEqual(4);
    expect(got[3]).toContain("forfra –");
    await after(10 * 60_000);
    expect(user.received()).toEqual(got);
  });

  it("a queued message refused with 429, then 502, is delivered once on the third attempt", async () => {
    const user = side.user(base + 3);
    await user.say("hej");
    const personId = await personOf(user);
    await enqueue(db.prisma, [
      {
        dedupeKey: `test:retries:${platform}`,
        recipient: personId,
        kind: "test",
        payload: { key: "chk.remind_mentee", params: { name: "Kim" } },
        dueAt: rig.clock.now(),
      },
    ]);
    const row = () => db.prisma.outbox.findUniqueOrThrow({ where: { dedupeKey: `test:retries:${platform}` } });
    const refusedBefore = side.fake.refused.length;

    side.fake.rateLimitNext(20);
    await rig.app.tick();
    expect(await row()).toMatchObject({ status: "pending", attempts: 1, lastError: "RATE_LIMITED" });
    await after(19_999);
    expect(side.fake.refused.slice(refusedBefore)).toEqual([429]);

    side.fake.failNext(502);
    await after(1);
    expect(side.fake.refused.slice(refusedBefore)).toEqual([429, 502]);
    expect(await row()).toMatchObject({ status: "pending", attempts: 2, lastError: "SEND_FAILED" });
    // No retry-after on a 5xx: the outbox's own backoff for a second attempt.
    await after(backoffMs(2) - 1);
    expect(user.received()).toEqual([WELCOME]);

    await after(1);
    expect(user.received()).toEqual([WELCOME, REMINDER]);
    expect(await row()).toMatchObject({ status: "sent", attempts: 3 });
    await after(60 * 60_000);
    expect(user.received()).toEqual([WELCOME, REMINDER]);
    expect(side.fake.refused.slice(refusedBefore)).toEqual([429, 502]);
    expect(await db.prisma.outbox.count({ where: { status: "dead" } })).toBe(0);
  });
});
