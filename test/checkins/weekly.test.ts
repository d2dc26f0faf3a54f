// Transcript tables for the weekly check-in through the real core and database: the scheduler's
// nudge, the mentor's and the mentee's answers step by step (both languages), "not this week",
// "I need help", a submitted form, and contact confirmed by both sides.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { checkinId } from "../../src/capabilities/checkins/messages.js";
import { contactSummary } from "../../src/capabilities/checkins/contact-summary.js";
import { formatHours } from "../../src/capabilities/checkins/steps.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { seedMatch, seedPerson, type SeededMatch } from "./seed.js";

type In = string | { action: string } | { action: string; fields: Record<string, string> };
type Row = [In, string | RegExp];

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
let m: SeededMatch;
const START = new Date("2026-11-23T08:00:00Z"); // Monday 09:00 in Copenhagen
const NUDGE = new Date("2026-11-30T09:00:00Z"); // the next Monday 10:00 in Copenhagen
const WEEK1 = "2026-W49";

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

async function setup(l: Locale): Promise<void> {
  await db.reset();
  bot = await createBotHarness(db);
  m = await seedMatch(db.prisma, { startedAt: START, locale: l });
}

async function play(from: string, rows: Row[]): Promise<void> {
  for (const [i, [input, expected]] of rows.entries()) {
    const replies = await bot.say(from, input as never);
    const text = replies.map((r) => r.text).join("\n---\n");
    if (typeof expected === "string") expect(text, `row ${i}: ${JSON.stringify(input)}`).toContain(expected);
    else expect(text, `row ${i}: ${JSON.stringify(input)}`).toMatch(expected);
  }
}

const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);
const cid = (who: "mentor" | "mentee", period = WEEK1) => checkinId(m.matchId, period, who === "mentor" ? m.mentorId : m.menteeId);

async function nudge(): Promise<void> {
  bot.clock.set(NUDGE);
  await bot.app.tick();
}

describe.each(["da", "en"] as const)("weekly check-in (%s)", (l) => {
  beforeEach(() => setup(l));

  it("nudges both sides once on the match's weekday at 10:00, not before", async () => {
    bot.clock.set(new Date(NUDGE.getTime() - 60_000));
    await bot.app.tick();
    expect(bot.delivered).toEqual([]);
    await nudge();
    await nudge();
    expect(bot.delivered.map((d) => [d.to, d.text])).toEqual([
      [m.mentor, k(l, "chk.ask_mentor", { name: "Sara" })],
      [m.mentee, k(l, "chk.ask_mentee", { name: "Anna" })],
    ]);
    expect(bot.delivered[0]!.buttons!.map((b) => b.action)).toEqual([
      `chk:y:${cid("mentor")}`,
      `chk:n:${cid("mentor")}`,
      `chk:h:${cid("mentor")}`,
      `chk:p:${m.matchId}`,
    ]);
    expect(bot.delivered[1]!.buttons!.map((b) => b.label)).toEqual([k(l, "chk.btn_yes"), k(l, "chk.btn_no"), k(l, "chk.btn_pause")]);
    expect(bot.delivered.every((d) => d.buttons!.every((b) => Buffer.byteLength(b.action) <= 64))).toBe(true);
  });

  it("mentor: yes → hours → topic → note; mentee: yes → hours → rating → need; contact is confirmed", async () => {
    await nudge();
    await play(m.mentor, [
      [{ action: `chk:y:${cid("mentor")}` }, k(l, "chk.hours")],
      [l === "da" ? "et stykke tid" : "a while", k(l, "chk.hours_reprompt")],
      [l === "da" ? "1,5" : "1.5", k(l, "chk.topic")],
      [{ action: "chka:cv" }, k(l, "chk.note")],
      [l === "da" ? "Vi skrev CV sammen" : "We wrote a CV", k(l, "chk.saved_met", { hours: formatHours(l, 1.5) })],
    ]);
    await play(m.mentee, [
      [{ action: `chk:y:${cid("mentee")}` }, k(l, "chk.hours")],
      [{ action: "chka:1.5" }, k(l, "chk.rating")],
      ["7", k(l, "chk.score_reprompt")],
      ["4", k(l, "chk.need")],
      [{ action: "chka:none" }, k(l, "chk.saved_met", { hours: formatHours(l, 1.5) })],
    ]);
    const rows = await db.prisma.checkIn.findMany({ orderBy: { role: "asc" } });
    expect(rows.map((r) => [r.role, r.status, r.met, r.hours, r.topic, r.rating])).toEqual([
      ["mentee", "answered", true, 1.5, null, 4],
      ["mentor", "answered", true, 1.5, "cv", null],
    ]);
    const s = await contactSummary(db.prisma, m.matchId);
    expect(s).toMatchObject({
      plannedHours: 24,
      reportedMentor: 1.5,
      reportedMentee: 1.5,
      confirmedHours: 1.5,
      oneSided: 0,
      disagreements: 0,
      lastConfirmedPeriod: WEEK1,
    });
    // The mentee's goals come from the intake at the first check-in.
    expect((await db.prisma.goal.findMany({ orderBy: { text: "asc" } })).map((g) => g.text)).toEqual(["internship", "job"]);
  });

  it("not this week with a reason, and the mentor's 'I need help' reaches a coordinator", async () => {
    const coord = await seedPerson(db.prisma, "Kim", ["coordinator"], l);
    await nudge();
    await play(m.mentor, [
      [{ action: `chk:h:${cid("mentor")}` }, k(l, "chk.help_sent")],
      [{ action: `chk:n:${cid("mentor")}` }, k(l, "chk.reason")],
      [{ action: "chka:illness" }, k(l, "chk.saved_no")],
    ]);
    await play(m.mentee, [
      [{ action: `chk:n:${cid("mentee")}` }, k(l, "chk.reason")],
      [l === "da" ? "Jeg var til lægen" : "I saw my doctor", k(l, "chk.need")],
      [l === "da" ? "Hjælp til at skrive en ansøgning" : "Help with writing an application", k(l, "chk.saved_no")],
    ]);
    const rows = await db.prisma.checkIn.findMany({ orderBy: { role: "asc" } });
    expect(rows.map((r) => [r.role, r.status, r.met, r.reason, r.needsHelp])).toEqual([
      ["mentee", "answered", false, l === "da" ? "Jeg var til lægen" : "I saw my doctor", false],
      ["mentor", "answered", false, "illness", true],
    ]);
    expect(rows[0]!.note).toMatch(/ans.gning|application/);
    const esc = await db.prisma.escalation.findMany();
    expect(esc.map((e) => [e.kind, e.matchId, e.personId])).toEqual([["mentor_needs_help", m.matchId, m.mentorId]]);
    await bot.app.tick();
    expect(bot.delivered.some((d) => d.to === coord.externalId)).toBe(true);
  });

  it("a submitted form (Slack modal, Teams card) answers in one go; the yes reply offers it", async () => {
    await nudge();
    const yes = await bot.say(m.mentor, { action: `chk:y:${cid("mentor")}` });
    expect(yes[0]!.form).toMatchObject({ id: `chkf:${cid("mentor")}`, title: k(l, "chk.form_title") });
    expect(yes[0]!.form!.fields.map((f) => f.name)).toEqual(["hours", "topic", "note"]);
    await play(m.mentor, [
      [{ action: `chkf:${cid("mentor")}`, fields: { hours: "2", topic: "network", note: "LinkedIn" } }, k(l, "chk.saved_met", { hours: "2" })],
    ]);
    const row = await db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid("mentor") } });
    expect([row.status, row.hours, row.topic, row.note]).toEqual(["answered", 2, "network", "LinkedIn"]);
  });
});

describe("answers that do not fit", () => {
  beforeEach(() => setup("da"));

  it("someone else's button is refused and changes nothing", async () => {
    await nudge();
    await play(m.mentee, [[{ action: `chk:y:${cid("mentor")}` }, k("da", "chk.not_yours")]]);
    await play(m.mentee, [[{ action: "chk:y:nope" }, k("da", "chk.gone")]]);
    expect((await db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid("mentor") } })).met).toBeNull();
  });

  it("one-sided and disagreeing reports are kept and counted, not confirmed", async () => {
    await nudge();
    await play(m.mentor, [
      [{ action: `chk:y:${cid("mentor")}` }, ""],
      ["3", ""],
      [{ action: "chka:skip" }, ""],
      [{ action: "chka:skip" }, ""],
    ]);
    await play(m.mentee, [
      [{ action: `chk:y:${cid("mentee")}` }, ""],
      ["1", ""],
      ["3", ""],
      ["nej", ""],
    ]);
    let s = await contactSummary(db.prisma, m.matchId);
    expect(s).toMatchObject({ reportedMentor: 3, reportedMentee: 1, confirmedHours: 0, disagreements: 1, oneSided: 0, lastConfirmedPeriod: null });
    // Next week only the mentor answers; the mentee's check-in runs out.
    bot.clock.set(new Date(NUDGE.getTime() + 7 * 864e5));
    await bot.app.tick();
    await play(m.mentor, [
      [{ action: `chk:y:${cid("mentor", "2026-W50")}` }, ""],
      ["2", ""],
    ]);
    bot.clock.set(new Date(NUDGE.getTime() + 14 * 864e5));
    await bot.app.tick();
    s = await contactSummary(db.prisma, m.matchId);
    expect(s).toMatchObject({ reportedMentor: 5, disagreements: 1, oneSided: 1, unansweredInARow: { mentor: 0, mentee: 1 } });
    expect(s.periods.map((p) => p.state)).toEqual(["disagreement", "one_sided", "open"]);
  });
});
