// Numbers and quantities written in words or digits, in Danish and English, anywhere in a sentence:
// meeting lengths ("halvanden time", "1,5 t", "2-3 timer", "a couple of hours", "tre kvarter") and
// periods ("de næste tre uger", "14 dage", "a fortnight"). Pure; works on folded text (fold()).
import { fold } from "../text/normalize.js";
import { NUMBER_WORDS as NUMBER } from "../text/numbers.js";

/** Words that stand for a small amount: "et par timer", "a couple of weeks", "nogle dage". */
const ABOUT: Record<string, number> = { par: 2, couple: 2, nogle: 3, few: 3, faa: 3, several: 3, flere: 3 };

const HOUR = /^(t|tim|time|timer|timers|timen|times|h|hr|hrs|hour|hours|houre|timme|timmer|tmer|timr)$/;
const MINUTE = /^(m|min|mins|minut|minutter|minuter|minute|minutes)$/;
const QUARTER = /^(kvarter|kvart|quarter|quarters)$/;
const DAY = /^(d|dag|dage|dagen|day|days)$/;
const WEEK = /^(uge|uger|ugen|ugr|week|weeks|wk|wks|uges)$/;
const MONTH = /^(maaned|maaneder|maaneden|maaneds|maned|maneder|month|months|mdr|md|mnd|mnds)$/;

export interface Hours {
  hours: number;
  /** "2-3 timer": the two ends; `hours` is then the midpoint. */
  range?: [number, number];
}

/** One number token: digits with a decimal comma or point, ½-style fractions, or a number word. */
function numberAt(words: readonly string[], i: number): { value: number; used: number } | undefined {
  const w = words[i] ?? "";
  if (/^\d+$/.test(w)) {
    // fold() turns "1,5" into "1 5": join them back when a one- or two-digit tail follows.
    const next = words[i + 1] ?? "";
    if (/^\d{1,2}$/.test(next) && isUnitAhead(words, i + 2)) return { value: Number(`${w}.${next}`), used: 2 };
    return { value: Number(w), used: 1 };
  }
  if (w === "halvanden" || w === "halvandet") return { value: 1.5, used: 1 };
  if (w === "halv" && (words[i + 1] === "anden" || words[i + 1] === "andet")) return { value: 1.5, used: 2 };
  // "half an hour", "en halv times tid"
  if ((w === "half" || w === "halv") && /^(an|a|en|et)$/.test(words[i + 1] ?? "") && HOUR.test(words[i + 2] ?? "")) return { value: 0.5, used: 2 };
  if ((w === "en" || w === "et" || w === "a") && (words[i + 1] === "halv" || words[i + 1] === "half")) return { value: 0.5, used: 2 };
  if (w === "halv" || w === "half") return { value: 0.5, used: 1 };
  if ((w === "et" || w === "a") && ABOUT[words[i + 1] ?? ""] !== undefined) {
    return { value: ABOUT[words[i + 1]!]!, used: words[i + 2] === "of" ? 3 : 2 };
  }
  if (ABOUT[w] !== undefined) return { value: ABOUT[w], used: words[i + 1] === "of" ? 2 : 1 };
  if (NUMBER[w] !== undefined) {
    // "to og en halv" / "two and a half"
    const rest = words.slice(i + 1, i + 4).join(" ");
    if (/^(og|and) (en|et|a) (halv|half)\b/.test(rest)) return { value: NUMBER[w] + 0.5, used: 4 };
    // "to en halv time" (SMS style for "to og en halv")
    if (/^(en|et) (halv)\b/.test(rest) && HOUR.test(words[i + 3] ?? "")) return { value: NUMBER[w] + 0.5, used: 3 };
    return { value: NUMBER[w], used: 1 };
  }
  return undefined;
}

function isUnitAhead(words: readonly string[], i: number): boolean {
  const w = words[i] ?? "";
  return HOUR.test(w) || MINUTE.test(w) || w === "" || /^(og|and|i|om)$/.test(w);
}

// Run-together words people type on phones: "tretimer", "twohours", "3timer".
const GLUED = new RegExp(
  `\\b(${Object.keys(NUMBER)
    .filter((w) => w.length > 2)
    .join("|")})(timer|time|hours|hour|uger|uge|weeks|week|dage|days|min)\\b`,
  "g",
);

function prepare(text: string): string[] {
  const raw = text
    .toLowerCase()
    .replace(/(\d)\s*½/g, "$1,5")
    .replace(/(\d)\s*[th]\s*(\d{2})\b/g, (_, h: string, m: string) => `${h} timer og ${m} min`)
    .replace(/½/g, " halv ")
    .replace(GLUED, "$1 $2")
    .replace(/(\d)[,.](\d)/g, "$1 $2")
    .replace(/(\d)(?=[a-zæøå])/g, "$1 ")
    .replace(/(\d)\s*[-–]\s*(\d)/g, "$1 til $2");
  return fold(raw).split(" ").filter(Boolean);
}

/** The first duration in the text, in hours (15-minute steps): "vi mødtes 1,5 time", "two and a half hours". */
export function findHours(text: string): Hours | undefined {
  const words = prepare(text);
  if (words.length > 200) return undefined;
  for (let i = 0; i < words.length; i++) {
    // "an hour and a half" / "en time og et kvarter" / "en time og 20 minutter"
    const first = numberAt(words, i);
    if (!first) continue;
    let j = i + first.used;
    let value = first.value;
    let range: [number, number] | undefined;
    // "2 til 3 timer", "2 or 3 hours", "to-tre timer"
    if (/^(til|to|or|eller)$/.test(words[j] ?? "")) {
      const second = numberAt(words, j + 1);
      if (second && second.value > value) {
        range = [value, second.value];
        j = j + 1 + second.used;
      }
    }
    const unit = words[j] ?? "";
    let factor: number | undefined;
    if (HOUR.test(unit)) factor = 1;
    else if (MINUTE.test(unit)) factor = 1 / 60;
    else if (QUARTER.test(unit)) factor = 0.25;
    if (factor === undefined) continue;
    let hours = (range ? (range[0] + range[1]) / 2 : value) * factor;
    // "… og en halv", "… and a half", "… og et kvarter", "… og 20 minutter"
    const tail = words.slice(j + 1, j + 5).join(" ");
    if (factor === 1) {
      if (/^(og|and) (en|et|a) (halv|half)\b/.test(tail)) hours += 0.5;
      else if (/^(og|and) (et|a) (kvarter|quarter)\b/.test(tail)) hours += 0.25;
      else {
        const m = /^(?:(?:og|and) )?(\d{1,2}) (m|min|mins|minutter|minutes)\b/.exec(tail);
        if (m) hours += Number(m[1]) / 60;
        // "an hour or two", "en time eller to": the middle of the two.
        const or = /^(or|eller) (\w+)\b/.exec(tail);
        const upper = or ? (NUMBER[or[2]!] ?? (/^\d+$/.test(or[2]!) ? Number(or[2]) : undefined)) : undefined;
        if (!range && upper !== undefined && upper > value) {
          range = [value, upper];
          hours = (value + upper) / 2;
        }
      }
    }
    value = Math.round(hours * 4) / 4;
    if (value <= 0 || value > 40) continue;
    return range ? { hours: value, range: [range[0] * factor, range[1] * factor] } : { hours: value };
  }
  return undefined;
}

/** The first period in the text, in days: "de næste tre uger" → 21, "a fortnight" → 14, "14 dage" → 14. */
export function findDays(text: string): number | undefined {
  const words = prepare(text);
  if (words.length > 200) return undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "fortnight") return 14;
    if (w === "weekend" || w === "weekenden") continue;
    const n = numberAt(words, i);
    // "en uge", "a week", "ugen" alone: one unit.
    const unitOnly = !n && (WEEK.test(w) || MONTH.test(w)) && /^(en|et|a|one|naeste|next|the)$/.test(words[i - 1] ?? "");
    if (!n && !unitOnly) continue;
    const j = n ? i + n.used : i;
    const unit = words[j] ?? "";
    const value = n ? n.value : 1;
    let days: number | undefined;
    const half = /^(og|and) (en|et|a) (halv|half)\b/.test(words.slice(j + 1, j + 4).join(" ")) ? 0.5 : 0;
    if (DAY.test(unit)) days = value;
    else if (WEEK.test(unit)) days = (value + half) * 7;
    else if (MONTH.test(unit)) days = (value + half) * 30;
    if (days !== undefined && days > 0 && days <= 366) return Math.round(days);
  }
  return undefined;
}

/** A number written in words or digits on its own ("to", "2", "halvanden", "1,5"). */
export function readNumber(text: string): number | undefined {
  const words = prepare(text);
  const n = numberAt(words, 0);
  return n && n.used === words.length ? n.value : undefined;
}
