// Matching vocabulary: candidates, weights and reasons. Every weight is an integer number of
// points, so scores are integers and the optimiser compares them exactly (no float ties).

import { MentorbroError } from "../../core/errors.js";

export interface MenteeCandidate {
  id: string;
  /** Industries the mentee wishes to work in, e.g. 'it', 'health'. */
  industries: string[];
  municipality?: string;
  /** Language ids in order of preference: the first is the one the mentee is most at ease in. */
  languages: string[];
  /** Help wanted: 'cv', 'network', 'workplace_culture', 'motivation', 'language_practice', … */
  helpWanted: string[];
  /** Soft wishes about the mentor; met wishes earn points, unmet ones cost nothing. */
  wishes: { mentorGender?: string; mentorAgeMin?: number; mentorAgeMax?: number };
  /** 'new_graduate', 'refugee_immigrant', 'long_term_unemployed', 'sick_leave', 'young_no_education'. */
  targetGroup?: string;
  /** 'weekday_day', 'weekday_evening', 'weekend'. */
  availability: string[];
  /** 'in_person', 'video', 'chat'. */
  meetingForms: string[];
  /** Start of the current wait; the waiting bonus grows from here. */
  waitingSince: Date;
}

export interface MentorCandidate {
  id: string;
  industry?: string;
  municipality?: string;
  languages: string[];
  /** Same ids as MenteeCandidate.helpWanted. */
  competences: string[];
  /** Mentees the mentor can still take on now (capacity 1–3 minus active matches). */
  freeCapacity: number;
  gender?: string;
  age?: number;
  preferences: { targetGroups?: string[] };
  availability: string[];
  meetingForms: string[];
}

export interface MatchWeights {
  industry: number;
  localitySame: number;
  localityNeighbour: number;
  localityRegion: number;
  /** The mentee's first (preferred) language is shared. */
  languagePreferred: number;
  /** Some other language is shared (a shared language is a hard requirement). */
  languageShared: number;
  /** Per wanted kind of help the mentor has as a competence … */
  helpPerItem: number;
  /** … counting at most this many, so a broad mentor does not drown the industry signal. */
  helpMaxItems: number;
  wishGender: number;
  wishAge: number;
  /** The mentor prefers the mentee's target group. */
  targetGroup: number;
  /** At least one shared availability slot. */
  availability: number;
  /** At least one shared meeting form. */
  meetingForm: number;
  /** Both stated meeting forms and none is shared: a penalty (≤ 0), not a veto. */
  meetingFormMismatch: number;
  /** Pairs scoring below this (before the waiting bonus) are never proposed. */
  minScore: number;
  /** Waiting bonus per full day waited, added to each of the mentee's pairs in the optimiser. */
  waitingPerDay: number;
  /** Cap on the waiting bonus; keep ≥ maxScore − minScore so a long wait beats any newcomer. */
  waitingMaxBonus: number;
}

export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  industry: 40,
  localitySame: 20,
  localityNeighbour: 12,
  localityRegion: 6,
  languagePreferred: 10,
  languageShared: 5,
  helpPerItem: 6,
  helpMaxItems: 3,
  wishGender: 8,
  wishAge: 6,
  targetGroup: 8,
  availability: 6,
  meetingForm: 6,
  meetingFormMismatch: -15,
  minScore: 30,
  waitingPerDay: 1,
  waitingMaxBonus: 100,
});

export type Locality = "same" | "neighbour" | "region" | "other";

export interface ScoreContext {
  weights: MatchWeights;
  /** How close two municipalities are; called with undefined when a side has none. */
  locality: (a?: string, b?: string) => Locality;
  /** Earlier declined or ended pairing, or a marked conflict of interest. */
  excluded: (menteeId: string, mentorId: string) => boolean;
}

/** One line of "why this mentor": key is a message-catalogue key, params fill its placeholders. */
export interface Reason {
  key: string;
  params: Record<string, string>;
  points: number;
}

export interface PairScore {
  score: number;
  /** Highest points first; penalties (negative points) last. */
  reasons: Reason[];
}

export const REASON = {
  industry: "match.reason.industry",
  localitySame: "match.reason.locality.same",
  localityNeighbour: "match.reason.locality.neighbour",
  localityRegion: "match.reason.locality.region",
  languagePreferred: "match.reason.language.preferred",
  languageShared: "match.reason.language",
  help: "match.reason.help",
  wishGender: "match.reason.wish.gender",
  wishAge: "match.reason.wish.age",
  targetGroup: "match.reason.target_group",
  availability: "match.reason.availability",
  meetingForm: "match.reason.meeting_form",
  meetingFormMismatch: "match.reason.meeting_form.none",
} as const;

/** The highest score a pair can reach with these weights. */
export function maxScore(w: MatchWeights): number {
  const pos = (...xs: number[]): number => Math.max(0, ...xs);
  return (
    pos(w.industry) +
    pos(w.localitySame, w.localityNeighbour, w.localityRegion) +
    pos(w.languagePreferred, w.languageShared) +
    pos(w.helpPerItem) * pos(w.helpMaxItems) +
    pos(w.wishGender) +
    pos(w.wishAge) +
    pos(w.targetGroup) +
    pos(w.availability) +
    pos(w.meetingForm, w.meetingFormMismatch)
  );
}

/** Rejects fractional weights: the optimiser is exact only on integers. */
export function checkWeights(w: MatchWeights): void {
  for (const [name, value] of Object.entries(w)) {
    if (!Number.isSafeInteger(value) || Math.abs(value) > 100_000) {
      throw new MentorbroError("INVALID_INPUT", `Match weight ${name} must be an integer up to ±100000, got ${value}`);
    }
  }
}
