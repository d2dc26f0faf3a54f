// Issue 13, point 8: erasing a person ends what they were part of. Their mentorship ends (the
// history says "erased"), the partner is told kindly in their own language, a mentee who lost their
// mentor waits again, coordinators are told, messages to the gone partner are refused, open offers
// and proposals close, and the scheduler raises nothing about the pair afterwards.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale, type Params } from "../../src/core/i18n/index.js";
import { loadPool } from "../../src/capabilities/matchmaking/pool.js";
import { createBotHarness, T0, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { makeWorld, type World } from "../coordinator/world.js";

const DAY = 864e5;
let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
let w: World;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createBotHarness(db);
  w = await makeWorld(db);
});

const k = (l: Locale, key: string, p: Params = {}) => t(l, key, p);
const da = (key: string, p: Params = {}) => k("da", key, p);
const COORD = "console:coordinator";
const textsTo = (to: string) => bot.delivered.filter((d) => d.to === to).map((d) => d.text);

async function erase(from: string): Promise<void> {
  await bot.say(from, "slet mine data");
  expect((await bot.say(from, { action: "delete:yes" }))[0]!.text).toBe(da("cmd.deleted"));
}

/** Moves time on a day at a time for `days`, running the scheduler each day. */
async function daysPass(days: number): Promise<void> {
  for (let d = 1; d <= days; d++) {
    bot.clock.set(new Date(T0.getTime() + d * DAY));
    await bot.app.tick();
  }
}

async function expectEndedByErasure(matchId: string): Promise<void> {
  expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ status: "ended", endReason: "erased", endedAt: T0 });
  const events = await db.prisma.matchEvent.findMany({ where: { matchId, to: "ended" } });
  expect(events).toEqual([expect.objectContaining({ from: "active", reason: "erased", at: T0 })]);
}

/** Nothing about the pair after the erasure: no alert, no check-in, no message to the partner. */
async function expectQuietAfterwards(matchId: string, partner: string): Promise<void> {
  const before = textsTo(partner).length;
  await daysPass(9);
  expect(await db.prisma.escalation.count({ where: { matchId, status: { not: "resolved" } } })).toBe(0);
  expect(await db.prisma.checkIn.count({ where: { matchId, createdAt: { gt: T0 } } })).toBe(0);
  expect(textsTo(partner).slice(before)).toEqual([]);
}

describe("erasing a mentor in a running mentorship", () => {
  it("ends it, tells the mentee in English and the coordinator, and puts the mentee back in line", async () => {
    await db.prisma.person.update({ where: { id: w.sara }, data: { locale: "en" } });
    const waitingSince = (await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: w.sara } })).waitingSince;
    await erase("console:anna");
    await expectEndedByErasure(w.saraMatch);
    expect(await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: w.sara } })).toMatchObject({ status: "waiting", waitingSince });
    expect(textsTo("console:sara")).toEqual([k("en", "erase.to_mentee")]);
    expect(textsTo(COORD)).toContain(da("erase.co_mentor_gone", { name: "Sara" }));
    // The mentee's messages are not swallowed: "sent" would be a lie.
    expect(await bot.ask("console:sara", "msg Hi Anna, are you there?")).toBe(k("en", "relay.ended"));
    // The coordinator's list no longer shows a pair with a missing half.
    const list = await bot.ask(COORD, "forløb");
    expect(list).not.toContain("Sara");
    expect(list).toContain("Mia");
    await expectQuietAfterwards(w.saraMatch, "console:sara");
  });
});

describe("erasing a mentee in a running mentorship", () => {
  it("ends it, tells the mentor and the coordinator, and frees the mentor's place", async () => {
    const anna = await w.mentor("anna");
    await erase("console:sara");
    await expectEndedByErasure(w.saraMatch);
    expect(textsTo("console:anna")).toEqual([da("erase.to_mentor")]);
    expect(textsTo(COORD)).toContain(da("erase.co_mentee_gone", { name: "Anna" }));
    expect(await bot.ask("console:anna", "besked Hej Sara")).toBe(da("relay.ended"));
    const pool = await loadPool(db.prisma, w.programmeId, T0);
    const capacity = (await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: anna } })).capacity;
    expect(pool.mentors.find((m) => m.id === anna)?.freeCapacity).toBe(capacity);
    await expectQuietAfterwards(w.saraMatch, "console:anna");
  });

  it("the paused mentorship of a mentor on holiday ends too", async () => {
    await bot.say(COORD, { action: `co:pm:${await w.mentor("anna")}:30` });
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: w.saraMatch } })).status).toBe("paused");
    await erase("console:sara");
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: w.saraMatch } })).toMatchObject({ status: "ended", endReason: "erased", pausedUntil: null });
    // When the mentor's holiday ends, the ended mentorship stays ended.
    bot.clock.set(new Date(T0.getTime() + 31 * DAY));
    await bot.app.tick();
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: w.saraMatch } })).status).toBe("ended");
  });
});

describe("erasing someone with an open proposal or offer", () => {
  it("a mentee's erasure closes the offer the mentor is looking at", async () => {
    const omar = await w.mentor("omar");
    await bot.say(COORD, { action: `prop:ok:${w.proposalId}` });
    expect(textsTo("console:omar")).toHaveLength(1);
    await erase("console:ali");
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: w.proposalId } })).toMatchObject({ status: "cancelled" });
    expect(textsTo("console:omar").slice(1)).toEqual([da("erase.offer_closed")]);
    expect(textsTo(COORD)).toContain(da("erase.co_proposal", { name: "Omar" }));
    // Saying yes now creates no mentorship with someone who is gone.
    expect((await bot.say("console:omar", { action: `off:y:${w.proposalId}` }))[0]!.text).toBe(da("offer.gone"));
    expect(await db.prisma.match.count({ where: { mentorId: omar, status: "active" } })).toBe(0);
  });

  it("a mentor's erasure sends the proposed mentee back to waiting", async () => {
    await erase("console:omar");
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: w.proposalId } })).toMatchObject({ status: "cancelled" });
    expect((await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: w.ali } })).status).toBe("waiting");
    expect(textsTo(COORD)).toContain(da("erase.co_proposal", { name: "Ali" }));
    // A mentee is never shown a proposal, so there is nothing to take back from Ali.
    expect(textsTo("console:ali")).toEqual([]);
  });
});

describe("the relay", () => {
  it("refuses a partner who is gone, even where the mentorship was never ended", async () => {
    // As rows erased before this fix were left: a running match with an anonymous partner.
    await db.prisma.match.update({ where: { id: w.miaMatch }, data: { mentorId: "anon-00000000-0000-0000-0000-000000000000" } });
    expect(await bot.ask("console:mia", "besked Hej")).toBe(da("relay.partner_gone"));
    expect(await db.prisma.outbox.count({ where: { kind: "relay" } })).toBe(0);
  });
});
