// Transcript tables for check-ins in people's own words, through the real bot and database: a typed
// answer to the weekly question ("ja vi mødtes 1,5 time", "nej ikke i denne uge", "halvanden
// time") does what its buttons do, and only while a question waits; a meeting told without being
// asked ("vi mødtes i går i 2 timer") becomes the check-in of the week it was in (Danish time).
// When the bot asks "Mente du …?", the test presses Yes; the end result is checked in the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { checkinId } from "../../src/capabilities/checkins/messages.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { seedMatch, seedPerson, type SeededMatch } from "../checkins/seed.js";

type In = string | { action: string };
type Row = [In, string | RegExp | string[]];

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
let m: SeededMatch;
const START = new Date("2026-11-23T08:00:00Z"); // Monday 09:00 in Copenhagen (week 48)
const MONDAY_EARLY = new Date("2026-11-29T23:30:00Z"); // Monday 00:30 in Copenhagen (still Sunday in UTC), week 49
const NUDGE = new Date("2026-11-30T09:00:00Z"); // Monday 10:00: the week-49 nudge
const WEDNESDAY = new Date("2026-12-02T10:00:00Z"); // Wednesday 11:00, week 49
const W48 = "2026-W48";
const W49 = "2026-W49";

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

async function setup(l: Locale): Promise<void> {
  await db.reset();
  bot = await createBotHarness(db);
  m = await seedMatch(db.prisma, { startedAt: START, locale: l });
}

/** Sends one message; a "did you mean …?" is answered Yes, as the person would. */
async function send(from: string, input: In): Promise<OutboundMessage[]> {
  const out = await bot.say(from, input as never);
  if (out.some((r) => r.buttons?.some((b) => b.action === "und:yes"))) return bot.say(from, { action: "und:yes" });
  return out;
}

async function play(from: string, rows: Row[]): Promise<OutboundMessage[]> {
  let last: OutboundMessage[] = [];
  for (const [i, [input, expected]] of rows.entries()) {
    last = await send(from, input);
    const text = last.map((r) => r.text).join("\n---\n");
    const what = `row ${i}: ${JSON.stringify(input)}`;
    if (typeof expected === "string") expect(text, what).toContain(expected);
    else if (Array.isArray(expected)) for (const e of expected) expect(text, what).toContain(e);
    else expect(text, what).toMatch(expected);
  }
  return last;
}

const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);
const cid = (who: "mentor" | "mentee", period = W49) => checkinId(m.matchId, period, who === "mentor" ? m.mentorId : m.menteeId);
const rows = () => db.prisma.checkIn.findMany({ orderBy: [{ period: "asc" }, { role: "asc" }] });
const facts = async () => (await rows()).map((r) => [r.period, r.role, r.status, r.met, r.hours]);

async function nudge(): Promise<void> {
  bot.clock.set(NUDGE);
  await bot.app.tick();
}

const SAID = {
  da: {
    yesHours: "ja vi mødtes 1,5 time",
    no: "nej ikke i denne uge",
    yes: "ja",
    hoursInWords: "halvanden time",
    metYesterday: "vi mødtes i går i 2 timer",
    metToday: "vi har mødtes i dag i 2 timer",
    metNoHours: "vi sås i går",
    metMonday: "vi mødtes i mandags i en time",
    mondayHours: 1,
  },
  en: {
    yesHours: "yes we met for 1.5 hours",
    no: "no, not this week",
    yes: "yes",
    hoursInWords: "an hour and a half",
    metYesterday: "we met yesterday for 2 hours",
    metToday: "we met today for 2 hours",
    metNoHours: "we met yesterday",
    metMonday: "had coffee with my mentee on Monday, 1.5 hours",
    mondayHours: 1.5,
  },
} as const;

describe.each(["da", "en"] as const)("a typed answer to the weekly check-in (%s)", (l) => {
  const say = SAID[l];
  const dur = (h: number) => k(l, h === 1 ? "chk.one_hour" : "chk.n_hours", { hours: l === "da" ? String(h).replace(".", ",") : String(h) });
  beforeEach(() => setup(l));

  it("with the question open: yes with hours goes on to the follow-up questions, as the buttons do", async () => {
    await nudge();
    await play(m.mentor, [
      [say.yesHours, k(l, "chk.topic")],
      [{ action: "chka:cv" }, k(l, "chk.note")],
      [{ action: "chka:skip" }, k(l, "chk.saved_met", { hours: l === "da" ? "1,5" : "1.5" })],
    ]);
    const row = await db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid("mentor") } });
    expect([row.status, row.met, row.hours, row.topic]).toEqual(["answered", true, 1.5, "cv"]);
    // Answered: "yes" is no answer to anything any more.
    await play(m.mentor, [[say.yes, k(l, "understand.menu")]]);
    expect((await db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid("mentor") } })).hours).toBe(1.5);
  });

  it("with the question open: no asks the reason; a bare yes asks the hours, which can come in words", async () => {
    await nudge();
    await play(m.mentee, [
      [say.no, k(l, "chk.reason")],
      [{ action: "chka:busy" }, k(l, "chk.need")],
      [{ action: "chka:none" }, k(l, "chk.saved_no")],
    ]);
    const yes = await play(m.mentor, [[say.yes, k(l, "chk.hours")]]);
    expect(yes[0]!.form?.id).toBe(`chkf:${cid("mentor")}`);
    await play(m.mentor, [
      [say.hoursInWords, k(l, "chk.topic")],
      [{ action: "chka:skip" }, k(l, "chk.note")],
      [{ action: "chka:skip" }, k(l, "chk.saved_met", { hours: l === "da" ? "1,5" : "1.5" })],
    ]);
    expect(await facts()).toEqual([
      [W49, "mentee", "answered", false, null],
      [W49, "mentor", "answered", true, 1.5],
    ]);
    expect((await db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid("mentee") } })).reason).toBe("busy");
  });

  it("with the question open: hours alone answer it, and a meeting yesterday answers it too", async () => {
    await nudge();
    await play(m.mentee, [
      [say.hoursInWords, k(l, "chk.rating")],
      ["4", k(l, "chk.need")],
      [{ action: "chka:none" }, k(l, "chk.saved_met", { hours: l === "da" ? "1,5" : "1.5" })],
    ]);
    await play(m.mentor, [
      [say.metYesterday, k(l, "chk.topic")],
      [{ action: "chka:skip" }, k(l, "chk.note")],
      [{ action: "chka:skip" }, k(l, "chk.saved_met", { hours: 2 })],
    ]);
    expect(await facts()).toEqual([
      [W49, "mentee", "answered", true, 1.5],
      [W49, "mentor", "answered", true, 2],
    ]);
  });

  it("a mentor with two open questions is asked whom the answer is about", async () => {
    const omar = await seedPerson(db.prisma, "Omar", ["mentee"], l);
    const second = await db.prisma.match.create({
      data: { programmeId: m.programmeId, menteeId: omar.id, mentorId: m.mentorId, startedAt: START, endsAt: new Date(START.getTime() + 180 * 864e5) },
    });
    await nudge();
    const ask = await play(m.mentor, [[say.yesHours, k(l, "chk.answer_which")]]);
    expect(ask[0]!.buttons!.map((b) => b.label).sort()).toEqual(["Omar", "Sara"]);
    const omarButton = ask[0]!.buttons!.find((b) => b.label === "Omar")!;
    await play(m.mentor, [
      [{ action: omarButton.action }, k(l, "chk.topic")],
      [{ action: "chka:skip" }, k(l, "chk.note")],
      [{ action: "chka:skip" }, k(l, "chk.saved_met", { hours: l === "da" ? "1,5" : "1.5" })],
    ]);
    const mine = await db.prisma.checkIn.findMany({ where: { personId: m.mentorId }, orderBy: { status: "asc" } });
    expect(mine.map((r) => [r.matchId, r.status, r.hours])).toEqual([
      [second.id, "answered", 1.5],
      [m.matchId, "pending", null],
    ]);
    // The button is spent once answered.
    await play(m.mentor, [[{ action: omarButton.action }, k(l, "chk.gone")]]);
  });

  it("with no question open: yes and no are not answers, and nothing is written", async () => {
    bot.clock.set(WEDNESDAY);
    await play(m.mentee, [
      [say.no, k(l, "understand.menu")],
      [say.yes, k(l, "understand.menu")],
      [say.hoursInWords, k(l, "understand.menu")],
    ]);
    expect(await rows()).toEqual([]);
  });

  it("with no question open: 'yes we met 1.5 hours' is taken as a meeting this week", async () => {
    bot.clock.set(WEDNESDAY);
    await play(m.mentor, [[say.yesHours, k(l, "chk.meeting_saved", { when: k(l, "chk.when.week"), duration: dur(1.5) })]]);
    expect(await facts()).toEqual([[W49, "mentor", "answered", true, 1.5]]);
  });

  it("a question queued but not sent yet is not open", async () => {
    await nudge();
    // The mentor's nudge still waits in the outbox (e.g. held for the end of quiet hours).
    await db.prisma.outbox.updateMany({
      where: { recipient: m.mentorId },
      data: { status: "pending", sentAt: null, dueAt: new Date(NUDGE.getTime() + 864e5) },
    });
    await play(m.mentor, [[say.no, k(l, "understand.menu")]]);
    await play(m.mentee, [[say.no, k(l, "chk.reason")]]);
    expect(await facts()).toEqual([
      [W49, "mentee", "answered", false, null],
      [W49, "mentor", "pending", null, null],
    ]);
  });
});

describe.each(["da", "en"] as const)("a meeting told without being asked (%s)", (l) => {
  const say = SAID[l];
  const dur = (h: number) => k(l, h === 1 ? "chk.one_hour" : "chk.n_hours", { hours: l === "da" ? String(h).replace(".", ",") : String(h) });
  beforeEach(() => setup(l));

  it("'we met yesterday for 2 hours' is noted on that week's check-in, in plain words", async () => {
    bot.clock.set(WEDNESDAY);
    const out = await play(m.mentor, [[say.metYesterday, k(l, "chk.meeting_saved", { when: k(l, "chk.when.yesterday"), duration: dur(2) })]]);
    if (l === "da") expect(out[0]!.text).toBe("Tak! Jeg har skrevet ned, at I mødtes i går i 2 timer.");
    expect(await facts()).toEqual([[W49, "mentor", "answered", true, 2]]);
    // The same id a nudge would have: the week's nudge does not ask the mentor again.
    expect((await rows())[0]!.id).toBe(cid("mentor"));
  });

  it("the week is the one the meeting was in (Danish time): yesterday on a Monday is last week", async () => {
    bot.clock.set(MONDAY_EARLY);
    await play(m.mentor, [[say.metYesterday, k(l, "chk.when.yesterday")]]);
    await play(m.mentee, [[say.metToday, k(l, "chk.meeting_saved", { when: k(l, "chk.when.today"), duration: dur(2) })]]);
    expect(await facts()).toEqual([
      [W48, "mentor", "answered", true, 2],
      [W49, "mentee", "answered", true, 2],
    ]);
    // This week's nudge goes to the mentor only: the mentee already told about this week.
    await nudge();
    expect(bot.delivered.map((d) => d.to)).toEqual([m.mentor]);
  });

  it("a weekday is the last such day; a meeting without hours asks for them, as the check-in does", async () => {
    bot.clock.set(WEDNESDAY);
    await play(m.mentee, [[say.metMonday, k(l, "chk.meeting_saved", { when: k(l, "chk.when.1"), duration: dur(say.mondayHours) })]]);
    await play(m.mentor, [
      [say.metNoHours, k(l, "chk.hours")],
      [l === "da" ? "et stykke tid" : "a while", k(l, "chk.hours_reprompt")],
      ["2", k(l, "chk.meeting_saved", { when: k(l, "chk.when.yesterday"), duration: dur(2) })],
    ]);
    expect(await facts()).toEqual([
      [W49, "mentee", "answered", true, say.mondayHours],
      [W49, "mentor", "answered", true, 2],
    ]);
  });

  it("a mentor with two mentees is asked which one", async () => {
    const other = await seedPerson(db.prisma, "Omar", ["mentee"], l);
    const second = await db.prisma.match.create({
      data: { programmeId: m.programmeId, menteeId: other.id, mentorId: m.mentorId, startedAt: START, endsAt: new Date(START.getTime() + 180 * 864e5) },
    });
    bot.clock.set(WEDNESDAY);
    const ask = await play(m.mentor, [[say.metYesterday, k(l, "chk.meeting_which")]]);
    expect(ask[0]!.buttons!.map((b) => b.label)).toEqual(["Sara", "Omar"]);
    await play(m.mentor, [[{ action: ask[0]!.buttons![1]!.action }, k(l, "chk.meeting_saved", { when: k(l, "chk.when.yesterday"), duration: dur(2) })]]);
    const written = await db.prisma.checkIn.findMany();
    expect(written.map((r) => [r.matchId, r.period, r.hours])).toEqual([[second.id, W49, 2]]);
  });

  it("without an active mentorship the answer is kind and nothing is written", async () => {
    const alone = await seedPerson(db.prisma, "Lina", ["mentee"], l);
    await db.prisma.match.update({ where: { id: m.matchId }, data: { status: "ended", endedAt: START } });
    bot.clock.set(WEDNESDAY);
    await play(alone.externalId, [[say.metYesterday, k(l, "chk.meeting_no_match")]]);
    await play(m.mentee, [[say.metYesterday, k(l, "chk.meeting_no_match")]]);
    expect(await rows()).toEqual([]);
  });
});
