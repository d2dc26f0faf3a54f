// Transcript tables for an outcome told in people's own words ("jeg har fået job!!", "I got an
// internship", "min mentee har fået praktik"), through the real bot and database: a warm
// congratulation, the outcome written on the mentorship as reported (not confirmed), a notice to
// the coordinators with a Confirm button, and the report counting it only once confirmed. Without a
// kind the person is asked which; without a mentorship the coordinators are still told.
// When the bot asks "Mente du …?", the test presses Yes; the end result is checked in the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { computeReport, parsePeriod } from "../../src/capabilities/reports/index.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { seedMatch, seedPerson, type SeededMatch } from "../checkins/seed.js";

type In = string | { action: string };

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
let m: SeededMatch;
let coord: { id: string; externalId: string };
const START = new Date("2026-11-23T08:00:00Z");
const NOW = new Date("2026-12-02T10:00:00Z"); // Wednesday 11:00 in Copenhagen
const TODAY = new Date("2026-12-02T00:00:00Z");

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

async function setup(l: Locale): Promise<void> {
  await db.reset();
  bot = await createBotHarness(db);
  m = await seedMatch(db.prisma, { startedAt: START, locale: l });
  coord = await seedPerson(db.prisma, "Kim", ["coordinator"], l);
  bot.clock.set(NOW);
  seen = 0;
}

/** Sends one message; a "did you mean …?" is answered Yes, as the person would. */
async function send(from: string, input: In): Promise<string> {
  let out: OutboundMessage[] = await bot.say(from, input as never);
  if (out.some((r) => r.buttons?.some((b) => b.action === "und:yes"))) out = await bot.say(from, { action: "und:yes" });
  last = out;
  return out.map((r) => r.text).join("\n---\n");
}
let last: OutboundMessage[] = [];

const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);
const outcomes = () => db.prisma.outcome.findMany();
const counted = async () => (await computeReport(db.prisma, parsePeriod("", bot.clock.now())!, bot.clock.now())).overall.outcomes;

let seen = 0;
/** What the coordinator was sent since the last call. */
async function coordinatorInbox(): Promise<OutboundMessage[]> {
  await bot.app.tick();
  const fresh = bot.delivered.slice(seen);
  seen = bot.delivered.length;
  return fresh.filter((d) => d.to === coord.externalId);
}

const SAID = {
  da: {
    job: "jeg har fået job!!",
    internship: "jeg har fået praktik",
    noKind: "Godt nyt! Jeg har fået noget",
    mentorInternship: "min mentee har fået praktik",
    typedEducation: "uddannelse",
  },
  en: {
    job: "I got a job!",
    internship: "I got an internship",
    noKind: "I got it!!",
    mentorInternship: "my mentee got an internship",
    typedEducation: "education",
  },
} as const;

describe.each(["da", "en"] as const)("an outcome told in a chat (%s)", (l) => {
  const say = SAID[l];
  beforeEach(() => setup(l));

  it("a matched mentee is congratulated; the coordinators confirm it, and only then the report counts it", async () => {
    expect(await send(m.mentee, say.job)).toBe(k(l, "chk.outcome_congrats", { what: k(l, "chk.what.job") }));
    expect((await outcomes()).map((o) => [o.matchId, o.menteeId, o.category, o.recordedBy, o.confirmedAt, o.date])).toEqual([
      [m.matchId, m.menteeId, "job", m.menteeId, null, TODAY],
    ]);
    expect((await counted()).n).toBe(0);
    const [notice, ...more] = await coordinatorInbox();
    expect(more).toEqual([]);
    expect(notice!.text).toBe(k(l, "chk.outcome_notice_mentee", { mentee: "Sara", mentor: "Anna", category: k(l, "chk.outcome.job") }));
    expect(notice!.buttons!.map((b) => [b.action, b.label])).toEqual([
      [`co:ocf:${m.matchId}:job`, k(l, "chk.btn_confirm_outcome")],
      [`co:out:${m.matchId}`, k(l, "chk.btn_fix_outcome")],
    ]);
    // The coordinator's view marks it as not confirmed yet.
    expect(await send(coord.externalId, { action: `co:m:${m.matchId}` })).toContain(`${k(l, "rep.cat.job")} (2026-12-02) ${k(l, "co.outcome_unconfirmed")}`);
    expect(await send(coord.externalId, { action: notice!.buttons![0]!.action })).toBe(
      k(l, "co.outcome_confirmed", { name: "Sara", category: k(l, "rep.cat.job"), date: "2026-12-02" }),
    );
    const [o] = await outcomes();
    expect([o!.category, o!.confirmedBy, o!.confirmedAt]).toEqual(["job", coord.id, NOW]);
    expect(await counted()).toMatchObject({ n: 1, byCategory: { job: 1 } });
    expect(await send(coord.externalId, { action: notice!.buttons![0]!.action })).toContain(
      k(l, "co.outcome_already_confirmed", { name: "Sara", category: k(l, "rep.cat.job"), date: "2026-12-02" }),
    );
    // Told again once confirmed: congratulated, no second notice.
    expect(await send(m.mentee, say.job)).toBe(k(l, "chk.outcome_known", { what: k(l, "chk.what.job") }));
    expect(await coordinatorInbox()).toEqual([]);
  });

  it("without a kind the mentee is asked which, with buttons; typed words answer too", async () => {
    expect(await send(m.mentee, say.noKind)).toBe(k(l, "chk.outcome_which"));
    expect(last[0]!.buttons!.map((b) => b.label)).toEqual(["job", "education", "internship", "wage_subsidy"].map((c) => k(l, `chk.outcome.${c}`)));
    expect(await send(m.mentee, { action: "chka:internship" })).toBe(k(l, "chk.outcome_congrats", { what: k(l, "chk.what.internship") }));
    expect((await outcomes()).map((o) => [o.category, o.confirmedAt])).toEqual([["internship", null]]);
    // The menu's button has no details either; a typed kind answers the question.
    expect(await send(m.mentee, { action: "intent:outcome" })).toBe(k(l, "chk.outcome_which"));
    expect(await send(m.mentee, l === "da" ? "ved ikke" : "not sure")).toContain(k(l, "chk.outcome_reprompt"));
    expect(await send(m.mentee, say.typedEducation)).toBe(k(l, "chk.outcome_congrats", { what: k(l, "chk.what.education") }));
    expect((await outcomes()).map((o) => [o.category, o.confirmedAt])).toEqual([["education", null]]);
    // Two notices: one for each kind told, each with its own Confirm.
    const inbox = await coordinatorInbox();
    expect(inbox.map((n) => n.buttons![0]!.action)).toEqual([`co:ocf:${m.matchId}:internship`, `co:ocf:${m.matchId}:education`]);
    // The stale one no longer confirms anything: the coordinator sees what is stored now.
    expect(await send(coord.externalId, { action: inbox[0]!.buttons![0]!.action })).toContain(
      k(l, "co.outcome_changed", { name: "Sara", category: k(l, "rep.cat.education"), date: "2026-12-02" }),
    );
    expect((await counted()).n).toBe(0);
    // Correcting it with the category buttons confirms it.
    await send(coord.externalId, { action: `co:oc:${m.matchId}:job` });
    expect((await outcomes()).map((o) => [o.category, o.confirmedBy])).toEqual([["job", coord.id]]);
    expect(await counted()).toMatchObject({ n: 1, byCategory: { job: 1, education: 0 } });
  });

  it("a mentor may tell their mentee's outcome", async () => {
    expect(await send(m.mentor, say.mentorInternship)).toBe(k(l, "chk.outcome_congrats_mentor", { name: "Sara", what: k(l, "chk.what.internship") }));
    expect((await outcomes()).map((o) => [o.menteeId, o.category, o.recordedBy, o.confirmedAt])).toEqual([[m.menteeId, "internship", m.mentorId, null]]);
    const [notice] = await coordinatorInbox();
    expect(notice!.text).toBe(k(l, "chk.outcome_notice_mentor", { mentee: "Sara", mentor: "Anna", category: k(l, "chk.outcome.internship") }));
    await send(coord.externalId, { action: notice!.buttons![0]!.action });
    expect(await counted()).toMatchObject({ n: 1, byCategory: { internship: 1 } });
  });

  it("a mentor with two mentees is asked whose outcome it is", async () => {
    const omar = await seedPerson(db.prisma, "Omar", ["mentee"], l);
    const second = await db.prisma.match.create({
      data: { programmeId: m.programmeId, menteeId: omar.id, mentorId: m.mentorId, startedAt: NOW, endsAt: new Date(NOW.getTime() + 180 * 864e5) },
    });
    expect(await send(m.mentor, say.mentorInternship)).toBe(k(l, "chk.outcome_whose"));
    expect(last[0]!.buttons!.map((b) => b.label)).toEqual(["Omar", "Sara"]);
    expect(await send(m.mentor, { action: last[0]!.buttons![0]!.action })).toBe(
      k(l, "chk.outcome_congrats_mentor", { name: "Omar", what: k(l, "chk.what.internship") }),
    );
    expect((await outcomes()).map((o) => [o.matchId, o.menteeId, o.category, o.confirmedAt])).toEqual([[second.id, omar.id, "internship", null]]);
    // Someone else's mentorship cannot be picked.
    expect(await send(omar.externalId, { action: `chki:o:${m.matchId}:job` })).toBe(k(l, "chk.gone"));
    expect(await outcomes()).toHaveLength(1);
  });

  it("a recently ended mentorship still gets the outcome; with none the coordinators are told all the same", async () => {
    await db.prisma.match.update({ where: { id: m.matchId }, data: { status: "ended", endedAt: new Date(NOW.getTime() - 30 * 864e5) } });
    expect(await send(m.mentee, say.internship)).toBe(k(l, "chk.outcome_congrats", { what: k(l, "chk.what.internship") }));
    expect((await outcomes()).map((o) => [o.matchId, o.category])).toEqual([[m.matchId, "internship"]]);

    const alone = await seedPerson(db.prisma, "Lina", ["mentee"], l);
    expect(await send(alone.externalId, say.job)).toBe(k(l, "chk.outcome_congrats", { what: k(l, "chk.what.job") }));
    expect(await db.prisma.outcome.count({ where: { menteeId: alone.id } })).toBe(0);
    const inbox = await coordinatorInbox();
    expect(inbox.map((n) => n.text)).toEqual([
      k(l, "chk.outcome_notice_mentee", { mentee: "Sara", mentor: "Anna", category: k(l, "chk.outcome.internship") }),
      k(l, "chk.outcome_notice_nomatch", { name: "Lina", category: k(l, "chk.outcome.job") }),
    ]);
    expect(inbox[1]!.buttons!.map((b) => b.action)).toEqual([`co:p:${alone.id}`]);
  });

  it("a mentorship that ended long ago is not the outcome's: the coordinators are told", async () => {
    await db.prisma.match.update({ where: { id: m.matchId }, data: { status: "ended", endedAt: new Date(NOW.getTime() - 300 * 864e5) } });
    expect(await send(m.mentee, say.job)).toBe(k(l, "chk.outcome_congrats", { what: k(l, "chk.what.job") }));
    expect(await outcomes()).toEqual([]);
    expect((await coordinatorInbox()).map((n) => n.text)).toEqual([k(l, "chk.outcome_notice_nomatch", { name: "Sara", category: k(l, "chk.outcome.job") })]);
  });
});
