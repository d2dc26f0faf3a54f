// Word splitting shared by the free-text interpreters. Tokens keep their position in the raw
// text so we can quote back exactly what the user wrote ("did you mean … for 'sygeplejeske'?").
import { fold } from "./normalize.js";

export interface Token {
  /** Folded form (see fold): lower case, æøå as ae/oe/aa, no accents. */
  norm: string;
  /** Offsets of the raw word this token came from. */
  start: number;
  end: number;
  /** A list separator (comma, slash, full stop, newline …) stands between this and the previous token. */
  breakBefore: boolean;
  /** Written in capitals ("IT"), which tells an acronym from the English pronoun "it". */
  upper: boolean;
}

/** Interview answers are short; past this we stop reading so a pasted essay costs nothing. */
export const MAX_TOKENS = 200;

// Hyphens are not here on purpose: "it-branchen" and "Høje-Taastrup" are one thing.
const LIST_SEPARATOR = /[,;\n\r/&+|•·.:!?()[\]{}]/;

export function tokenize(text: string, maxTokens = MAX_TOKENS): Token[] {
  const out: Token[] = [];
  // Marks (\p{M}) stay inside the word so Devanagari or Arabic words are one raw piece.
  const word = /[\p{L}\p{N}\p{M}]+/gu;
  let last = 0;
  for (let m = word.exec(text); m && out.length < maxTokens; m = word.exec(text)) {
    const piece = m[0];
    let breakBefore = out.length > 0 && LIST_SEPARATOR.test(text.slice(last, m.index));
    const upper = piece === piece.toUpperCase() && piece !== piece.toLowerCase();
    for (const norm of fold(piece).split(" ")) {
      if (!norm) continue;
      out.push({ norm, start: m.index, end: m.index + piece.length, breakBefore, upper });
      breakBefore = false;
    }
    last = m.index + piece.length;
  }
  return out;
}

/**
 * A coarser key on top of fold: people without a Danish keyboard write æøå as ae/oe/aa *or* as
 * plain a/o ("Kobenhavn", "Arhus"). Both spellings reduce to the same skeleton, so neither
 * counts as a typo.
 */
export function skeleton(folded: string): string {
  return folded.replace(/aa|ae/g, "a").replace(/oe/g, "o");
}

/** The raw text covered by tokens[from..to] (inclusive), as the user wrote it. */
export function rawSpan(text: string, tokens: readonly Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to];
  if (!a || !b) return "";
  return text.slice(a.start, b.end).trim();
}
