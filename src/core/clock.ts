// Time is injected: the core never calls Date.now() directly, so tests and the demo can move it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be moved forward; used by tests and the console demo (`/clock +7d`). */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(
    private readonly base: Clock = systemClock,
    start?: Date,
  ) {
    if (start) this.offsetMs = start.getTime() - base.now().getTime();
  }
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error("The clock only moves forward");
    this.offsetMs += ms;
  }
}

/** A clock that stands still until moved: deterministic tests. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(d: Date): void {
    this.current = new Date(d);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const UNIT_MS: Record<string, number> = { W: 7 * 864e5, D: 864e5, H: 36e5, M: 6e4, S: 1e3 };

/** Parses ISO-8601 durations (P7D, PT4H, P1W, P1DT2H) and short forms (+7d, 4h, 30m). */
export function parseDuration(input: string): number | undefined {
  const s = input.trim().toUpperCase();
  const iso = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(s);
  if (iso && s !== "P" && !s.endsWith("T")) {
    const [, w, d, h, m, sec] = iso;
    return (
      Number(w ?? 0) * UNIT_MS.W! + Number(d ?? 0) * UNIT_MS.D! + Number(h ?? 0) * UNIT_MS.H! + Number(m ?? 0) * UNIT_MS.M! + Number(sec ?? 0) * UNIT_MS.S!
    );
  }
  const short = /^\+?(\d+)\s*(W|D|H|M|S)$/.exec(s);
  if (short) return Number(short[1]) * UNIT_MS[short[2]!]!;
  return undefined;
}
