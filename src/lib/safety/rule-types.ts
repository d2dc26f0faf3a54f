// The risk rules are plain data (rules-da.ts, rules-en.ts) so that clinicians and mentors can read
// and review them without reading matcher code. This file documents the format.
//
// PATTERN LANGUAGE — a pattern is a space-separated sequence of slots, matched word by word
// against the folded message (see src/text/normalize.ts: lower case, æ→ae ø→oe å→aa, accents and
// punctuation removed). Write patterns in folded form: "doe" for dø, "paa" for på, "i m" for I'm.
//
//   word        the word, forgiving typoBudget(word) typos: 1 for 5–7 letters, 2 from 8. Words of up
//               to 4 letters are exact — one typo in four letters turns Danish "uge" (week) into
//               "urge" and "har" into "harm"; list short misspellings explicitly ("ikke|ikk=|ik=").
//   word=       the word exactly: for short words whose near neighbours mean something else
//               ("leve=" must not match "love", Danish for "promise").
//   stem*       any word beginning with stem: inflections and compounds ("selvmord*" matches
//               selvmordstanker). Stems of 6+ letters forgive one swapped pair of letters after the
//               first ("selvmrod…") and nothing else: a wrong letter would make "selvforsvar" match
//               "selvmors*", a missing one "selvmodig" (brave) match "selvmord*". List common full
//               forms as typo-tolerant words to catch other typos.
//   a|b|c       alternatives for one slot; each alternative may carry its own = or *.
//   a_b         a multi-word alternative inside a slot: "myself|my_self", "nobody|no_one".
//   slot?       optional slot (the ? applies to the whole slot: "mit|mig?").
//   ~N          skip 0..N arbitrary words (N ≤ 9), e.g. "jeg ~2 vil doe".
//   !a|b        zero-width: the next word must NOT be one of these ("leve= !af" rejects
//               "leve af kontanthjælp"). Passes at the end of a sentence.
//
// Always applied by the matcher, so rules need not spell them out:
//   - aa/ae/oe in a pattern also match a/a/o in the text (people without æøå type "dod", "vare").
//   - Consecutive slots may be run together in one word ("tag mit liv*" matches "tagmitlivet",
//     "don t" matches "dont", "i m" matches "im"); joints inside a word must be exact.
//   - A match never crosses a sentence end (. ! ? ; or a line break) — avoids stitching together
//     unrelated clauses of long messages.
//
// MASKS are patterns for idioms ("doer af grin"), professional and news context ("arbejd* paa ~2
// krisecenter*"), and explicit denials ("ikke selvmordstruet"). Words they match are blanked out
// before the rules run, so a rule cannot use them — but other risk words in the same message still
// fire. Masks are per language.

export type RiskCategory = "suicide" | "self_harm" | "abuse" | "threat" | "acute_crisis" | "substance" | "psychiatric";

/** high: possible immediate danger to life or safety; medium: needs a human to follow up soon. */
export type Severity = "high" | "medium";

export type RiskLanguage = "da" | "en";

export interface RiskRule {
  /** Stable id for logs and tests, e.g. "da.suicide.take-own-life". */
  id: string;
  category: RiskCategory;
  severity: Severity;
  /** The rule fires when any pattern matches. */
  patterns: string[];
}

export interface RuleSet {
  language: RiskLanguage;
  rules: RiskRule[];
  /** Idioms, professional/news context and denials; their words are blanked before rules run. */
  masks: string[];
}

/**
 * The published taxonomy the second-version detector covers: the Columbia Suicide Severity Rating
 * Scale ladder, the interpersonal theory of suicide, hopelessness, self-harm, acute social crisis and
 * harm to others. The alert names it; `category` (coarser) picks the help lines.
 */
export type RiskTopic =
  | "wish_dead"
  | "suicidal_thoughts"
  | "method"
  | "intent"
  | "plan"
  | "preparation"
  | "past_attempt"
  | "burdensomeness"
  | "thwarted_belonging"
  | "hopelessness"
  | "self_harm"
  | "homeless"
  | "no_food"
  | "violence_home"
  | "threatened"
  | "harm_others"
  | "other";

/** clear: the full safety reply and an alert; possible: a gentle "are you safe?" check first. */
export type RiskGrade = "clear" | "possible";

export interface RiskFinding {
  category: RiskCategory;
  severity: Severity;
  grade: RiskGrade;
  topic: RiskTopic;
  language: RiskLanguage;
  /** At most 120 characters of the original message around the hit. */
  excerpt: string;
}
