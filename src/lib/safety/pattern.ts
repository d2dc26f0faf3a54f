// Parses the pattern language documented in rule-types.ts into slots. Parsing happens once at
// module load; a malformed pattern throws immediately so a bad rule edit fails every test.
import { typoBudget } from "../text/normalize.js";
// The word as typed without æøå: "doed" → "dod", "vaere" → "vare", "paa" → "pa".
import { skeleton } from "../text/tokens.js";

/** One alternative word of a slot. */
export interface Alt {
  /** Canonical key ("word", "word=", "stem*"): identical alternatives share one id. */
  key: string;
  /** Spellings accepted: the folded word plus its æøå-less form (aa→a, ae→a, oe→o). */
  variants: string[];
  stem: boolean;
  /** Typos forgiven when matching a whole word (always 0 for stems). */
  budget: number;
  /** A multi-word alternative ("no_one"): its words in order; variants is then empty. */
  parts?: Alt[];
}

export type Slot = { kind: "word"; alts: Alt[]; optional: boolean } | { kind: "gap"; max: number } | { kind: "not"; alts: Alt[] };

export interface Pattern {
  source: string;
  slots: Slot[];
}

const WORD = /^[a-z0-9]+$/;

function parseAlt(raw: string, source: string): Alt {
  if (raw.includes("_")) {
    const parts = raw.split("_").map((p) => parseAlt(p, source));
    if (parts.length < 2 || parts.some((p) => p.key === "")) throw new Error(`Bad word "${raw}" in risk pattern "${source}"`);
    return { key: parts.map((p) => p.key).join("_"), variants: [], stem: false, budget: 0, parts };
  }
  let word = raw;
  let stem = false;
  let exact = false;
  while (word.endsWith("*") || word.endsWith("=")) {
    if (word.endsWith("*")) stem = true;
    else exact = true;
    word = word.slice(0, -1);
  }
  if (!WORD.test(word)) throw new Error(`Bad word "${raw}" in risk pattern "${source}"`);
  const variants = [word];
  const plain = skeleton(word);
  if (plain !== word && plain.length >= 2) variants.push(plain);
  // Four letters get no typo either: one typo turns Danish "uge" (week) into "urge", "har" into "harm".
  const budget = stem || exact || word.length <= 4 ? 0 : typoBudget(word);
  return { key: `${word}${stem ? "*" : ""}${exact ? "=" : ""}`, variants, stem, budget };
}

function parseAlts(text: string, source: string): Alt[] {
  const parts = text.split("|");
  if (parts.some((p) => p === "")) throw new Error(`Empty alternative in risk pattern "${source}"`);
  return parts.map((p) => parseAlt(p, source));
}

export function parsePattern(source: string): Pattern {
  const slots: Slot[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    const gap = /^~(\d)$/.exec(raw);
    if (gap) {
      slots.push({ kind: "gap", max: Number(gap[1]) });
    } else if (raw.startsWith("!")) {
      slots.push({ kind: "not", alts: parseAlts(raw.slice(1), source) });
    } else if (raw.endsWith("?")) {
      slots.push({ kind: "word", alts: parseAlts(raw.slice(0, -1), source), optional: true });
    } else {
      slots.push({ kind: "word", alts: parseAlts(raw, source), optional: false });
    }
  }
  const first = slots[0];
  // The matcher indexes patterns by their first word, so it must be a required word.
  if (!first || first.kind !== "word" || first.optional) {
    throw new Error(`Risk pattern must start with a required word: "${source}"`);
  }
  return { source, slots };
}
