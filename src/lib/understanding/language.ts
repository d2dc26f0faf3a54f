// Which language a message is written in: Danish and English words that are not everyday words in
// the other language ("hej"/"hi" yes; "mentor", "job", "i", "to", "have" no), folded, so "hvornår"
// and "hvornaar" count alike. Used to answer in the language written and to pick a language at
// first contact.
import { fold } from "../text/normalize.js";

const DANISH_WORDS = new Set(
  `hej hejsa goddag jeg mig min mit mine du dig din dit vi os vores ja nej tak vil ville gerne har havde er var og ikke
  hvad hvordan hvorfor hvem hvor hvornaar kan skal skulle kunne godt en et det den til med paa af som noget lidt meget
  finde faa faar fik hjaelp hjaelpe soeger leder arbejde ledig vaere blive hedder taler bor hjem uddannelse morgen
  stadig venter slet oplysninger menneske ferie syg moedtes engelsk dansk`.split(/\s+/),
);
const ENGLISH_WORDS = new Set(
  `hi hello thanks thank please yes want would like need looking find finding help the my me am is are was you your
  what how why who where can could should will get be become work working speak don im name this that with and of a an
  there good morning still waiting delete data human holiday sick met english danish`.split(/\s+/),
);

/**
 * The language a message is written in: at least `min` distinct words of one language and
 * `dominance` times as many as of the other. Otherwise undefined.
 */
export function writtenIn(text: string, { min = 1, dominance = 1.01 }: { min?: number; dominance?: number } = {}): "da" | "en" | undefined {
  const words = new Set(fold(text).split(" ").slice(0, 80));
  let da = 0;
  let en = 0;
  for (const w of words) {
    if (DANISH_WORDS.has(w)) da++;
    if (ENGLISH_WORDS.has(w)) en++;
  }
  if (da >= min && da >= dominance * en) return "da";
  if (en >= min && en >= dominance * da) return "en";
  return undefined;
}
