// Splits a message into folded words while remembering where each came from in the original text
// (so excerpts show what the person wrote) and which sentence it belongs to (so a match cannot
// stitch together words from unrelated sentences of a long message).
import { fold } from "../text/normalize.js";

export interface Token {
  /** Folded word. */
  word: string;
  /** Span in the original text. */
  start: number;
  end: number;
  sentence: number;
}

// Words are letter/digit runs; combining marks stay attached so fold() can strip accents.
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
// A sentence ends at ! ? ; a line break, or a lone full stop ("..." is a pause, not an end).
const SENTENCE_END = /[!?;\n\r]|(?<!\.)\.(?!\.)/;
const PLAIN = /^[a-z0-9]+$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  for (const m of text.matchAll(WORD_RUN)) {
    const start = m.index;
    // Only the gap since the previous word can hold a sentence end; bounded by its length.
    if (start > last && SENTENCE_END.test(text.slice(last, start))) sentence++;
    const raw = m[0];
    const lower = raw.toLowerCase();
    const folded = PLAIN.test(lower) ? lower : fold(raw);
    for (const word of folded.split(" ")) {
      if (word) tokens.push({ word, start, end: start + raw.length, sentence });
    }
    last = start + raw.length;
  }
  return tokens;
}
