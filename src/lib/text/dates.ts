// Reads a date from a chat answer ("24/11", "næste mandag", "in 2 weeks") into YYYY-MM-DD.
// Pure: "today" is derived from the `now` passed in, in Danish time (Europe/Copenhagen), so a
// message sent at 00:30 Danish time is read on the Danish calendar day whatever the server's zone.
import { editDistance, fold, typoBudget } from "./normalize.js";
import { skeleton } from "./tokens.js";
import { NUMBER_WORDS } from "./numbers.js";

export interface ParsedDate {
  date: string;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MAX_WORDS = 200;

const MONTHS: readonly (readonly string[])[] = [
  ["januar", "january", "jan"],
  ["februar", "february", "feb"],
  ["marts", "march", "mar"],
  ["april", "apr"],
  ["maj", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["august", "aug"],
  ["september", "sept", "sep"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nov"],
  ["december", "dec"],
];

// Monday first (index 0), as in Denmark. Abbreviations only count after "næste"/"next"/"på"…
// because "man", "sun", "sat" are ordinary words.
const WEEKDAYS: readonly { full: readonly string[]; short: readonly string[] }[] = [
  { full: ["mandag", "monday"], short: ["man", "mon"] },
  { full: ["tirsdag", "tuesday"], short: ["tirs", "tir", "tue", "tues"] },
  { full: ["onsdag", "wednesday"], short: ["ons", "wed"] },
  { full: ["torsdag", "thursday"], short: ["tors", "tor", "thu", "thur", "thurs"] },
  { full: ["fredag", "friday"], short: ["fre", "fri"] },
  { full: ["loerdag", "saturday"], short: ["loer", "sat"] },
  { full: ["soendag", "sunday"], short: ["soen", "sun"] },
];

const WEEKDAY_TRIGGERS = new Set(["naeste", "next", "paa", "on", "kommende", "coming", "this", "til", "until", "fra", "from"]);

const UNITS: Record<string, "day" | "week" | "month" | "year"> = {
  dag: "day",
  dage: "day",
  day: "day",
  days: "day",
  uge: "week",
  uger: "week",
  week: "week",
  weeks: "week",
  maaned: "month",
  maaneder: "month",
  month: "month",
  months: "month",
  aar: "year",
  year: "year",
  years: "year",
};

/**
 * Accepts numeric dates (day first; "11/24/2026" month first only when nothing else fits),
 * written months in Danish or English ("24. nov", "November 24th, 2026"), "i dag"/"today",
 * "i morgen"/"tomorrow", "overmorgen", weekdays ("næste mandag", "monday next week") and
 * offsets ("om 2 uger", "in 3 days"). Without a year: the next such date, today included.
 * Invalid dates (31/02) give undefined rather than a guess. `locale` is accepted for symmetry
 * with the other interpreters; both languages are always understood.
 */
export function parseDate(text: string, now: Date, _locale: "da" | "en"): ParsedDate | undefined {
  const today = danishToday(now);
  const numeric = numericDate(text, today);
  const found = numeric !== undefined ? numeric : wordDate(fold(text).split(" ").slice(0, MAX_WORDS).filter(Boolean), today);
  return found ? { date: format(found) } : undefined;
}

function danishToday(now: Date): Ymd {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", year: "numeric", month: "numeric", day: "numeric" }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { y: get("year"), m: get("month"), d: get("day") };
}

/** undefined = no numeric date in the text; null = there is one but it is not a real date. */
function numericDate(text: string, today: Ymd): Ymd | null | undefined {
  // Bounded quantifiers and no nesting: linear on any input. "kl. 10.30" is a time, not a date.
  const re = /(?<!\d)(\d{1,4})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?(?!\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (/\bkl(okken)?\.?\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    const [, a = "", b = "", c] = m;
    if (a.length === 3) return null;
    if (a.length === 4) return c && c.length <= 2 ? valid(Number(a), Number(b), Number(c)) : null;
    let day = Number(a);
    let month = Number(b);
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return c === undefined ? nextOccurrence(month, day, today) : valid(year(c), month, day);
  }
  return undefined;
}

function year(digits: string): number {
  if (digits.length === 2) return 2000 + Number(digits);
  return digits.length === 4 ? Number(digits) : NaN;
}

function wordDate(w: readonly string[], today: Ymd): Ymd | null | undefined {
  for (let i = 0; i < w.length; i++) {
    const [a = "", b = "", c = ""] = w.slice(i, i + 3);
    if ((a === "i" && b === "dag") || a === "idag" || a === "today") return today;
    if ((a === "i" && b === "overmorgen") || a === "overmorgen") return addDays(today, 2);
    if (a === "day" && b === "after" && c === "tomorrow") return addDays(today, 2);
    if ((a === "i" && b === "morgen") || a === "imorgen" || a === "tomorrow") return addDays(today, 1);
    if (a === "om" || a === "in") {
      const n = amount(b);
      const unit = UNITS[unitKey(c)];
      if (n !== undefined && unit) return addUnits(today, n, unit);
    }
    const weekday = weekdayAt(w, i, today);
    if (weekday) return weekday;
    const day = dayOf(a);
    const after = day !== undefined ? monthAfter(w, i + 1) : undefined;
    if (day !== undefined && after) return withYear(after.month, day, w[after.next], today);
    const month = monthOf(a);
    const monthDay = dayOf(b);
    if (month !== undefined && monthDay !== undefined) return withYear(month, monthDay, c, today);
  }
  return undefined;
}

function amount(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

/** "måneder" folds to "maaneder"; people also write "maneder". */
function unitKey(word: string): string {
  const s = skeleton(word);
  return Object.keys(UNITS).find((u) => skeleton(u) === s) ?? word;
}

/** "24", "24th", "1st"; undefined if not a day number. */
function dayOf(word: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  return m ? Number(m[1]) : undefined;
}

/** Month at w[i] (skipping "of"), with the index after it. */
function monthAfter(w: readonly string[], i: number): { month: number; next: number } | undefined {
  const at = w[i] === "of" ? i + 1 : i;
  const month = monthOf(w[at] ?? "");
  return month === undefined ? undefined : { month, next: at + 1 };
}

function monthOf(word: string): number | undefined {
  const index = nameIndex(word, MONTHS, true);
  return index === undefined ? undefined : index + 1;
}

/** Index of the name list containing word; typos allowed on full names of 5+ letters. */
function nameIndex(word: string, lists: readonly (readonly string[])[], fuzzy: boolean): number | undefined {
  const s = skeleton(word);
  if (!s || /\d/.test(s)) return undefined;
  const exact = lists.findIndex((names) => names.some((n) => skeleton(n) === s));
  if (exact >= 0) return exact;
  if (!fuzzy || s.length < 5) return undefined;
  const hits = new Map<number, number>();
  lists.forEach((names, index) => {
    for (const n of names) {
      const k = skeleton(n);
      if (k.length < 5) continue;
      const dist = editDistance(s, k, typoBudget(k));
      if (dist <= typoBudget(k)) hits.set(index, Math.min(dist, hits.get(index) ?? Infinity));
    }
  });
  const min = Math.min(...hits.values());
  const closest = [...hits].filter(([, dist]) => dist === min);
  // "jumi" is as close to "juni" as to "juli" would be: no guess.
  return closest.length === 1 ? closest[0]![0] : undefined;
}

/** Written-month forms take only a four-digit year: a two-digit number after them is more often a time. */
function withYear(month: number, day: number, next: string | undefined, today: Ymd): Ymd | null {
  if (next && /^\d{4}$/.test(next)) return valid(Number(next), month, day);
  return nextOccurrence(month, day, today);
}

function weekdayAt(w: readonly string[], i: number, today: Ymd): Ymd | undefined {
  const triggered = WEEKDAY_TRIGGERS.has(w[i] ?? "");
  const at = triggered ? i + 1 : i;
  const word = w[at] ?? "";
  const full = WEEKDAYS.map((x) => x.full);
  const short = WEEKDAYS.map((x) => x.short);
  const target = triggered ? (nameIndex(word, full, true) ?? nameIndex(word, short, false)) : nameIndex(word, full, false);
  if (target === undefined) return undefined;
  const current = weekdayOf(today);
  // "mandag i næste uge" / "monday next week": that day in next calendar week.
  const rest = w.slice(at + 1, at + 4).join(" ");
  if (/^(i )?naeste uge|^next week|^of next week/.test(rest)) return addDays(today, 7 - current + target);
  // Otherwise the first such day after today ("næste mandag" on a Sunday is tomorrow).
  return addDays(today, (target - current + 7) % 7 || 7);
}

function valid(y: number, m: number, d: number): Ymd | null {
  if (!Number.isInteger(y) || y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  return d <= daysInMonth(y, m) ? { y, m, d } : null;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first date with this month and day from today on (29/2 waits for a leap year). */
function nextOccurrence(month: number, day: number, today: Ymd): Ymd | null {
  for (let y = today.y; y <= today.y + 8; y++) {
    const date = valid(y, month, day);
    if (date && format(date) >= format(today)) return date;
  }
  return null;
}

function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addDays(from: Ymd, days: number): Ymd {
  return fromUtc(new Date(Date.UTC(from.y, from.m - 1, from.d + days)));
}

/** Months and years keep the day, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
function addUnits(from: Ymd, n: number, unit: "day" | "week" | "month" | "year"): Ymd {
  if (unit === "day") return addDays(from, n);
  if (unit === "week") return addDays(from, 7 * n);
  const months = from.m - 1 + (unit === "month" ? n : 12 * n);
  const y = from.y + Math.floor(months / 12);
  const m = (months % 12) + 1;
  return { y, m, d: Math.min(from.d, daysInMonth(y, m)) };
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf(date: Ymd): number {
  return (new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() + 6) % 7;
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
