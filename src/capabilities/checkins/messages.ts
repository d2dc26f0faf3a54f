// What the scheduler queues: nudges, reminders and closing questions as outbox payloads (catalogue
// keys and button actions, rendered in the recipient's language at send time), and the row ids
// their buttons point at. Ids are derived from (match, period, person), so every instance that
// queues the same nudge writes the same row and the same buttons.
import { createHash } from "node:crypto";
import type { OutboxPayload, QueueItem } from "../../infra/outbox/outbox.js";
import { t, type Locale } from "../../core/i18n/index.js";
import type { Button } from "../../core/messages.js";

export type Role = "mentor" | "mentee";
export const FINAL_PERIOD = "final";
export const OUTCOMES = ["job", "education", "internship", "wage_subsidy", "other", "none"] as const;
export const TOPICS = ["job_search", "cv", "interview", "network", "education", "wellbeing", "other"] as const;
export const REASONS = ["busy", "illness", "holiday", "no_contact", "other"] as const;

export function checkinId(matchId: string, period: string, personId: string): string {
  const h = createHash("sha1").update(`${matchId}|${period}|${personId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type PayloadButton = NonNullable<OutboxPayload["buttons"]>[number];

export function weeklyButtons(role: Role, cid: string, matchId: string): PayloadButton[] {
  return [
    { action: `chk:y:${cid}`, labelKey: "chk.btn_yes" },
    { action: `chk:n:${cid}`, labelKey: "chk.btn_no" },
    ...(role === "mentor" ? [{ action: `chk:h:${cid}`, labelKey: "chk.btn_help" }] : []),
    { action: `chk:p:${matchId}`, labelKey: "chk.btn_pause" },
  ];
}

export function outcomeButtons(cid: string): PayloadButton[] {
  return OUTCOMES.map((o) => ({ action: `chk:o:${cid}:${o}`, labelKey: `chk.outcome.${o}` }));
}

export function scoreButtons(cid: string): PayloadButton[] {
  return [1, 2, 3, 4, 5].map((n) => ({ action: `chk:s:${cid}:${n}`, label: String(n) }));
}

/** Catalogue-keyed buttons → rendered buttons for a direct reply. */
export function render(locale: Locale, buttons: PayloadButton[]): Button[] {
  return buttons.map((b) => ({ action: b.action, label: b.labelKey ? t(locale, b.labelKey) : (b.label ?? b.action) }));
}

export interface Ask {
  matchId: string;
  period: string;
  personId: string;
  role: Role;
  /** The other person's first name, shown in the question. */
  other: string;
  at: Date;
}

/** The outbox key of a check-in question (the nudge, or its reminder) to one person. */
export function nudgeKey(matchId: string, period: string, personId: string, reminder = false): string {
  return `${reminder ? "chkr" : "chk"}:${matchId}:${period}:${personId}`;
}

export function askItem(a: Ask, reminder = false): QueueItem {
  const cid = checkinId(a.matchId, a.period, a.personId);
  const final = a.period === FINAL_PERIOD;
  const key = `chk.${reminder ? "remind" : "ask"}${final ? "_close" : ""}_${a.role}`;
  const buttons = final ? (a.role === "mentee" ? outcomeButtons(cid) : scoreButtons(cid)) : weeklyButtons(a.role, cid, a.matchId);
  return {
    dedupeKey: nudgeKey(a.matchId, a.period, a.personId, reminder),
    recipient: a.personId,
    kind: final ? "checkin_close" : reminder ? "checkin_reminder" : "checkin",
    payload: { key, params: { name: a.other }, buttons },
    dueAt: a.at,
  };
}

export { firstName } from "../../core/conversation/kit.js";
