// The details an intent needs, read from the same sentence: which language, which outcome, how long
// a pause lasts and why, who a message is for and what it says, how long a meeting was and when.
// Pure; every pattern works on folded text (lower case, æøå → ae/oe/aa, punctuation → spaces).
import { fold } from "../text/normalize.js";
import { parseDate } from "../text/dates.js";
import { findDays, findHours } from "./quantities.js";

export type OutcomeKind = "job" | "education" | "internship" | "wage_subsidy";
export type PauseReason = "holiday" | "illness" | "other";
export type ProfileField = "name" | "municipality" | "industry" | "languages" | "availability" | "other";

export interface Slots {
  lang?: "da" | "en";
  kind?: OutcomeKind;
  reason?: PauseReason;
  /** Length of a pause in days, when the sentence gives one. */
  days?: number;
  /** Last day of a pause (YYYY-MM-DD), when the sentence names a date. */
  until?: string;
  to?: "mentor" | "mentee";
  message?: string;
  hours?: number;
  met?: boolean;
  when?: string;
  field?: ProfileField;
}

const has = (f: string, re: RegExp) => re.test(f);

/** The language someone asks for: the one named after "på"/"in"/"to", else the one named at all. */
export function wantedLanguage(f: string): "da" | "en" | undefined {
  const en = /\b(engelsk|english|englisch|engelsh|englsh|engelska|eng)\b/;
  const da = /\b(dansk|danish|danks|dansh|daensk|danske)\b/;
  if (en.test(f) && !da.test(f)) return "en";
  if (da.test(f) && !en.test(f)) return "da";
  const target = /\b(paa|in|to|into|til|switch to|skift til)\s+(engelsk|english|dansk|danish)\b/.exec(f);
  if (target) return /eng/.test(target[2]!) ? "en" : "da";
  return undefined;
}

export function outcomeKind(f: string): OutcomeKind | undefined {
  if (has(f, /\b(loentilskud|lontilskud|lontilskud|loen tilskud|wage subsidy|subsidi[sz]ed (job|position)|subsidy)\b/)) return "wage_subsidy";
  if (has(f, /\b(praktik\w*|internship\w*|intern|trainee\w*)\b/)) return "internship";
  if (
    has(
      f,
      /\b(uddannels\w*|udannelse\w*|optaget|studie\w*|studere|education|course|school|skole|university|universitet|college|accepted|admitted|hf|eud|ordinary education|laere\w*|lærling|apprentice\w*)\b/,
    )
  )
    return "education";
  if (has(f, /\b(job\w*|arbejde|arbejd|ansat|ansaettelse|stilling|hired|employed|work|position|kontrakt|contract|fuldtid|deltid)\b/)) return "job";
  return undefined;
}

export function pauseReason(f: string): PauseReason {
  if (has(f, /\b(ferie\w*|holiday\w*|vacation\w*|rejse\w*|travel\w*|udlandet|abroad|vinterferie|sommerferie|juleferie)\b/)) return "holiday";
  if (has(f, /\b(syg\w*|sick|ill|illness|operation|operere\w*|hospital\w*|indlagt|surgery|sygemeldt|influenza|flu|covid)\b/)) return "illness";
  return "other";
}

export function profileField(f: string): ProfileField {
  if (has(f, /\b(flyttet|flytter|flytte|moved|move|kommune|municipality|adresse|address|by|city|bor|live)\b/)) return "municipality";
  if (has(f, /\b(branche\w*|industry|industri|fag|field|omraade|sector|sektor)\b/)) return "industry";
  if (has(f, /\b(sprog|language\w*|taler|speak)\b/)) return "languages";
  if (has(f, /\b(tid\w*|aften\w*|evening\w*|weekend\w*|formiddag\w*|morning\w*|dag(e)?|days?|available|availability|kan moedes|can meet|hverdag\w*)\b/))
    return "availability";
  if (has(f, /\b(navn|name)\b/)) return "name";
  return "other";
}

/** Who a relayed message is for and its words: "sig til min mentor at jeg er forsinket" → mentor, "jeg er forsinket". */
export function relayParts(text: string): { to?: "mentor" | "mentee"; message?: string } {
  const f = fold(text);
  const to = /\bmentee\w*\b/.test(f) ? "mentee" : /\bmentor\w*\b/.test(f) ? "mentor" : undefined;
  const m = /\b(?:mentor|mentee)\w*\b[^:]*?(?:\bat\b|\bthat\b|:|,)\s*(.+)$/is.exec(text);
  const message = m?.[1]?.trim().replace(/^["“”']|["“”']$/g, "");
  return { ...(to ? { to } : {}), ...(message ? { message } : {}) };
}

export function whenSaid(f: string): string | undefined {
  if (has(f, /\b(i gaar|igaar|i gar|igar|yesterday|yday)\b/)) return "yesterday";
  if (has(f, /\b(i dag|idag|today|tdy|i formiddag|i eftermiddag|i aften|this morning|this afternoon|tonight)\b/)) return "today";
  // "i mandags" is last Monday, as "mandag" is.
  const day = /\b(mandag|tirsdag|onsdag|torsdag|fredag|loerdag|lordag|soendag|sondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/.exec(f);
  return day?.[1];
}

/** Yes or no to "did you meet this week?", when the answer says so. */
export function metAnswer(f: string): boolean | undefined {
  if (
    has(
      f,
      /^(nej|no|nope|nah|ikke|not|nix|desvaerre ikke|nej desvaerre)\b|\b(ikke moedt|not met|didn t|did not|haven t|have not|har ikke|naaede det ikke|nåede det ikke|naede det ikke|ikke i (denne|den her) uge|not this week|ingen moeder|no meeting)\b/,
    )
  )
    return false;
  if (has(f, /^(ja|jo|yes|yep|yeah|yup|jep|jeps|ja tak|ok ja)\b|\b(vi moedtes|we met|vi har moedtes|har moedtes|we did|vi gjorde)\b/)) return true;
  return undefined;
}

export function readSlots(intent: string, text: string, now: Date): Slots {
  const f = fold(text);
  switch (intent) {
    case "language": {
      const lang = wantedLanguage(f);
      return lang ? { lang } : {};
    }
    case "outcome": {
      const kind = outcomeKind(f);
      return kind ? { kind } : {};
    }
    case "mentor_pause": {
      const days = findDays(text);
      // "indtil 5. januar" is the last day; "fra 20. december" is when it starts, not an end.
      const date = /\b(til|indtil|until|till|through|to)\b/.test(f) && !days ? parseDate(text, now, "da")?.date : undefined;
      return { reason: pauseReason(f), ...(days ? { days } : {}), ...(date ? { until: date } : {}) };
    }
    case "relay":
      return relayParts(text);
    case "meeting":
    case "checkin_answer": {
      const h = findHours(text);
      const met = intent === "meeting" ? true : (metAnswer(f) ?? (h ? true : undefined));
      const when = whenSaid(f);
      return { ...(h ? { hours: h.hours } : {}), ...(met !== undefined ? { met } : {}), ...(when ? { when } : {}) };
    }
    case "change_profile":
      return { field: profileField(f) };
    default:
      return {};
  }
}
