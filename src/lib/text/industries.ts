// Reads free-text answers to "which industries interest you?" into taxonomy ids.
import { INDUSTRIES } from "./industries-data.js";
import { interpret, Lexicon, type LexiconEntry } from "./lexicon.js";

export { INDUSTRIES, type IndustryDef } from "./industries-data.js";

export const INDUSTRY_IDS: readonly string[] = INDUSTRIES.map((i) => i.id);

export interface IndustryMatch {
  id: string;
  /** "unsure" = only matched with a typo allowance: confirm with the user ("did you mean …?"). */
  confidence: "sure" | "unsure";
  /** The user's words that matched. */
  input: string;
}

export interface IndustryInterpretation {
  matches: IndustryMatch[];
  /** List items we could not place, in the user's words. */
  unknown: string[];
}

// Words that say "sector"/"role" rather than which one; also the tails of compounds
// ("it|branchen", "butiks|leder", "lager|medarbejder").
const FILLERS = `branche branchen brancher branchens sektor sektoren sektorer omraade omraadet omraader felt
feltet industrien industry industries verden verdenen leder chef medarbejder medarbejdere hjaelper assistent
elev laerling konsulent ansat mand dame folk person personer arbejdsplads arbejdspladser virksomhed
virksomheder firma firmaer noget`.split(/\s+/);

function entries(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const def of INDUSTRIES) {
    const guarded = new Set(def.guarded ?? []);
    for (const phrase of [def.da, def.en, ...def.synonyms]) {
      if (!guarded.has(phrase)) out.push({ phrase, ids: [def.id] });
    }
    for (const phrase of guarded) out.push({ phrase, ids: [def.id], guarded: true });
  }
  return out;
}

const lexicon = new Lexicon(entries(), FILLERS);

export function interpretIndustries(text: string): IndustryInterpretation {
  const { found, unknown } = interpret(text, lexicon);
  const matches: IndustryMatch[] = [];
  for (const f of found) {
    for (const id of f.ids) {
      const confidence = f.sure ? "sure" : "unsure";
      const seen = matches.find((m) => m.id === id);
      if (!seen) matches.push({ id, confidence, input: f.input });
      else if (confidence === "sure" && seen.confidence === "unsure") Object.assign(seen, { confidence, input: f.input });
    }
  }
  return { matches, unknown };
}

export function industryName(id: string, locale: "da" | "en"): string {
  const def = INDUSTRIES.find((i) => i.id === id);
  return def ? def[locale] : id;
}
