// Transcript tables over weeks: one gentle reminder, missed check-ins, the monthly self-assessment
// with goal progress, a pause and its end, extending, and the closing conversation with an outcome.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { checkinId, FINAL_PERIOD } from "../../src/capabilities/checkins/messages.js";
import { extendMatch } from "../../src/capabilities/checkins/lifecycle.js";
import { createCheckinsCapability } from "../../src/capabilities/checkins/capability.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { seedMatch, type SeededMatch } from "./seed.js";

type Row = [string | { action: string }, string | RegExp];

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
let m: SeededMatch;
const DAY = 864e5;
const START = new Date("2026-11-23T08:00:00Z"); // Monday 09:00 in Copenhagen
const NUDGE = new Date("2026-11-30T09:00:00Z"); // week 1: Monday 10:00 in Copenhagen

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

async function setup(l: Locale, endsAt?: Date): Promise<void> {
  await db.reset();
  // Only check-ins run on each tick: the scheduler is driven through weeks here.
  bot = await createBotHarness(db, { capabilities: [createCheckinsCapability] });
  m = await seedMatch(db.prisma, { startedAt: START, locale: l, ...(endsAt ? { endsAt } : {}) });
}

async function play(from: string, rows: Row[]): Promise<void> {
  for (const [i, [input, expected]] of rows.entries()) {
    const text = (await bot.say(from, input)).map((r) => r.text).join("\n---\n");
    if (typeof expected === "string") expect(text, `row ${i}: ${JSON.stringify(input)}`).toContain(expected);
    else expect(text, `row ${i}: ${JSON.stringify(input)}`).toMatch(expected);
  }
}

/** Moves the clock in steps of 3 hours (the console uses 1), running the scheduler each time. */
async function advanceTo(at: Date): Promise<void> {
  while (bot.clock.now() < at) {
    bot.clock.set(new Date(Math.min(at.getTime(), bot.clock.now().getTime() + 3 * 3_600_000)));
    await bot.app.tick();
  }
}

const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);
const cid = (who: "mentor" | "mentee", period: string) => checkinId(m.matchId, period, who === "mentor" ? m.mentorId : m.menteeId);
const textsTo = (to: string) => bot.delivered.filter((d) => d.to === to).map((d) => d.text);

describe.each(["da", "en"] as const)("over the weeks (%s)", { timeout: 120_000 }, (l) => {
  beforeEach(() => setup(l));

  it("one gentle reminder after 2 days, then the check-in counts as missed", async () => {
    await advanceTo(new Date(NUDGE.getTime() + 2 * DAY - 3_600_000));
    expect(textsTo(m.mentee)).toEqual([k(l, "chk.ask_mentee", { name: "Anna" })]);
    await advanceTo(new Date(NUDGE.getTime() + 6 * DAY));
    expect(textsTo(m.mentee)).toEqual([k(l, "chk.ask_mentee", { name: "Anna" }), k(l, "chk.remind_mentee", { name: "Anna" })]);
    await advanceTo(new Date(NUDGE.getTime() + 7 * DAY));
    const w49 = await db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid("mentee", "2026-W49") } });
    expect(w49.status).toBe("missed");
    expect(textsTo(m.mentee).at(-1)).toBe(k(l, "chk.ask_mentee", { name: "Anna" }));
    // A late answer to the old nudge still counts.
    await play(m.mentee, [[{ action: `chk:n:${cid("mentee", "2026-W49")}` }, k(l, "chk.reason")]]);
    expect((await db.prisma.checkIn.findUniqueOrThrow({ where: { id: w49.id } })).status).toBe("answered");
  });

  it("a pause: no check-ins until it ends, the other side is told, history is kept", async () => {
    await advanceTo(NUDGE);
    await play(m.mentor, [
      [{ action: `chk:p:${m.matchId}` }, k(l, "chk.pause_weeks")],
      ["9", k(l, "chk.weeks_reprompt")],
      [{ action: "chka:2" }, k(l, "chk.paused", { date: "14.12.2026" })],
      [{ action: "chka:holiday" }, k(l, "chk.pause_thanks")],
    ]);
    await advanceTo(new Date(NUDGE.getTime() + 13 * DAY));
    expect(textsTo(m.mentee)).toEqual([k(l, "chk.ask_mentee", { name: "Anna" }), k(l, "chk.paused_other", { name: "Anna", date: "14.12.2026" })]);
    expect(await db.prisma.checkIn.count({ where: { period: { in: ["2026-W50"] } } })).toBe(0);
    await advanceTo(new Date(NUDGE.getTime() + 14 * DAY));
    expect(textsTo(m.mentor).at(-1)).toBe(k(l, "chk.ask_mentor", { name: "Sara" }));
    const history = await db.prisma.matchEvent.findMany({ where: { matchId: m.matchId }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.from, h.to, h.reason])).toEqual([
      ["active", "paused", "holiday"],
      ["paused", "active", "pause_over"],
    ]);
  });

  it("the monthly self-assessment and goal progress come with the 4th week's check-in", async () => {
    const week4 = new Date(NUDGE.getTime() + 21 * DAY);
    await advanceTo(week4);
    const p = "2026-W52";
    await play(m.mentee, [
      [{ action: `chk:y:${cid("mentee", p)}` }, k(l, "chk.hours")],
      ["1", k(l, "chk.rating")],
      ["5", k(l, "chk.need")],
      [{ action: "chka:none" }, k(l, "chk.monthly_intro")],
      ["4", k(l, "mentee.self_clarity")],
      ["3", k(l, "mentee.self_network")],
      ["2", k(l, "chk.goal", { goal: k(l, "opt.goals.internship") })],
      ["2", k(l, "chk.goal", { goal: k(l, "opt.goals.job") })],
      ["5", k(l, "chk.saved_met", { hours: "1" })],
    ]);
    const sa = await db.prisma.selfAssessment.findMany();
    expect(sa.map((s) => [s.kind, s.matchId, s.scores])).toEqual([["monthly", m.matchId, { confidence: 4, clarity: 3, network: 2 }]]);
    expect((await db.prisma.goal.findMany({ orderBy: { text: "asc" } })).map((g) => [g.text, g.progress, g.status])).toEqual([
      ["internship", 2, "open"],
      ["job", 5, "reached"],
    ]);
    // The week after: no self-assessment again.
    await advanceTo(new Date(week4.getTime() + 7 * DAY));
    await play(m.mentee, [
      [{ action: `chk:n:${cid("mentee", "2026-W53")}` }, ""],
      [{ action: "chka:skip" }, k(l, "chk.need")],
      [{ action: "chka:none" }, k(l, "chk.saved_no")],
    ]);
  });
});

describe.each(["da", "en"] as const)("closing (%s)", { timeout: 120_000 }, (l) => {
  const END = new Date("2027-01-11T09:00:00Z");
  beforeEach(() => setup(l, END));

  it("at the end both get the closing conversation; the outcome, final self-assessment and feedback are stored", async () => {
    await advanceTo(new Date(END.getTime() - 3_600_000));
    await extendMatch(db.prisma, m.matchId, 1, "needs one more week", "coordinator-1", bot.clock.now());
    await advanceTo(new Date(END.getTime() + 3_600_000));
    expect(textsTo(m.mentee).filter((x) => x.includes(k(l, "chk.ask_close_mentee", { name: "Anna" })))).toEqual([]);
    await advanceTo(new Date(END.getTime() + 7 * DAY));
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: m.matchId } })).status).toBe("ended");
    const closeMentee = bot.delivered.filter((d) => d.to === m.mentee).at(-1)!;
    expect(closeMentee.text).toBe(k(l, "chk.ask_close_mentee", { name: "Anna" }));
    expect(closeMentee.buttons!.map((b) => b.label)).toContain(k(l, "chk.outcome.wage_subsidy"));
    await play(m.mentee, [
      [{ action: `chk:o:${cid("mentee", FINAL_PERIOD)}:internship` }, k(l, "chk.outcome_date")],
      [l === "da" ? "1. marts" : "March 1", k(l, "chk.final_intro")],
      ["4", ""],
      ["4", ""],
      ["5", k(l, "chk.final_rating")],
      ["5", k(l, "chk.feedback")],
      [l === "da" ? "Anna var god til at lytte" : "Anna listened well", k(l, "chk.close_done")],
    ]);
    await play(m.mentor, [
      [{ action: `chk:s:${cid("mentor", FINAL_PERIOD)}:4` }, k(l, "chk.feedback")],
      [{ action: "chka:skip" }, k(l, "chk.close_done")],
    ]);
    const outcome = await db.prisma.outcome.findUniqueOrThrow({ where: { matchId: m.matchId } });
    expect([outcome.category, outcome.date.toISOString().slice(0, 10), outcome.menteeId]).toEqual(["internship", "2027-03-01", m.menteeId]);
    expect((await db.prisma.selfAssessment.findFirstOrThrow({ where: { kind: "final" } })).scores).toEqual({ confidence: 4, clarity: 4, network: 5 });
    const finals = await db.prisma.checkIn.findMany({ where: { period: FINAL_PERIOD }, orderBy: { role: "asc" } });
    expect(finals.map((f) => [f.role, f.status, f.rating, f.note])).toEqual([
      ["mentee", "answered", 5, l === "da" ? "Anna var god til at lytte" : "Anna listened well"],
      ["mentor", "answered", 4, null],
    ]);
    const history = await db.prisma.matchEvent.findMany({ where: { matchId: m.matchId }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.to, h.reason])).toEqual([
      ["extended", "needs one more week"],
      ["ended", "completed"],
    ]);
    // No more weekly nudges after the end.
    const before = bot.delivered.length;
    await advanceTo(new Date(END.getTime() + 21 * DAY));
    expect(bot.delivered.slice(before).map((d) => d.text)).toEqual([]);
  });
});
