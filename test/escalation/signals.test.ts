// Every stalled-mentorship signal, raised by moving the clock and running the scheduler: once per
// occurrence, with the programme's thresholds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { markNeedsProfessional } from "../../src/capabilities/escalation/professional.js";
import { raiseEscalation } from "../../src/infra/alerts/raise.js";
import { openTestDb } from "../helpers/test-db.js";
import { addMatch, addPerson, createEscBot, DAY, HOUR, T0, type EscBot } from "./harness.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: EscBot;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createEscBot(db);
  await addPerson(db, "kim", { roles: ["coordinator"], name: "Kim" });
});

/** Escalation kinds raised so far, oldest first; `ignore` leaves out signals a test is not about. */
const kinds = async (ignore: string[] = []) =>
  (await db.prisma.escalation.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.kind).filter((k) => !ignore.includes(k));
const alerts = () => bot.to("console:kim").filter((m) => m.text.startsWith("⚠️"));
const alertFor = (kind: string) => alerts().filter((m) => m.text.includes(t("da", `esc.kind.${kind}`)));

type CheckInData = { status: string; met?: boolean; hours?: number; rating?: number; needsHelp?: boolean };
async function checkIn(matchId: string, personId: string, role: "mentor" | "mentee", period: string, data: CheckInData) {
  return db.prisma.checkIn.create({ data: { matchId, personId, role, period, createdAt: T0, ...data } });
}

describe("no confirmed contact", () => {
  it("alerts after 3 weeks without a confirmed meeting, once, and again after a new silent stretch", async () => {
    const m = await addMatch(db, bot.programmeId, T0);
    await bot.advance(3 * 7 * DAY - HOUR);
    expect(await kinds()).toEqual([]);
    await bot.advance(HOUR);
    expect(await kinds()).toEqual(["no_contact"]);
    expect(alertFor("no_contact")).toHaveLength(1);
    expect(alertFor("no_contact")[0]!.text).toContain(t("da", "esc.who.match"));
    await bot.advance(7 * DAY);
    expect(await kinds()).toEqual(["no_contact"]);

    // They meet in week 51 (both say so, hours within tolerance): a new count starts after it.
    await checkIn(m.matchId, m.mentorId, "mentor", "2026-W51", { status: "answered", met: true, hours: 2 });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W51", { status: "answered", met: true, hours: 2.5 });
    // Week 52 starts Monday 2026-12-21; three weeks later is 2027-01-11.
    bot.clock.set(new Date("2027-01-10T23:00:00Z"));
    await bot.app.tick();
    expect(await kinds()).toEqual(["no_contact"]);
    bot.clock.set(new Date("2027-01-11T00:00:00Z"));
    await bot.app.tick();
    expect(await kinds()).toEqual(["no_contact", "no_contact"]);
  });

  it("does not count a meeting the two sides disagree on, and follows the programme's threshold", async () => {
    await db.prisma.programme.updateMany({ data: { thresholds: { noContactWeeks: 2 } } });
    const m = await addMatch(db, bot.programmeId, T0);
    await checkIn(m.matchId, m.mentorId, "mentor", "2026-W48", { status: "answered", met: true, hours: 4 });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W48", { status: "answered", met: true, hours: 1 });
    await bot.advance(2 * 7 * DAY);
    expect(await kinds()).toEqual(["no_contact"]);
  });
});

describe("unanswered check-ins", () => {
  it("alerts on two missed in a row from one side, once per run", async () => {
    const m = await addMatch(db, bot.programmeId, new Date(T0.getTime() - 14 * DAY));
    await checkIn(m.matchId, m.mentorId, "mentor", "2026-W46", { status: "missed" });
    await checkIn(m.matchId, m.mentorId, "mentor", "2026-W47", { status: "answered", met: false });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W46", { status: "missed" });
    await bot.advance(HOUR);
    expect(await kinds()).toEqual([]);
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W47", { status: "missed" });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W48", { status: "pending" }); // this week: not due yet
    await bot.advance(HOUR);
    const esc = await db.prisma.escalation.findFirstOrThrow();
    expect(esc).toMatchObject({ kind: "unanswered_checkins", personId: m.menteeId, matchId: m.matchId, source: "checkin" });
    expect(alertFor("unanswered_checkins")[0]!.text).toContain(t("da", "esc.who.mentee"));
    // The run grows: still the same occurrence.
    await db.prisma.checkIn.updateMany({ where: { period: "2026-W48", role: "mentee" }, data: { status: "missed" } });
    await bot.advance(HOUR);
    expect(await kinds()).toEqual(["unanswered_checkins"]);
  });
});

describe("falling well-being", () => {
  it("alerts when the mentee's meeting ratings fall three weeks in a row", async () => {
    const m = await addMatch(db, bot.programmeId, new Date(T0.getTime() - 14 * DAY));
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W45", { status: "answered", met: true, hours: 1, rating: 5 });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W46", { status: "answered", met: true, hours: 1, rating: 4 });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W47", { status: "answered", met: true, hours: 1, rating: 4 });
    await bot.advance(HOUR);
    expect(await kinds()).toEqual([]);
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W48", { status: "answered", met: true, hours: 1, rating: 3 });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W49", { status: "answered", met: true, hours: 1, rating: 2 });
    await bot.advance(HOUR);
    expect(await kinds()).toEqual(["falling_wellbeing"]);
  });

  it("alerts when the monthly self-assessment is a point or more below the intake, when it is made", async () => {
    const m = await addMatch(db, bot.programmeId, T0);
    await db.prisma.selfAssessment.create({
      data: { personId: m.menteeId, kind: "intake", scores: { confidence: 4, clarity: 4, network: 3 }, at: new Date(T0.getTime() - 30 * DAY) },
    });
    await db.prisma.selfAssessment.create({
      data: { personId: m.menteeId, matchId: m.matchId, kind: "monthly", scores: { confidence: 4, clarity: 3, network: 3 }, at: new Date(T0.getTime() + DAY) },
    });
    await db.prisma.selfAssessment.create({
      data: {
        personId: m.menteeId,
        matchId: m.matchId,
        kind: "monthly",
        scores: { confidence: 3, clarity: 2, network: 3 },
        at: new Date(T0.getTime() + 30 * DAY),
      },
    });
    await bot.advance(2 * DAY); // 3.67 → 3.33: not a fall of a point
    expect(await kinds()).toEqual([]);
    await bot.advance(29 * DAY); // 3.33 → 2.67 is less than a point, but 3.67 (intake) → 2.67 is one
    expect(await kinds(["no_contact"])).toEqual(["falling_wellbeing"]);
    const esc = await db.prisma.escalation.findFirstOrThrow({ where: { kind: "falling_wellbeing" } });
    expect(esc).toMatchObject({ kind: "falling_wellbeing", personId: m.menteeId });
    expect(alertFor("falling_wellbeing")).toHaveLength(1);
  });
});

describe("help, offers, waiting and professional mentors", () => {
  it("a mentor's “I need help” in a check-in, under the check-in module's own key", async () => {
    const m = await addMatch(db, bot.programmeId, T0);
    const row = await checkIn(m.matchId, m.mentorId, "mentor", "2026-W48", { status: "answered", met: true, hours: 1, needsHelp: true });
    await checkIn(m.matchId, m.menteeId, "mentee", "2026-W48", { status: "answered", met: true, hours: 1, needsHelp: true });
    await bot.advance(HOUR);
    const rows = await db.prisma.escalation.findMany({ where: { kind: "mentor_needs_help" } });
    expect(rows.map((r) => [r.dedupeKey, r.personId])).toEqual([[`chkhelp:${row.id}`, m.mentorId]]);
    expect(alertFor("mentor_needs_help")[0]!.text).toContain(t("da", "esc.who.mentor"));
  });

  it("an offer that timed out, once even when matchmaking raised it too", async () => {
    const mentee = await addPerson(db, "ali", { roles: ["mentee"] });
    const mentor = await addPerson(db, "anna", { roles: ["mentor"] });
    const p = await db.prisma.proposal.create({
      data: { programmeId: bot.programmeId, menteeId: mentee, mentorId: mentor, score: 1, status: "expired", createdAt: T0 },
    });
    await db.prisma.$transaction((tx) =>
      raiseEscalation(tx, { dedupeKey: `offer-timeout:${p.id}`, kind: "offer_timed_out", severity: "low", personId: mentor, source: "matching" }, T0),
    );
    await bot.advance(HOUR);
    expect(await kinds()).toEqual(["offer_timed_out"]);
    expect(alertFor("offer_timed_out")).toHaveLength(1);
  });

  it("a mentee waiting longer than 30 days", async () => {
    const id = await addPerson(db, "ali", { roles: ["mentee"] });
    await db.prisma.menteeProfile.create({ data: { personId: id, programmeId: bot.programmeId, status: "waiting", waitingSince: T0 } });
    await bot.advance(30 * DAY - HOUR);
    expect(await kinds()).toEqual([]);
    await bot.advance(HOUR);
    expect(await kinds()).toEqual(["waiting_too_long"]);
    expect(alertFor("waiting_too_long")).toHaveLength(1);
  });

  it("a case a coordinator marks as needing a professional mentor (seed 004)", async () => {
    const id = await addPerson(db, "ali", { roles: ["mentee"] });
    await db.prisma.menteeProfile.create({ data: { personId: id, programmeId: bot.programmeId, status: "matched" } });
    const kim = (await db.prisma.person.findFirstOrThrow({ where: { roles: { has: "coordinator" } } })).id;
    const r = await db.prisma.$transaction((tx) => markNeedsProfessional(tx, id, kim, bot.clock.now()));
    expect(r.created).toBe(true);
    await bot.advance(HOUR);
    expect(await kinds()).toEqual(["needs_professional"]);
    expect((await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: id } })).needsProfessional).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "mentee.needs_professional", actorId: kim, subjectId: id } })).toBe(1);
    expect(alertFor("needs_professional")).toHaveLength(1);
    await expect(db.prisma.$transaction((tx) => markNeedsProfessional(tx, kim, kim, bot.clock.now()))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
