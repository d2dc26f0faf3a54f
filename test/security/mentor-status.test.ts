// Issue 13, point 1: a mentor's status changes only through src/infra/people/mentor-status.ts. A holiday
// returns a mentor to what they were (an unapproved mentor stays unapproved), dates in the past are
// refused, a coordinator's pause is the coordinator's, and every change leaves an audit row.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveMentor } from "../../src/capabilities/onboarding/index.js";
import { t, type Locale, type Params } from "../../src/core/i18n/index.js";
import { changeMentorStatus, decide, type MentorState } from "../../src/infra/people/mentor-status.js";
import { createBotHarness, T0, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { makePeople, mentor, statusOf, trail, type People } from "./people.js";

const DAY = 864e5;
let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
let w: People;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createBotHarness(db);
  w = await makePeople(db);
});

const k = (l: Locale, key: string, p: Params = {}) => t(l, key, p);
const da = (key: string, p: Params = {}) => k("da", key, p);
const at = async (days: number) => {
  bot.clock.set(new Date(T0.getTime() + days * DAY));
  await bot.app.tick();
};
const proposalsFor = (mentorId: string) => db.prisma.proposal.count({ where: { mentorId } });

describe("a mentor nobody approved cannot make themselves active", () => {
  it.each(["da", "en"] as const)("the reported attack: “ferie”, 1/1/2020, a tick (%s)", async (l) => {
    await db.prisma.person.update({ where: { id: w.pia }, data: { locale: l } });
    expect(await bot.ask("console:pia", l === "da" ? "ferie" : "holiday")).toBe(k(l, "mentorpause.ask"));
    // Refused kindly, and asked again: the next answer is still read as the date.
    expect(await bot.ask("console:pia", "1/1/2020")).toBe(k(l, "mentorpause.past"));
    expect(await statusOf(db, w.pia)).toMatchObject({ status: "pending", pausedUntil: null });
    await at(1);
    await at(2);
    expect((await statusOf(db, w.pia)).status).toBe("pending");
    expect(await proposalsFor(w.pia)).toBe(0);
    // Today is not after today either.
    expect(await bot.ask("console:pia", "24/11/2026")).toBe(k(l, "mentorpause.past"));
    expect(await bot.ask("console:pia", "10/12/2026")).toBe(k(l, "mentorpause.done_pending", { date: "2026-12-10" }));
  });

  it("a pending mentor on a real holiday is pending again afterwards, and never proposed", async () => {
    await bot.say("console:pia", "ferie");
    expect(await bot.ask("console:pia", "10/12/2026")).toBe(da("mentorpause.done_pending", { date: "2026-12-10" }));
    expect(await statusOf(db, w.pia)).toMatchObject({ status: "paused", pausedFrom: "pending", pausedBy: "self" });
    // Moving the holiday (a pause over one's own pause) keeps what it paused.
    await at(3);
    await bot.say("console:pia", "ferie");
    await bot.say("console:pia", "12/12/2026");
    expect(await statusOf(db, w.pia)).toMatchObject({ status: "paused", pausedFrom: "pending" });
    await at(18);
    expect(await statusOf(db, w.pia)).toMatchObject({ status: "pending", pausedUntil: null, pausedFrom: null, pausedBy: null });
    expect(await proposalsFor(w.pia)).toBe(0);
    expect(await trail(db, w.pia)).toEqual([
      ["register", null, "pending", "self"],
      ["pause", "pending", "paused", "self"],
      ["pause", "paused", "paused", "self"],
      ["expire", "paused", "pending", "system"],
    ]);
  });

  it("a coordinator's approval during the holiday takes effect when it ends", async () => {
    await bot.say("console:pia", "ferie");
    await bot.say("console:pia", "10/12/2026");
    bot.clock.set(new Date(T0.getTime() + 3_600_000));
    await bot.say("console:coord", { action: `mnt:ok:${w.pia}` });
    expect(await statusOf(db, w.pia)).toMatchObject({ status: "paused", pausedFrom: "active" });
    expect(await proposalsFor(w.pia)).toBe(0);
    await at(17);
    expect((await statusOf(db, w.pia)).status).toBe("active");
    expect(await proposalsFor(w.pia)).toBe(1);
    expect((await trail(db, w.pia)).map((r) => r[0])).toEqual(["register", "pause", "approve", "expire"]);
    const approve = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "mentor.status", subjectId: w.pia, details: { path: ["event"], equals: "approve" } },
    });
    expect(approve.actorId).toBe(w.coordinator);
  });

  it("a coordinator ending a pause that is not there activates nobody", async () => {
    expect(await bot.ask("console:coord", `pause mentor Pia`)).toContain(da("co.pause_ask", { name: "Pia" }));
    const r = await bot.say("console:coord", { action: `co:pm:${w.pia}:0` });
    expect(r[0]!.text).toBe(da("co.not_paused", { name: "Pia" }));
    expect((await statusOf(db, w.pia)).status).toBe("pending");
  });

  it("registering again keeps the status: no approval from it, and no way around a pause", async () => {
    await bot.say("console:coord", { action: `co:pm:${w.pia}:30` });
    const answers = { name: "Pia Pending", industry: ["it"], municipality: "aarhus", languages: ["da"], capacity: 2 };
    await saveMentor(db.prisma, { type: "signup", role: "mentor", answers }, { personId: w.pia, programmeId: w.programmeId, now: T0 });
    expect(await statusOf(db, w.pia)).toMatchObject({ status: "paused", pausedFrom: "pending", pausedBy: "coordinator" });
    expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.pia } })).capacity).toBe(2);
  });
});

describe("a coordinator's pause", () => {
  let anna: string;
  beforeEach(async () => {
    anna = await mentor(db, w.programmeId, "anna", "Anna Active", w.coordinator);
  });

  it("cannot be shortened or ended by the mentor, who is told so", async () => {
    await bot.say("console:coord", { action: `co:pm:${anna}:90` });
    const until = (await statusOf(db, anna)).pausedUntil!;
    expect(until.toISOString().slice(0, 10)).toBe("2027-02-22");
    // Answered at once, and the same refusal stands whatever date comes after.
    expect(await bot.ask("console:anna", "ferie")).toBe(da("mentorpause.coordinator", { date: "2027-02-22" }));
    expect(await bot.ask("console:anna", "1/1/2020")).not.toBe(da("mentorpause.done", { date: "2020-01-01" }));
    expect(await changeMentorStatus(db.prisma, anna, { type: "pause", until: new Date("2026-12-01T00:00:00Z") }, { role: "self", id: anna }, T0)).toMatchObject(
      { ok: false, reason: "coordinator_pause" },
    );
    expect(await changeMentorStatus(db.prisma, anna, { type: "resume" }, { role: "self", id: anna }, T0)).toMatchObject({
      ok: false,
      reason: "coordinator_pause",
    });
    await at(10);
    expect(await statusOf(db, anna)).toMatchObject({ status: "paused", pausedBy: "coordinator", pausedUntil: until });
  });

  it("returns to what the mentor was when it runs out: active, or still pending", async () => {
    await bot.say("console:coord", { action: `co:pm:${anna}:14` });
    await bot.say("console:coord", { action: `co:pm:${w.pia}:14` });
    await at(13);
    expect((await statusOf(db, anna)).status).toBe("paused");
    await at(15);
    expect((await statusOf(db, anna)).status).toBe("active");
    expect((await statusOf(db, w.pia)).status).toBe("pending");
    expect(await proposalsFor(w.pia)).toBe(0);
    expect(await trail(db, anna)).toEqual(
      expect.arrayContaining([
        ["pause", "active", "paused", "coordinator"],
        ["expire", "paused", "active", "system"],
      ]),
    );
  });

  it("ended early by the coordinator says where the mentor is now", async () => {
    await bot.say("console:coord", { action: `co:pm:${w.pia}:30` });
    const r = await bot.say("console:coord", { action: `co:pm:${w.pia}:0` });
    expect(r[0]!.text).toBe(da("co.resumed_status", { name: "Pia", status: da("co.mstatus.pending") }));
    expect((await statusOf(db, w.pia)).status).toBe("pending");
  });

  it("survives the mentor withdrawing and giving consent again", async () => {
    await bot.say("console:coord", { action: `co:pm:${anna}:30` });
    await bot.say("console:anna", { action: "cons:w:matching" });
    expect(await statusOf(db, anna)).toMatchObject({ status: "paused", pausedFrom: "inactive", pausedBy: "coordinator" });
    await bot.say("console:anna", { action: "cons:g:matching" });
    expect(await statusOf(db, anna)).toMatchObject({ status: "paused", pausedFrom: "active", pausedBy: "coordinator" });
    await bot.say("console:anna", { action: "cons:w:matching" });
    await at(31);
    // The pause ends where consent left it: not matchable.
    expect((await statusOf(db, anna)).status).toBe("inactive");
  });
});

describe("the transition table", () => {
  const now = T0;
  const s = (status: string, extra: Partial<MentorState> = {}): MentorState => ({
    status,
    approvedAt: null,
    pausedUntil: null,
    pausedFrom: null,
    pausedBy: null,
    ...extra,
  });
  const self = { role: "self", id: "m" } as const;
  const coord = { role: "coordinator", id: "c" } as const;
  const sys = { role: "system" } as const;
  const later = new Date(T0.getTime() + DAY);
  const paused = (from: string, by: string) => s("paused", { pausedFrom: from, pausedBy: by, pausedUntil: later });

  it.each([
    ["approve by a coordinator", s("pending"), { type: "approve" }, coord, "active"],
    ["approve by the mentor", s("pending"), { type: "approve" }, self, "not_allowed"],
    ["approve twice", s("active"), { type: "approve" }, coord, "not_pending"],
    ["the programme's code", s("pending"), { type: "invite_code", via: "code" }, self, "active"],
    ["the code on an import invitation", s("invited"), { type: "invite_code", via: "code" }, self, "unchanged"],
    ["an import invitation", s("invited"), { type: "invite_code", via: "import" }, self, "active"],
    ["an import invitation for a chat registration", s("pending"), { type: "invite_code", via: "import" }, self, "unchanged"],
    ["a pause in the past", s("pending"), { type: "pause", until: T0 }, self, "past_date"],
    ["a pause of an invited mentor", s("invited"), { type: "pause", until: later }, coord, "not_allowed"],
    ["a pause of a mentor who withdrew consent", s("inactive"), { type: "pause", until: later }, self, "not_allowed"],
    ["the mentor over a coordinator's pause", paused("active", "coordinator"), { type: "pause", until: later }, self, "coordinator_pause"],
    ["the mentor over a pause nobody is recorded for", paused("active", null as unknown as string), { type: "resume" }, self, "coordinator_pause"],
    ["the mentor ends their own pause", paused("pending", "self"), { type: "resume" }, self, "pending"],
    ["expiry before the date", paused("active", "self"), { type: "expire" }, sys, "not_paused"],
    ["a system pause", s("active"), { type: "pause", until: later }, sys, "not_allowed"],
    ["consent back without approval", s("inactive"), { type: "give_consent" }, self, "pending"],
    ["consent back after approval", s("inactive", { approvedAt: T0 }), { type: "give_consent" }, self, "active"],
    ["erasure", paused("active", "coordinator"), { type: "erase" }, sys, "inactive"],
  ] as const)("%s", (_name, state, event, actor, expected) => {
    const r = decide(state, event as Parameters<typeof decide>[1], actor, now);
    expect(typeof r === "string" ? r : r.status === "paused" ? r.pausedFrom : r.status).toBe(expected);
  });

  it("an old pause without pausedFrom returns to what approval says", () => {
    const r = decide(s("paused", { pausedUntil: T0 }), { type: "expire" }, sys, now);
    expect(r).toMatchObject({ status: "pending" });
  });
});

describe("one writer", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? (f === "generated" ? [] : files(p)) : p.endsWith(".ts") ? [p] : [];
    });

  /** The argument text of a call starting at `open` (the index of its "("). */
  function callText(src: string, open: number): string {
    let depth = 0;
    for (let i = open; i < src.length; i++) {
      if (src[i] === "(") depth++;
      else if (src[i] === ")" && --depth === 0) return src.slice(open, i + 1);
    }
    return src.slice(open);
  }

  it("no file but src/infra/people/mentor-status.ts writes a mentor's status, pause or approval", () => {
    const offenders: string[] = [];
    for (const file of files("src")) {
      if (file.endsWith(join("people", "mentor-status.ts"))) continue;
      const src = readFileSync(file, "utf8");
      if (/"MentorProfile"/.test(src)) offenders.push(`${file}: raw SQL on MentorProfile`);
      for (const m of src.matchAll(
        /mentorProfile\s*\.\s*(create|createMany|update|updateMany|upsert)\s*\(|\bmentor\s*:\s*\{\s*(create|update|upsert|connectOrCreate)\b/g,
      )) {
        const open = src.indexOf("(", m.index);
        const text = m[2] ? src.slice(m.index, m.index + 400) : callText(src, open);
        // A spread could carry any field in; the status fields must not appear at all.
        if (/\b(status|pausedUntil|pausedFrom|pausedBy|approvedAt)\b|\.\.\./.test(text)) offenders.push(`${file}: ${text.slice(0, 120)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
