// Calendar arithmetic in a person's time zone without a date library: ISO week keys ("2026-W48"),
// "this weekday at 10:00 local" as an instant, and quiet hours. Pure; the instant comes from the caller.

export const DEFAULT_TZ = "Europe/Copenhagen";
/** One day in milliseconds. */
export const DAY = 864e5;

export interface LocalParts {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-GB", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
    } catch {
      // An unknown zone in the database must not stop the scheduler: fall back to Danish time.
      f = formatter(DEFAULT_TZ);
    }
    formatters.set(tz, f);
  }
  return f;
}

export function localParts(at: Date, tz: string): LocalParts {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const y = p.year!;
  const m = p.month!;
  const d = p.day!;
  return { y, m, d, h: p.hour! % 24, min: p.minute!, weekday: ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1 };
}

/** The instant when the wall clock in `tz` shows y-m-d h:min (the later one if a DST gap moves it). */
export function zonedInstant(y: number, m: number, d: number, h: number, min: number, tz: string): Date {
  const wall = Date.UTC(y, m - 1, d, h, min);
  const offsetAt = (t: number) => {
    const l = localParts(new Date(t), tz);
    return Date.UTC(l.y, l.m - 1, l.d, l.h, l.min) - Math.floor(t / 6e4) * 6e4;
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(second);
}

/** ISO week key of a calendar date, e.g. "2026-W48". */
export function isoWeekOfDate(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3); // the Thursday decides the year
  const year = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / DAY / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function periodOf(at: Date, tz: string): string {
  const l = localParts(at, tz);
  return isoWeekOfDate(l.y, l.m, l.d);
}

export function isWeekPeriod(period: string): boolean {
  return /^\d{4}-W\d{2}$/.test(period);
}

/** The Monday of an ISO week as a UTC-midnight date (a calendar date, not an instant). */
export function mondayOf(period: string): Date {
  const [y, w] = period.split("-W").map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY + (w - 1) * 7 * DAY);
}

/** Whole weeks from period a to period b (b later = positive). */
export function weeksBetween(a: string, b: string): number {
  return Math.round((mondayOf(b).getTime() - mondayOf(a).getTime()) / (7 * DAY));
}

export function shiftPeriod(period: string, weeks: number): string {
  const d = new Date(mondayOf(period).getTime() + weeks * 7 * DAY);
  return isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The instant of `weekday` (1 = Monday) in `period` at `hour`:00 on the wall clock in `tz`. */
export function dueInstant(period: string, weekday: number, hour: number, tz: string): Date {
  const day = new Date(mondayOf(period).getTime() + (Math.min(7, Math.max(1, weekday)) - 1) * DAY);
  return zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, 0, tz);
}

export interface QuietHours {
  start: number;
  end: number;
}

export function isQuiet(at: Date, tz: string, q: QuietHours): boolean {
  const h = localParts(at, tz).h;
  return q.start > q.end ? h >= q.start || h < q.end : h >= q.start && h < q.end;
}

/** `at`, or the end of the quiet hours it falls in (nobody gets a nudge at 23:00). */
export function outsideQuiet(at: Date, tz: string, q: QuietHours): Date {
  if (!isQuiet(at, tz, q)) return at;
  const l = localParts(at, tz);
  const nextDay = q.start > q.end && l.h >= q.start;
  const day = new Date(Date.UTC(l.y, l.m - 1, l.d) + (nextDay ? DAY : 0));
  return zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), q.end, 0, tz);
}

/** A short local date for texts: "24.12.2026" (read the same way in Danish and English). */
export function shortDate(at: Date, tz: string): string {
  const l = localParts(at, tz);
  return `${l.d}.${l.m}.${l.y}`;
}
