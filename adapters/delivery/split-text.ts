// Fitting text into a platform's limits without losing any of it: long text is cut into parts at
// paragraph breaks, then line breaks, then spaces, and only as a last resort inside a word; a label
// is shortened with an ellipsis. `measure` is how the platform counts (escaped length, UTF-16
// bytes, …); it must not count a joined text as more than its parts, which holds for all of them.

export type Measure = (text: string) => number;
const LENGTH: Measure = (s) => s.length;
const SEPARATORS = ["\n\n", "\n", " "];

/** Parts of `text`, each at most `max` by `measure`; joined with their separators they are the text. */
export function splitText(text: string, max: number, measure: Measure = LENGTH): string[] {
  if (measure(text) <= max) return [text];
  return splitAt(text, max, measure, 0);
}

function splitAt(text: string, max: number, measure: Measure, level: number): string[] {
  const sep = SEPARATORS[level];
  if (sep === undefined) return hardCut(text, max, measure);
  const parts: string[] = [];
  let current = "";
  let cost = 0;
  const sepCost = measure(sep);
  for (const piece of text.split(sep)) {
    const pieceCost = measure(piece);
    if (pieceCost > max) {
      const cut = splitAt(piece, max, measure, level + 1);
      // What came before joins the first cut part when they fit together (a heading stays with its text).
      const first = cut[0] ?? "";
      if (current !== "" && cost + sepCost + measure(first) <= max) cut[0] = current + sep + first;
      else if (current !== "") parts.push(current);
      // The last cut part may take what follows, as any part does.
      parts.push(...cut.slice(0, -1));
      current = cut.at(-1) ?? "";
      cost = measure(current);
      continue;
    }
    if (current !== "" && cost + sepCost + pieceCost <= max) {
      current += sep + piece;
      cost += sepCost + pieceCost;
    } else {
      if (current !== "") parts.push(current);
      current = piece;
      cost = pieceCost;
    }
  }
  if (current !== "") parts.push(current);
  return parts.filter((p) => p.trim() !== "");
}

/** Cuts between characters (never inside a surrogate pair). */
function hardCut(text: string, max: number, measure: Measure): string[] {
  const parts: string[] = [];
  let current = "";
  let cost = 0;
  for (const ch of text) {
    const c = measure(ch);
    if (cost + c > max && current) {
      parts.push(current);
      current = "";
      cost = 0;
    }
    current += ch;
    cost += c;
  }
  if (current) parts.push(current);
  return parts;
}

const ELLIPSIS = "…";

/** `text` as it is when it fits, else cut at a character boundary with an ellipsis, within `max`. */
export function shorten(text: string, max: number, measure: Measure = LENGTH): string {
  if (measure(text) <= max) return text;
  const chars = Array.from(text.trimEnd());
  let keep = Math.min(chars.length, max);
  while (keep > 0 && measure(chars.slice(0, keep).join("").trimEnd() + ELLIPSIS) > max) keep--;
  return chars.slice(0, keep).join("").trimEnd() + ELLIPSIS;
}
