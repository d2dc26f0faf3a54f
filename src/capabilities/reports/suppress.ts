// Small-group suppression: a count of 1–4 people is shown as "<5", and a figure derived from fewer
// than 5 people or matches (a median, a rate, a mean change, hour sums) is not shown at all, so
// nobody can be recognised in a report for the municipality.

export const MIN_GROUP = 5;

/** A number to show, "<5" for a suppressed count, "hidden" for a suppressed figure, null for no data. */
export type Shown = number | "<5" | "hidden" | null;

export function count(n: number): Shown {
  return n > 0 && n < MIN_GROUP ? "<5" : n;
}

/** A figure computed over `n` people or matches. */
export function derived(value: number | null, n: number): Shown {
  if (value === null || n === 0) return null;
  return n < MIN_GROUP ? "hidden" : value;
}

/** Share of `part` in `whole`, in per cent; hidden when either would reveal a small group. */
export function percent(part: number, whole: number): Shown {
  if (whole === 0) return null;
  if (whole < MIN_GROUP || (part > 0 && part < MIN_GROUP)) return "hidden";
  return Math.round((part / whole) * 1000) / 10;
}
