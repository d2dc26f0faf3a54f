// Which language a message is written in, to answer in it: counts common Danish and English words
// (folded, so "jeg", "ikke", "hvad" count without æøå too). Undefined when it cannot tell.
import { fold } from "../text/normalize.js";

const DA = new Set(
  "jeg du han hun vi i de det den er var har havde ikke og at til paa med for som kan vil skal min mit mine din dit hvad hvordan hvornaar hvorfor hvor hej tak ja nej gerne godt meget lidt nu faa faar fik mig dig os jer noget ingen en et af fra om efter foer igen ogsaa bare lige altid aldrig moede moedes mentor mentoren uge uger dage timer time dansk engelsk venter stadig slet oplysninger menneske hjaelp hjaelpe ferie syg arbejde uddannelse".split(
    " ",
  ),
);
const EN = new Set(
  "i you he she we they it is are was were have has had not and to on with for as can will would should my mine your what how when why where hi hello thanks thank yes no please good very little now get got me us something nothing a an the of from about after before again also just always never meet met mentor week weeks days hours hour english danish waiting still delete data person human help holiday sick job education want talk".split(
    " ",
  ),
);

export function writtenIn(text: string): "da" | "en" | undefined {
  let da = 0;
  let en = 0;
  for (const w of fold(text).split(" ").slice(0, 80)) {
    if (DA.has(w)) da++;
    if (EN.has(w)) en++;
  }
  if (da === en) return undefined;
  return da > en ? "da" : "en";
}
