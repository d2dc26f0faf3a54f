import { describe, expect, it } from "vitest";
import { assign } from "../../src/lib/matching/assign.js";
import type { MenteeCandidate, MentorCandidate } from "../../src/lib/matching/types.js";
import { context, DAY, daysAgo, mentee, mentor, mulberry32, NOW, randomPool } from "./fixtures.js";

const ctx = context();

/** Mentee scoring 40 (industry) + 10 (language) = 50 with an "it" mentor; 10 (below min) otherwise. */
const itMentee = (id: string, since = NOW): MenteeCandidate => mentee({ id, industries: ["it"], waitingSince: since });
const itMentor = (id: string, freeCapacity = 1): MentorCandidate => mentor({ id, industry: "it", freeCapacity });

describe("assign", () => {
  it("maximises the total, not each mentee's first choice", () => {
    // e1 fits both mentors (o1 best), e2 fits only o1: greedy would give o1 to e1 and leave e2 out.
    const mentees = [mentee({ id: "e1", industries: ["it", "health"], municipality: "a1" }), mentee({ id: "e2", industries: ["it"] })];
    const mentors = [mentor({ id: "o1", industry: "it", municipality: "a1" }), mentor({ id: "o2", industry: "health" })];
    const r = assign(mentees, mentors, ctx, NOW);
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ["e1", "o2"],
      ["e2", "o1"],
    ]);
    expect(r.total).toBe(50 + 50);
    expect(r.unassigned).toEqual([]);
  });

  it("proposes nothing below minScore and reports who is left", () => {
    const r = assign([itMentee("e1"), mentee({ id: "e2" })], [itMentor("o1", 2)], ctx, NOW);
    expect(r.pairs.map((p) => p.menteeId)).toEqual(["e1"]);
    expect(r.unassigned).toEqual(["e2"]);
  });

  it("never proposes excluded pairs or full mentors", () => {
    const c = context({}, [["e1", "o1"]]);
    const r = assign([itMentee("e1")], [itMentor("o1"), itMentor("o2", 0), itMentor("o3")], c, NOW);
    expect(r.pairs.map((p) => p.mentorId)).toEqual(["o3"]);
  });

  it("returns score, waiting bonus and sorted reasons per pair", () => {
    const r = assign([itMentee("e1", daysAgo(12.5))], [itMentor("o1")], ctx, NOW);
    expect(r.pairs).toEqual([
      {
        menteeId: "e1",
        mentorId: "o1",
        score: 50,
        waitingBonus: 12,
        reasons: [
          { key: "match.reason.industry", params: { industry: "it" }, points: 40 },
          { key: "match.reason.language.preferred", params: { language: "da", languages: "da" }, points: 10 },
        ],
      },
    ]);
    expect(r.total).toBe(62);
  });

  it("gives a scarce slot to the mentee who has waited longer", () => {
    const r = assign([itMentee("e1", daysAgo(3)), itMentee("e2", daysAgo(9))], [itMentor("o1")], ctx, NOW);
    expect(r.pairs.map((p) => p.menteeId)).toEqual(["e2"]);
  });

  it("breaks exact ties by id, whatever the input order", () => {
    const r1 = assign([itMentee("e2"), itMentee("e1")], [itMentor("o1")], ctx, NOW);
    expect(r1.pairs.map((p) => p.menteeId)).toEqual(["e1"]);
    const r2 = assign([itMentee("e1")], [itMentor("o2"), itMentor("o1")], ctx, NOW);
    expect(r2.pairs.map((p) => p.mentorId)).toEqual(["o1"]);
  });

  it("is deterministic and independent of input order", () => {
    const rnd = mulberry32(5);
    const { mentees, mentors, excluded } = randomPool(rnd, 40, 12, 3);
    const c = context({ minScore: 15 }, excluded);
    const first = assign(mentees, mentors, c, NOW);
    const shuffled = <T>(xs: T[]) =>
      xs
        .map((x) => [rnd(), x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x);
    const second = assign(shuffled(mentees), shuffled(mentors), c, NOW);
    expect(second).toEqual(first);
  });

  it("never exceeds capacity and uses each mentee once, on larger random pools", () => {
    const rnd = mulberry32(11);
    for (let t = 0; t < 20; t++) {
      const { mentees, mentors, excluded } = randomPool(rnd, 150, 40, 3);
      const c = context({ minScore: 10 }, excluded);
      const r = assign(mentees, mentors, c, NOW);
      const load = new Map<string, number>();
      for (const p of r.pairs) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
      for (const o of mentors) expect(load.get(o.id) ?? 0).toBeLessThanOrEqual(Math.max(0, o.freeCapacity));
      const ids = [...r.pairs.map((p) => p.menteeId), ...r.unassigned];
      expect(new Set(ids).size).toBe(mentees.length);
      expect(ids.length).toBe(mentees.length);
      const banned = new Set(excluded.map(([e, o]) => `${e}|${o}`));
      for (const p of r.pairs) expect(banned.has(`${p.menteeId}|${p.mentorId}`)).toBe(false);
    }
  });

  it("rejects duplicate ids", () => {
    expect(() => assign([itMentee("e1"), itMentee("e1")], [itMentor("o1")], ctx, NOW)).toThrow(/Duplicate mentee/);
  });
});

describe("waiting bonus prevents starvation", () => {
  /**
   * Each day one mentor slot opens and one newcomer arrives who fits it perfectly (score 122),
   * while "old" fits it only just (score 50). Whoever gets the slot leaves the pool.
   */
  function simulate(waitingPerDay: number, days: number): { oldMatchedOnDay?: number; maxWait: number } {
    const c = context({ waitingPerDay });
    const perfect = {
      industries: ["it"],
      municipality: "a1",
      helpWanted: ["cv", "network", "interview"],
      wishes: { mentorGender: "f", mentorAgeMin: 30, mentorAgeMax: 60 },
      targetGroup: "new_graduate",
      availability: ["weekend"],
      meetingForms: ["video"],
    };
    const slot = mentor({
      id: "o1",
      industry: "it",
      municipality: "a1",
      competences: ["cv", "network", "interview"],
      gender: "f",
      age: 45,
      preferences: { targetGroups: ["new_graduate"] },
      availability: ["weekend"],
      meetingForms: ["video"],
    });
    const start = NOW.getTime();
    let pool: MenteeCandidate[] = [itMentee("old", new Date(start))];
    let oldMatchedOnDay: number | undefined;
    let maxWait = 0;
    for (let day = 0; day < days; day++) {
      const today = new Date(start + day * DAY);
      pool.push(mentee({ id: `new${String(day).padStart(3, "0")}`, ...perfect, waitingSince: today }));
      const r = assign(pool, [slot], c, today);
      const chosen = r.pairs[0]!;
      if (day === 0) expect(chosen.score).toBe(122);
      const waited = (today.getTime() - pool.find((m) => m.id === chosen.menteeId)!.waitingSince.getTime()) / DAY;
      maxWait = Math.max(maxWait, waited);
      if (chosen.menteeId === "old") oldMatchedOnDay = day;
      pool = pool.filter((m) => m.id !== chosen.menteeId);
    }
    return { oldMatchedOnDay, maxWait };
  }

  it("lets a weaker fit win once the wait outweighs the score gap", () => {
    const { oldMatchedOnDay, maxWait } = simulate(1, 120);
    // Score gap 122 - 50 = 72 at one point per day: on day 72 it is a tie (the newcomer's id
    // sorts first), on day 73 the old mentee wins. Nobody waits longer than that.
    expect(oldMatchedOnDay).toBe(73);
    expect(maxWait).toBe(73);
  });

  it("without the bonus the weaker fit starves", () => {
    expect(simulate(0, 120).oldMatchedOnDay).toBeUndefined();
  });
});
