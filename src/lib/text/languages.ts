// Reads "which languages do you speak?" answers into language codes (see languages-data.ts for
// the code choices: ISO 639-1, else 639-3).
import { LANGUAGE_GROUPS, LANGUAGES } from "./languages-data.js";
import { interpret, Lexicon, type LexiconEntry } from "./lexicon.js";

export { LANGUAGES, LANGUAGE_GROUPS, type LanguageDef } from "./languages-data.js";

export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);

export interface LanguageInterpretation {
  /** Recognised codes in the order named, without duplicates. */
  codes: string[];
  /** List items we could not place, in the user's words. */
  unknown: string[];
}

// Words around language names: "taler flydende dansk og lidt engelsk", "Arabic (native)".
const FILLERS = `taler talt snakker sprog sproget sprogene modersmaal flydende perfekt grundlaeggende
basis niveau laese laeser skrive skriver forstaar mundtligt skriftligt speak speaks spoken language
languages native fluent fluently basic intermediate advanced read write understand mother tongue level
bit little well som udmaerket begynder beginner sprogkundskaber`.split(/\s+/);

function entries(): LexiconEntry[] {
  const out: LexiconEntry[] = LANGUAGES.flatMap((l) => [l.da, l.en, ...l.names].map((phrase) => ({ phrase, ids: [l.code] })));
  for (const g of LANGUAGE_GROUPS) for (const phrase of g.names) out.push({ phrase, ids: g.codes });
  return out;
}

const lexicon = new Lexicon(entries(), FILLERS);

/**
 * Typos are accepted here without a "did you mean": a wrong language in a profile is cheap to fix
 * and a second question about it annoys more than it helps.
 */
export function interpretLanguages(text: string): LanguageInterpretation {
  const { found, unknown } = interpret(text, lexicon);
  return { codes: [...new Set(found.flatMap((f) => f.ids))], unknown };
}

export function languageName(code: string, locale: "da" | "en"): string {
  const def = LANGUAGES.find((l) => l.code === code);
  return def ? def[locale] : code;
}
