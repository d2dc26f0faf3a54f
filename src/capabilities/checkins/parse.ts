// Reading check-in answers typed in a chat: hours ("1,5", "1½", "90 min", "1:30", "to timer"),
// 1-5 scores and "skip". Pure.
import { fold } from "../../lib/text/normalize.js";
import { NUMBER_WORDS } from "../../lib/text/numbers.js";

// Number words, plus the halves people use for meeting lengths.
const WORDS: Readonly<Record<string, number>> = { ...NUMBER_WORDS, halv: 0.5, half: 0.5, halvanden: 1.5, halvandet: 1.5 };
const MAX_HOURS = 40;

/** Hours in 15-minute steps (rounded to the nearest), or undefined when it is not a duration. */
export function parseHours(text: string): number | undefined {
  const raw = text.trim().toLowerCase().replace(/½/g, ".5").replace(/¼/g, ".25").replace(/¾/g, ".75");
  if (raw.length === 0 || raw.length > 40) return undefined;
  let hours: number | undefined;
  const clock = /^(\d{1,2})[:.](\d{2})\s*(t|timer|h|hours?)?$/.exec(raw);
  const minutes = /^(\d{1,4})\s*(min|minutter|minutes?|m)$/.exec(raw);
  const hAndMin = /^(\d{1,2})\s*(?:t|timer|time|h|hours?)\s*(?:og|and)?\s*(\d{1,2})\s*(?:min|minutter|minutes?|m)?$/.exec(raw);
  const plain = /^(\d{1,2}(?:[.,]\d{1,2})?|[.,]\d{1,2})\s*(?:t|timer|time|tim|h|hrs?|hours?)?$/.exec(raw);
  const mixed = /^(\d{1,2})\s+(\.\d{1,2}|1\/2|1\/4|3\/4)\s*(?:t|timer|time|h|hours?)?$/.exec(raw);
  if (clock && Number(clock[2]) < 60 && raw.includes(":")) hours = Number(clock[1]) + Number(clock[2]) / 60;
  else if (minutes) hours = Number(minutes[1]) / 60;
  else if (hAndMin) hours = Number(hAndMin[1]) + Number(hAndMin[2]) / 60;
  else if (mixed) hours = Number(mixed[1]) + (mixed[2]!.includes("/") ? eval12(mixed[2]!) : Number(mixed[2]));
  else if (plain) hours = Number(plain[1]!.replace(",", "."));
  else hours = fromWords(raw);
  if (hours === undefined || !Number.isFinite(hours)) return undefined;
  const q = Math.round(hours * 4) / 4;
  return q > 0 && q <= MAX_HOURS ? q : undefined;
}

function eval12(f: string): number {
  const [a, b] = f.split("/").map(Number) as [number, number];
  return a / b;
}

const UNITS = new Set(["t", "time", "timer", "h", "hour", "hours", "og", "and"]);

// "en time" = 1, "en halv time" = ½, "to og en halv time" = 2½, "half an hour" = ½.
function fromWords(raw: string): number | undefined {
  const s = ` ${fold(raw)} `.replace(/ (en|et|a) (halv|half) /g, " halv ").replace(/ half an? /g, " halv ");
  const nums = s
    .trim()
    .split(" ")
    .filter((w) => !UNITS.has(w))
    .map((w) => WORDS[w]);
  if (nums.length === 0 || nums.some((n) => n === undefined)) return undefined;
  return (nums as number[]).reduce((sum, n) => sum + n, 0);
}

export function parseScore(text: string): number | undefined {
  const m = /^\s*([1-5])\s*(?:\/\s*5)?\s*[.)!]?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const SKIP = new Set([
  "skip",
  "spring over",
  "spring",
  "ingen",
  "nothing",
  "nej",
  "no",
  "nej tak",
  "no thanks",
  "intet",
  "-",
  "nope",
  "videre",
  "next",
  "naeste",
]);

export function isSkip(text: string): boolean {
  return SKIP.has(fold(text)) || text.trim() === "-";
}
