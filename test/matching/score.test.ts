import { describe, expect, it, vi } from "vitest";
import { scorePair } from "../../src/lib/matching/score.js";
import { checkWeights, DEFAULT_WEIGHTS, maxScore } from "../../src/lib/matching/types.js";
import type { Reason } from "../../src/lib/matching/types.js";
import { context, mentee, mentor } from "./fixtures.js";

const W = DEFAULT_WEIGHTS;
const ctx = context();
/** A neutral pair shares only Danish as the mentee's first language. */
const BASE = W.languagePreferred;

function reason(reasons: Reason[], key: string): Reason | undefined {
  return reasons.find((r) => r.key === key);
}

describe("scorePair factors", () => {
  it("scores a neutral pair with only the shared language", () => {
    const s = scorePair(mentee(), mentor(), ctx);
    expect(s).toEqual({
      score: BASE,
      reasons: [{ key: "match.reason.language.preferred", params: { language: "da", languages: "da" }, points: BASE }],
    });
  });

  it("gives industry points when the mentor's industry is one the mentee wishes", () => {
    const s = scorePair(mentee({ industries: ["it", "health"] }), mentor({ industry: "health" }), ctx)!;
    expect(s.score).toBe(BASE + W.industry);
    expect(reason(s.reasons, "match.reason.industry")).toEqual({
      key: "match.reason.industry",
      params: { industry: "health" },
      points: W.industry,
    });
    expect(scorePair(mentee({ industries: ["it"] }), mentor({ industry: "health" }), ctx)!.score).toBe(BASE);
    expect(scorePair(mentee({ industries: ["it"] }), mentor(), ctx)!.score).toBe(BASE);
  });

  it("grades locality: same > neighbour > region > other", () => {
    const at = (a?: string, b?: string) => scorePair(mentee({ municipality: a }), mentor({ municipality: b }), ctx)!.score - BASE;
    expect(at("a1", "a1")).toBe(W.localitySame);
    expect(at("a1", "a2")).toBe(W.localityNeighbour);
    expect(at("a1", "a3")).toBe(W.localityRegion);
    expect(at("a1", "b1")).toBe(0);
    expect(at(undefined, "a1")).toBe(0);
    const s = scorePair(mentee({ municipality: "a1" }), mentor({ municipality: "a2" }), ctx)!;
    expect(reason(s.reasons, "match.reason.locality.neighbour")?.params).toEqual({
      municipality: "a1",
      mentorMunicipality: "a2",
    });
  });

  it("asks the locality function with both municipalities, undefined when missing", () => {
    const locality = vi.fn(() => "other" as const);
    scorePair(mentee({ municipality: "x" }), mentor(), { ...ctx, locality });
    expect(locality).toHaveBeenCalledWith("x", undefined);
  });

  it("prefers the mentee's first language over any shared one", () => {
    const refugee = mentee({ languages: ["ar", "da"] });
    const arabic = scorePair(refugee, mentor({ languages: ["da", "ar"] }), ctx)!;
    const danish = scorePair(refugee, mentor({ languages: ["da"] }), ctx)!;
    expect(arabic.score).toBe(W.languagePreferred);
    expect(reason(arabic.reasons, "match.reason.language.preferred")?.params).toEqual({
      language: "ar",
      languages: "ar, da",
    });
    expect(danish.score).toBe(W.languageShared);
    expect(reason(danish.reasons, "match.reason.language")?.params.languages).toBe("da");
  });

  it("counts wanted help the mentor offers, capped at helpMaxItems", () => {
    const help = ["cv", "network", "interview", "motivation"];
    const s2 = scorePair(mentee({ helpWanted: help }), mentor({ competences: ["cv", "interview", "practical"] }), ctx)!;
    expect(s2.score).toBe(BASE + 2 * W.helpPerItem);
    expect(reason(s2.reasons, "match.reason.help")?.params).toEqual({ topics: "cv, interview", count: "2" });
    const all = scorePair(mentee({ helpWanted: help }), mentor({ competences: help }), ctx)!;
    expect(all.score).toBe(BASE + W.helpMaxItems * W.helpPerItem);
  });

  it("does not double count duplicated ids", () => {
    const s = scorePair(mentee({ helpWanted: ["cv", "cv"] }), mentor({ competences: ["cv", "cv"] }), ctx)!;
    expect(s.score).toBe(BASE + W.helpPerItem);
  });

  it("rewards met wishes on gender and age, never penalises unmet ones", () => {
    const wants = mentee({ wishes: { mentorGender: "f", mentorAgeMin: 30, mentorAgeMax: 50 } });
    expect(scorePair(wants, mentor({ gender: "f", age: 40 }), ctx)!.score).toBe(BASE + W.wishGender + W.wishAge);
    expect(scorePair(wants, mentor({ gender: "m", age: 60 }), ctx)!.score).toBe(BASE);
    expect(scorePair(wants, mentor(), ctx)!.score).toBe(BASE); // unknown gender and age
    expect(scorePair(wants, mentor({ age: 30 }), ctx)!.score).toBe(BASE + W.wishAge); // bounds inclusive
    const minOnly = mentee({ wishes: { mentorAgeMin: 50 } });
    expect(scorePair(minOnly, mentor({ age: 70 }), ctx)!.score).toBe(BASE + W.wishAge);
    expect(scorePair(minOnly, mentor({ age: 49 }), ctx)!.score).toBe(BASE);
    const s = scorePair(wants, mentor({ gender: "f", age: 40 }), ctx)!;
    expect(reason(s.reasons, "match.reason.wish.age")?.params).toEqual({ age: "40", min: "30", max: "50" });
    expect(reason(s.reasons, "match.reason.wish.gender")?.params).toEqual({ gender: "f" });
  });

  it("rewards a mentor who prefers the mentee's target group", () => {
    const m = mentee({ targetGroup: "sick_leave" });
    expect(scorePair(m, mentor({ preferences: { targetGroups: ["sick_leave", "new_graduate"] } }), ctx)!.score).toBe(BASE + W.targetGroup);
    expect(scorePair(m, mentor({ preferences: { targetGroups: ["new_graduate"] } }), ctx)!.score).toBe(BASE);
    expect(scorePair(mentee(), mentor({ preferences: { targetGroups: ["new_graduate"] } }), ctx)!.score).toBe(BASE);
  });

  it("rewards shared availability", () => {
    const s = scorePair(mentee({ availability: ["weekend", "weekday_evening"] }), mentor({ availability: ["weekday_evening"] }), ctx)!;
    expect(s.score).toBe(BASE + W.availability);
    expect(reason(s.reasons, "match.reason.availability")?.params).toEqual({ slots: "weekday_evening" });
  });

  it("rewards a shared meeting form and penalises stated forms that do not meet", () => {
    const shared = scorePair(mentee({ meetingForms: ["video", "chat"] }), mentor({ meetingForms: ["chat"] }), ctx)!;
    expect(shared.score).toBe(BASE + W.meetingForm);
    const clash = scorePair(mentee({ meetingForms: ["in_person"] }), mentor({ meetingForms: ["video"] }), ctx)!;
    expect(clash.score).toBe(BASE + W.meetingFormMismatch);
    expect(clash.reasons.at(-1)).toEqual({
      key: "match.reason.meeting_form.none",
      params: { menteeForms: "in_person", mentorForms: "video" },
      points: W.meetingFormMismatch,
    });
    expect(scorePair(mentee({ meetingForms: ["video"] }), mentor(), ctx)!.score).toBe(BASE); // unstated: neutral
  });
});

describe("scorePair hard constraints", () => {
  it("rejects a mentor without free capacity", () => {
    expect(scorePair(mentee(), mentor({ freeCapacity: 0 }), ctx)).toBeUndefined();
  });

  it("rejects an excluded pair, asking with (menteeId, mentorId)", () => {
    const excluded = vi.fn((e: string, o: string) => e === "e1" && o === "o1");
    expect(scorePair(mentee(), mentor(), { ...ctx, excluded })).toBeUndefined();
    expect(excluded).toHaveBeenCalledWith("e1", "o1");
  });

  it("rejects a pair without a shared language, whatever else fits", () => {
    const perfect = { industries: ["it"], municipality: "a1", meetingForms: ["video"], helpWanted: ["cv"] };
    const fit = { industry: "it", municipality: "a1", meetingForms: ["video"], competences: ["cv"] };
    expect(scorePair(mentee({ ...perfect, languages: ["uk"] }), mentor({ ...fit, languages: ["da"] }), ctx)).toBe(undefined);
    expect(scorePair(mentee({ languages: [] }), mentor(), ctx)).toBeUndefined();
  });
});

describe("reasons", () => {
  it("are sorted by points, top first, penalties last, and add up to the score", () => {
    const s = scorePair(
      mentee({
        industries: ["it"],
        municipality: "a1",
        helpWanted: ["cv", "network"],
        targetGroup: "new_graduate",
        meetingForms: ["in_person"],
        availability: ["weekend"],
      }),
      mentor({
        industry: "it",
        municipality: "a1",
        competences: ["cv", "network"],
        preferences: { targetGroups: ["new_graduate"] },
        meetingForms: ["chat"],
        availability: ["weekend"],
      }),
      ctx,
    )!;
    expect(s.reasons.map((r) => r.key)).toEqual([
      "match.reason.industry",
      "match.reason.locality.same",
      "match.reason.help",
      "match.reason.language.preferred",
      "match.reason.target_group",
      "match.reason.availability",
      "match.reason.meeting_form.none",
    ]);
    expect(s.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(s.score);
  });

  it("break equal points by key and omit zero-point factors", () => {
    const c = context({ wishGender: 6, availability: 6, industry: 0 });
    const s = scorePair(
      mentee({ industries: ["it"], wishes: { mentorGender: "f" }, availability: ["weekend"] }),
      mentor({ industry: "it", gender: "f", availability: ["weekend"] }),
      c,
    )!;
    expect(s.reasons.map((r) => r.key)).toEqual(["match.reason.language.preferred", "match.reason.availability", "match.reason.wish.gender"]);
  });
});

describe("weights", () => {
  it("are integers, and the default waiting cap covers the widest score gap", () => {
    expect(() => checkWeights(DEFAULT_WEIGHTS)).not.toThrow();
    expect(() => scorePair(mentee(), mentor(), context({ industry: 2.5 }))).toThrow(/integer/);
    expect(maxScore(DEFAULT_WEIGHTS)).toBe(122);
    expect(W.waitingMaxBonus).toBeGreaterThanOrEqual(maxScore(W) - W.minScore);
  });
});
