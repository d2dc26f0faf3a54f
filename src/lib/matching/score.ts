// Pair scoring. One implementation (evaluate) serves both the single-pair API, which also
// words the reasons, and the dense score matrix, which passes no reason list and so allocates
// nothing per pair.
//
// Hard constraints (the pair is never proposed):
//  - the mentor has no free capacity;
//  - the pair is excluded (declined or ended before, or a conflict of interest);
//  - no shared language. A conversation needs one and the schemes have no interpreters, so a
//    shared language is required on its own, whatever the meeting forms. A profile with no
//    languages therefore matches nobody (intake always records at least one).
// Everything else is soft. Meeting forms that do not overlap are a penalty rather than a veto:
// "only in person" vs "only video" is often negotiable and the coordinator sees the reason.

import { checkWeights, REASON } from "./types.js";
import type { MatchWeights, MenteeCandidate, MentorCandidate, PairScore, Reason, ScoreContext } from "./types.js";
import { common, commonNames, compilePool } from "./compiled-pool.js";
import type { CompiledPool } from "./compiled-pool.js";

/** Returned by evaluate when a hard constraint fails; below any reachable score. */
export const REJECTED = -0x80000000;

const LOCALITY_KEYS = [REASON.localitySame, REASON.localityNeighbour, REASON.localityRegion] as const;

function note(reasons: Reason[], key: string, points: number, params: Record<string, string>): void {
  if (points !== 0) reasons.push({ key, params, points });
}

/**
 * Score of mentee i with mentor r in a compiled pool, or REJECTED when they share no language.
 * Capacity and exclusion are checked by the callers (they are per mentor / per pair lookups).
 */
export function evaluate(pool: CompiledPool, i: number, r: number, w: MatchWeights, reasons?: Reason[]): number {
  if (common(pool.language.mentee, i, pool.language.mentor, r) === 0) return REJECTED;
  // Candidate objects are read only to word reasons; scoring uses the compiled arrays.
  const mentee = pool.mentees[i]!;
  const mentor = pool.mentors[r]!;
  // Reasons are built only inside `if (reasons)`: the matrix pass must not allocate per pair.
  let score = 0;

  if (common(pool.industry.mentee, i, pool.industry.mentor, r) > 0) {
    score += w.industry;
    if (reasons) note(reasons, REASON.industry, w.industry, { industry: mentor.industry ?? "" });
  }

  const place = pool.locality(i, r);
  if (place < 3) {
    const points = place === 0 ? w.localitySame : place === 1 ? w.localityNeighbour : w.localityRegion;
    score += points;
    if (reasons) {
      note(reasons, LOCALITY_KEYS[place]!, points, {
        municipality: mentee.municipality ?? "",
        mentorMunicipality: mentor.municipality ?? "",
      });
    }
  }

  const preferred = common(pool.language.menteeFirst, i, pool.language.mentor, r) > 0;
  score += preferred ? w.languagePreferred : w.languageShared;
  if (reasons) {
    note(reasons, preferred ? REASON.languagePreferred : REASON.languageShared, preferred ? w.languagePreferred : w.languageShared, {
      language: mentee.languages[0] ?? "",
      languages: commonNames(pool.language.mentee, i, pool.language.mentor, r).join(", "),
    });
  }

  const help = Math.min(common(pool.help.mentee, i, pool.help.mentor, r), w.helpMaxItems);
  if (help > 0) {
    score += help * w.helpPerItem;
    if (reasons) {
      note(reasons, REASON.help, help * w.helpPerItem, {
        topics: commonNames(pool.help.mentee, i, pool.help.mentor, r).join(", "),
        count: String(help),
      });
    }
  }

  if (pool.wishGender[i]! >= 0 && pool.wishGender[i] === pool.gender[r]) {
    score += w.wishGender;
    if (reasons) note(reasons, REASON.wishGender, w.wishGender, { gender: mentor.gender ?? "" });
  }
  // NaN (unknown age) fails both comparisons.
  if (pool.hasAgeWish[i] === 1 && pool.age[r]! >= pool.ageMin[i]! && pool.age[r]! <= pool.ageMax[i]!) {
    score += w.wishAge;
    if (reasons) {
      const { mentorAgeMin: min, mentorAgeMax: max } = mentee.wishes;
      note(reasons, REASON.wishAge, w.wishAge, {
        age: String(mentor.age),
        min: min === undefined ? "" : String(min),
        max: max === undefined ? "" : String(max),
      });
    }
  }

  if (common(pool.group.mentee, i, pool.group.mentor, r) > 0) {
    score += w.targetGroup;
    if (reasons) note(reasons, REASON.targetGroup, w.targetGroup, { group: mentee.targetGroup ?? "" });
  }

  if (common(pool.slot.mentee, i, pool.slot.mentor, r) > 0) {
    score += w.availability;
    if (reasons) {
      note(reasons, REASON.availability, w.availability, {
        slots: commonNames(pool.slot.mentee, i, pool.slot.mentor, r).join(", "),
      });
    }
  }

  if (pool.menteeHasForms[i] === 1 && pool.mentorHasForms[r] === 1) {
    if (common(pool.form.mentee, i, pool.form.mentor, r) > 0) {
      score += w.meetingForm;
      if (reasons) {
        note(reasons, REASON.meetingForm, w.meetingForm, {
          forms: commonNames(pool.form.mentee, i, pool.form.mentor, r).join(", "),
        });
      }
    } else {
      score += w.meetingFormMismatch;
      if (reasons) {
        note(reasons, REASON.meetingFormMismatch, w.meetingFormMismatch, {
          menteeForms: mentee.meetingForms.join(", "),
          mentorForms: mentor.meetingForms.join(", "),
        });
      }
    }
  }
  return score;
}

/** Usable capacity: whole mentees only; anything not a positive number counts as none. */
export function capacityOf(mentor: MentorCandidate): number {
  return mentor.freeCapacity >= 1 ? Math.floor(mentor.freeCapacity) : 0;
}

/** Top first; equal points by key so the order is stable across runs. */
export function sortReasons(reasons: Reason[]): Reason[] {
  return reasons.sort((a, b) => b.points - a.points || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Score of one pair with its reasons; undefined when a hard constraint fails. */
export function scorePair(mentee: MenteeCandidate, mentor: MentorCandidate, ctx: ScoreContext): PairScore | undefined {
  checkWeights(ctx.weights);
  if (capacityOf(mentor) === 0) return undefined;
  if (ctx.excluded(mentee.id, mentor.id)) return undefined;
  return scoreCompiled(compilePool([mentee], [mentor], ctx.locality), 0, 0, ctx.weights);
}

/** scorePair on an already compiled pool (capacity and exclusion already checked). */
export function scoreCompiled(pool: CompiledPool, i: number, r: number, w: MatchWeights): PairScore | undefined {
  const reasons: Reason[] = [];
  const score = evaluate(pool, i, r, w, reasons);
  return score === REJECTED ? undefined : { score, reasons: sortReasons(reasons) };
}
