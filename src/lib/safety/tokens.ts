// Splits a message into folded words while remembering where each came from in the original text
// (so excerpts show what the person wrote) and which sentence it belongs to (so a match cannot
// stitch together words from unrelated sentences of a long message). One regex pass, no backtracking.
import { fold } from "../text/normalize.js";

export interface Token {
  /** Folded word. */
  word: string;
  /** Span in the original text. */
  start: number;
  end: number;
  sentence: number;
}

// Words are letter/digit runs (combining marks stay attached so fold() can strip accents);
// the other alternative finds sentence punctuation between words.
const PIECES = /[\p{L}\p{N}\p{M}]+|[.!?;\n\r]+/gu;
const PLAIN = /^[a-z0-9]+$/;

export function tokenize(text: string): Token[] {
  // Lower-casing once is much faster; only if it changed the length (rare letters such as "İ")
  // would offsets drift, and then we lower-case word by word instead.
  const lowered = text.toLowerCase();
  const perWord = lowered.length !== text.length;
  const source = perWord ? text : lowered;
  const tokens: Token[] = [];
  let sentence = 0;
  let pendingEnd = false;
  for (const m of source.matchAll(PIECES)) {
    const piece = m[0];
    const first = piece.charCodeAt(0);
    if (first === 46 || first === 33 || first === 63 || first === 59 || first === 10 || first === 13) {
      // ! ? ; and line breaks end a sentence; so does a lone full stop, but "..." is a pause.
      if (!/^\.{2,}$/.test(piece)) pendingEnd = true;
      continue;
    }
    if (pendingEnd && tokens.length > 0) sentence++;
    pendingEnd = false;
    const start = m.index;
    const lower = perWord ? piece.toLowerCase() : piece;
    const folded = PLAIN.test(lower) ? lower : fold(lower);
    if (folded === lower) {
      tokens.push({ word: lower, start, end: start + piece.length, sentence });
      continue;
    }
    for (const word of folded.split(" ")) {
      if (word) tokens.push({ word, start, end: start + piece.length, sentence });
    }
  }
  return tokens;
}
