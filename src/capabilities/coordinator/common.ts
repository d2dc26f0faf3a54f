// Shared by the coordinator commands: first names for lists and dates; finding people and the audit
// trail of every read of a person's data live in src/infra/people/find.ts (privacy uses them too).
import { firstName as kitFirstName } from "../../core/conversation/kit.js";
import { t, type Locale } from "../../core/i18n/index.js";

export { say } from "../../core/conversation/kit.js";
export { auditRead, findPeople, isId, type Found } from "../../infra/people/find.js";

/** In coordinators' lists a missing name shows as a dash. */
export const firstName = (name: string | null | undefined): string => kitFirstName(name, "–");

export function daysBetween(a: Date, b: Date): number {
  return Math.max(0, Math.floor((b.getTime() - a.getTime()) / 864e5));
}

export function day(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : "–";
}

/** "Job (2026-12-01)", marked "not confirmed" while an outcome told in a chat waits for a coordinator. */
export function outcomeLabel(l: Locale, o: { category: string; date: Date; confirmedAt: Date | null }, withDate = true): string {
  return `${t(l, `rep.cat.${o.category}`)}${withDate ? ` (${day(o.date)})` : ""}${o.confirmedAt ? "" : ` ${t(l, "co.outcome_unconfirmed")}`}`;
}
