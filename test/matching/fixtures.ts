// Builders for matching tests: neutral candidates that earn almost no points unless a test
// sets a field, a seeded PRNG, and random small pools that produce many ties.

import { DEFAULT_WEIGHTS } from "../../src/lib/matching/types.js";
import type { Locality, MatchWeights, MenteeCandidate, MentorCandidate, ScoreContext } from "../../src/lib/matching/types.js";

export const NOW = new Date("2025-06-01T08:00:00Z");
export const DAY = 86_400_000;

export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY);
}

export function mentee(over: Partial<MenteeCandidate> = {}): MenteeCandidate {
  return {
    id: "e1",
    industries: [],
    languages: ["da"],
    helpWanted: [],
    wishes: {},
    availability: [],
    meetingForms: [],
    waitingSince: NOW,
    ...over,
  };
}

export function mentor(over: Partial<MentorCandidate> = {}): MentorCandidate {
  return {
    id: "o1",
    languages: ["da"],
    competences: [],
    freeCapacity: 1,
    preferences: {},
    availability: [],
    meetingForms: [],
    ...over,
  };
}

/** Toy geography: same id → same; "a1"/"a2" neighbours; same first letter → region. */
export function toyLocality(a?: string, b?: string): Locality {
  if (a === undefined || b === undefined) return "other";
  if (a === b) return "same";
  if ((a === "a1" && b === "a2") || (a === "a2" && b === "a1")) return "neighbour";
  return a[0] === b[0] ? "region" : "other";
}

export function context(weights: Partial<MatchWeights> = {}, excluded: ReadonlyArray<readonly [string, string]> = []): ScoreContext {
  const ex = new Set(excluded.map(([e, o]) => `${e}|${o}`));
  return {
    weights: { ...DEFAULT_WEIGHTS, ...weights },
    locality: toyLocality,
    excluded: (e, o) => ex.has(`${e}|${o}`),
  };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomPool(
  rnd: () => number,
  nMentees: number,
  nMentors: number,
  maxCapacity: number,
): { mentees: MenteeCandidate[]; mentors: MentorCandidate[]; excluded: [string, string][] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => rnd() < 0.45);
  const maybe = <T>(x: T, p = 0.7): T | undefined => (rnd() < p ? x : undefined);
  const industries = ["it", "health", "retail"];
  const places = ["a1", "a2", "a3", "b1"];
  const languages = ["da", "en", "ar"];
  const help = ["cv", "network", "interview", "motivation"];
  const slots = ["weekday_day", "weekday_evening", "weekend"];
  const forms = ["in_person", "video", "chat"];
  const groups = ["new_graduate", "refugee_immigrant", "sick_leave"];

  const mentees = Array.from({ length: nMentees }, (_, k) =>
    mentee({
      id: `e${k}`,
      industries: some(industries),
      municipality: maybe(pick(places)),
      languages: rnd() < 0.8 ? [pick(languages), "da"] : [pick(languages)],
      helpWanted: some(help),
      wishes: {
        mentorGender: maybe(pick(["f", "m"]), 0.3),
        mentorAgeMin: maybe(30, 0.2),
        mentorAgeMax: maybe(50, 0.2),
      },
      targetGroup: maybe(pick(groups)),
      availability: some(slots),
      meetingForms: some(forms),
      waitingSince: daysAgo(Math.floor(rnd() * 40)),
    }),
  );
  const mentors = Array.from({ length: nMentors }, (_, k) =>
    mentor({
      id: `o${k}`,
      industry: maybe(pick(industries)),
      municipality: maybe(pick(places)),
      languages: some(languages),
      competences: some(help),
      freeCapacity: Math.floor(rnd() * (maxCapacity + 1)) || (rnd() < 0.7 ? 1 : 0),
      gender: maybe(pick(["f", "m"])),
      age: maybe(25 + Math.floor(rnd() * 40)),
      preferences: { targetGroups: maybe(some(groups)) },
      availability: some(slots),
      meetingForms: some(forms),
    }),
  );
  const excluded: [string, string][] = [];
  for (const e of mentees) for (const o of mentors) if (rnd() < 0.05) excluded.push([e.id, o.id]);
  return { mentees, mentors, excluded };
}
