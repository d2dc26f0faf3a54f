// The person's answer to "are you safe?", typed instead of pressing a button. Only short messages
// that clearly say one thing count; anything else is handled as a normal message and the check
// stays open until it times out. A bare "ja"/"nej"/"yes"/"no" (or "nej ikke rigtig") answers the
// check only when the check was the last thing the bot asked: otherwise it is more likely the
// answer to a question of the flow, and a "no" read as "I am not safe" would alert coordinators.
import type { Locale } from "../../core/i18n/index.js";
import { fold } from "../../lib/text/normalize.js";

export type CheckAnswer = "safe" | "not_safe" | "talk";
/** Stored on the escalation: an answer, or no answer within the hour. */
export type StoredAnswer = CheckAnswer | "no_answer";

export const CHECK_ANSWERS: readonly CheckAnswer[] = ["safe", "not_safe", "talk"];

interface Phrase {
  answer: CheckAnswer;
  language: Locale;
  /** Matches the whole folded message (æøå folded to ae/oe/aa, punctuation gone). */
  pattern: RegExp;
  /** Only an answer when the check was the last question asked. */
  bare?: boolean;
}

// Longer messages are someone telling more than an answer: those are read by the detector and the
// flows, not here.
const MAX_WORDS = 9;

const OK_DA = "(ok|okay|okey|oki|i sikkerhed|sikker nu|fin|okay nu|ok nu)";
const OK_EN = "(safe|ok|okay|fine|alright|all right)";
const TALK_DA = "(tale|snakke) med (nogen|en|et menneske|en person|en koordinator|en voksen)";
const TALK_EN = "(talk|speak) (to|with) (someone|somebody|a person|a human|a coordinator|anyone)";

// Checked in order: asking for a person first, then a negation, then "safe" — "jeg er ikke ok"
// must never be read as "ok".
const PHRASES: Phrase[] = [
  {
    answer: "talk",
    language: "da",
    pattern: new RegExp(`^(ja )?(jeg )?(vil (gerne )?|vil gerne |har brug for at |kan jeg |maa jeg |ville gerne )?${TALK_DA}( nu)?$`),
  },
  {
    answer: "talk",
    language: "en",
    pattern: new RegExp(`^(yes )?(i )?(want to |need to |would like to |d like to |wanna |can i |could i )?${TALK_EN}( now| please)?$`),
  },
  { answer: "not_safe", language: "da", pattern: new RegExp(`^(nej )?(jeg er|det er jeg) ikke( rigtig)? ${OK_DA}$`) },
  { answer: "not_safe", language: "da", pattern: /^(nej )?jeg er ikke i sikkerhed( lige nu| nu)?$/ },
  { answer: "not_safe", language: "da", pattern: /^(nej|nej ikke rigtig|ikke rigtig|nej det er jeg ikke|det er jeg ikke)$/, bare: true },
  { answer: "not_safe", language: "en", pattern: new RegExp(`^(no )?i (m|am) not( really)? ${OK_EN}( right now| now)?$`) },
  { answer: "not_safe", language: "en", pattern: /^(no|no not really|not really|nope|no i m not|no i am not)$/, bare: true },
  { answer: "safe", language: "da", pattern: new RegExp(`^(ja )?(jeg er|det er jeg) ${OK_DA}( tak)?$`) },
  { answer: "safe", language: "da", pattern: /^(ja )?(jeg har det (ok|okay|fint|godt)|det gaar (fint|ok|godt)|alt er (ok|fint|godt))( tak)?$/ },
  { answer: "safe", language: "da", pattern: /^(ja|jo|ja det er jeg|ja tak)$/, bare: true },
  { answer: "safe", language: "en", pattern: new RegExp(`^(yes )?(i (m|am)|i feel) ${OK_EN}( now| thanks| thank you)?$`) },
  { answer: "safe", language: "en", pattern: /^(yes|yeah|yep|yes i am|yes thanks)$/, bare: true },
];

/**
 * The answer a typed message clearly gives, with the language it is written in; undefined when it
 * is no clear answer. `lastAsked`: the check was the last question, so a bare yes/no counts.
 */
export function readCheckAnswer(text: string, lastAsked: boolean): { answer: CheckAnswer; language: Locale } | undefined {
  const f = fold(text).replace(/\bim\b/g, "i m");
  if (!f || f.split(" ").length > MAX_WORDS) return undefined;
  const hit = PHRASES.find((p) => (lastAsked || !p.bare) && p.pattern.test(f));
  return hit ? { answer: hit.answer, language: hit.language } : undefined;
}
