// The report period from what a coordinator types: nothing (the last 12 months), a year ("2026"),
// a month ("2026-03"), or one or two dates ("1/1/2026 30/6/2026", "2026-01-01 til 2026-06-30").
// Days are Danish calendar days: boundaries are midnight in Copenhagen.
import { parseDate } from "../../lib/text/dates.js";

export interface Period {
  from: Date;
  /** Exclusive end: midnight after the last day. */
  to: Date;
  /** First and last day, YYYY-MM-DD. */
  first: string;
  last: string;
}

const TZ = "Europe/Copenhagen";

function offsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TZ,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - at.getTime();
}

/** Midnight at the start of a Danish calendar day (YYYY-MM-DD). */
export function danishMidnight(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  return new Date(guess.getTime() - offsetMs(guess));
}

/** The Danish calendar day of an instant, YYYY-MM-DD. */
export function danishDay(at: Date): string {
  return new Date(at.getTime() + offsetMs(at)).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function make(first: string, last: string): Period | undefined {
  if (last < first) return undefined;
  return { from: danishMidnight(first), to: danishMidnight(addDays(last, 1)), first, last };
}

function oneDate(text: string, now: Date): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ? undefined : t;
  // A date without a year means the past here (a report looks back), unlike a start date.
  const parsed = parseDate(t, now, "da")?.date;
  if (parsed && parsed > danishDay(now) && !/\d{4}/.test(t)) return `${Number(parsed.slice(0, 4)) - 1}${parsed.slice(4)}`;
  return parsed;
}

export function parsePeriod(args: string, now: Date): Period | undefined {
  const s = args.trim();
  const today = danishDay(now);
  if (!s) {
    const start = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    return make(addDays(start, 1), today);
  }
  if (/^\d{4}$/.test(s)) return make(`${s}-01-01`, `${s}-12-31`);
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return undefined;
    const next = m === 12 ? `${Number(month[1]) + 1}-01-01` : `${month[1]}-${String(m + 1).padStart(2, "0")}-01`;
    return make(`${s}-01`, addDays(next, -1));
  }
  const split = s.split(/\s+(?:-|–|til|to)\s+/i);
  const parts = split.length === 2 ? split : s.split(/\s+/).length === 2 ? s.split(/\s+/) : [s];
  const days = parts.map((p) => oneDate(p, now));
  if (days.some((d) => !d)) return undefined;
  if (days.length === 1) return make(days[0]!, today);
  return make(days[0]!, days[1]!);
}
