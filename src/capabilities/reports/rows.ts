// One list of report rows (after suppression) that the chat text, the CSV and the chart all use,
// so the three never disagree.
import { OUTCOME_CATEGORIES, SCORE_KEYS, median, type Figures, type Report } from "./compute.js";
import { count, derived, percent, MIN_GROUP, type Shown } from "./suppress.js";

export type Section = "intake" | "matches" | "offers" | "checkins" | "hours" | "self" | "outcomes" | "outcomes_group";

export interface Row {
  /** Programme name, or null for all programmes. */
  programme: string | null;
  section: Section;
  /** Catalogue suffix: rep.fig.<figure> (or rep.cat.<category> for outcome categories). */
  figure: string;
  /** Target group id for outcomes_group rows. */
  group?: string;
  value: Shown;
  percent?: Shown;
}

const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const rate = (c: { answered: number; missed: number }) => percent(c.answered, c.answered + c.missed);

export function figureRows(f: Figures, programme: string | null): Row[] {
  const row = (section: Section, figure: string, value: Shown, pct?: Shown, group?: string): Row => ({
    programme,
    section,
    figure,
    value,
    ...(pct !== undefined ? { percent: pct } : {}),
    ...(group ? { group } : {}),
  });
  const responded = f.accepted + f.declined + f.expired;
  const rows: Row[] = [
    row("intake", "intakes", count(f.intakes)),
    row("intake", "waiting", count(f.waiting)),
    row("intake", "median_wait_days", derived(r1(median(f.waitDays)), f.waitDays.length)),
    row("matches", "started", count(f.matchesStarted)),
    row("matches", "active", count(f.active)),
    row("matches", "paused", count(f.paused)),
    row("matches", "ended", count(f.ended)),
    row("offers", "offers", count(f.offers)),
    row("offers", "accepted", count(f.accepted), percent(f.accepted, responded)),
    row("offers", "median_accept_hours", derived(r1(median(f.acceptHours)), f.acceptHours.length)),
    row("checkins", "mentor_response", rate(f.checkins.mentor)),
    row("checkins", "mentee_response", rate(f.checkins.mentee)),
    row("hours", "planned", derived(f.hours.planned, f.hours.matches)),
    row("hours", "reported_mentor", derived(f.hours.mentor, f.hours.matches)),
    row("hours", "reported_mentee", derived(f.hours.mentee, f.hours.matches)),
    row(
      "hours",
      "confirmed",
      derived(f.hours.confirmed, f.hours.matches),
      f.hours.planned > 0 && f.hours.matches >= MIN_GROUP ? Math.round((f.hours.confirmed / f.hours.planned) * 1000) / 10 : null,
    ),
    row("self", "self_n", count(f.selfAssessment.n)),
    ...SCORE_KEYS.map((k) => row("self", `self_${k}`, derived(f.selfAssessment.change[k], f.selfAssessment.n))),
    row("outcomes", "outcomes_n", count(f.outcomes.n)),
    ...OUTCOME_CATEGORIES.map((c) => row("outcomes", c, count(f.outcomes.byCategory[c] ?? 0), percent(f.outcomes.byCategory[c] ?? 0, f.outcomes.n))),
  ];
  for (const g of f.outcomes.byGroup) {
    // A target group with fewer than 5 outcomes is shown only as "<5", without categories.
    rows.push(row("outcomes_group", "outcomes_n", count(g.n), undefined, g.group));
    if (g.n < MIN_GROUP) continue;
    for (const c of OUTCOME_CATEGORIES) rows.push(row("outcomes_group", c, count(g.byCategory[c] ?? 0), percent(g.byCategory[c] ?? 0, g.n), g.group));
  }
  return rows;
}

export function reportRows(report: Report): Row[] {
  const rows = figureRows(report.overall, null);
  if (report.programmes.length > 1) for (const p of report.programmes) rows.push(...figureRows(p.figures, p.name));
  return rows;
}
