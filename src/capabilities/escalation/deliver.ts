// Alert delivery through the outbox: new escalations (no notification yet), alerts whose severity
// went up (a more serious message folded into an open alert), and reminders for alerts nobody
// acknowledged. Each send claims the row with a conditional update on notifyCount,
// so two workers never send the same alert twice, and the dedupe key carries that counter.
import type { AppSettings } from "../../core/capability.js";
import type { Locale } from "../../core/i18n/index.js";
import { enqueue, type QueueItem } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import { alertPayload, type EscalationRow } from "./alert-text.js";
import type { Thresholds } from "./thresholds.js";

export type AlertSettings = Pick<AppSettings, "alertTarget" | "timezone">;

const HOUR = 3_600_000;

async function coordinators(tx: Tx): Promise<{ id: string; locale: Locale }[]> {
  const rows = await tx.person.findMany({
    where: { roles: { has: "coordinator" }, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, locale: true },
  });
  return rows.map((r) => ({ id: r.id, locale: r.locale as Locale }));
}

/** Queues alert number `n` for the coordinators: one row per coordinator, or one to the channel. */
async function queueAlert(tx: Tx, esc: EscalationRow, n: number, settings: AlertSettings, now: Date): Promise<number> {
  const coords = await coordinators(tx);
  if (coords.length === 0) return 0;
  const subject = esc.personId ? await tx.person.findUnique({ where: { id: esc.personId }, select: { roles: true } }) : null;
  const roles = subject?.roles;
  const target = settings.alertTarget;
  // A channel message is rendered in the first coordinator's language (the row needs a recipient).
  const recipients = target ? coords.slice(0, 1) : coords;
  const items: QueueItem[] = recipients.map((c) => ({
    dedupeKey: target ? `alert:${esc.id}:${n}` : `alert:${esc.id}:${n}:${c.id}`,
    recipient: c.id,
    kind: "escalation_alert",
    payload: alertPayload(esc, n, c.locale, roles, { target, timezone: settings.timezone }),
    dueAt: now,
  }));
  await enqueue(tx, items);
  return items.length;
}

/**
 * Sends the first alert of every open escalation not yet notified, and the "more serious now"
 * notice of every alert whose severity went up since its last notice. Returns how many were sent.
 */
export async function deliverPending(tx: Tx, settings: AlertSettings, now: Date): Promise<number> {
  const rows = await tx.escalation.findMany({
    where: { status: "open", OR: [{ notifyCount: 0 }, { severityRaised: true }] },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  if (rows.length === 0) return 0;
  // Without coordinators nobody can be told: leave the rows pending until one signs up.
  if ((await coordinators(tx)).length === 0) return 0;
  let sent = 0;
  for (const esc of rows) {
    const claim = await tx.escalation.updateMany({
      where: { id: esc.id, notifyCount: esc.notifyCount },
      data: { notifyCount: esc.notifyCount + 1, lastNotifiedAt: now, severityRaised: false },
    });
    if (claim.count === 1 && (await queueAlert(tx, esc, esc.notifyCount, settings, now)) > 0) sent++;
  }
  return sent;
}

/** Where an escalation belongs, for its programme's thresholds. */
async function programmeOf(tx: Tx, esc: EscalationRow): Promise<string | undefined> {
  if (esc.matchId) {
    const m = await tx.match.findUnique({ where: { id: esc.matchId }, select: { programmeId: true } });
    if (m) return m.programmeId;
  }
  if (!esc.personId) return undefined;
  const mentee = await tx.menteeProfile.findUnique({ where: { personId: esc.personId }, select: { programmeId: true } });
  if (mentee) return mentee.programmeId;
  const mentor = await tx.mentorProfile.findUnique({ where: { personId: esc.personId }, select: { programmeId: true } });
  return mentor?.programmeId;
}

/** Reminds about open (unacknowledged) alerts whose last notice is older than the threshold. */
export async function renotifyDue(
  tx: Tx,
  settings: AlertSettings,
  thresholds: { byId: Map<string, Thresholds>; fallback: Thresholds },
  now: Date,
): Promise<number> {
  const all = [thresholds.fallback, ...thresholds.byId.values()];
  const minHours = Math.min(...all.map((t) => Math.min(t.renotifyRiskHours, t.renotifyOtherHours)));
  const rows = await tx.escalation.findMany({
    where: { status: "open", notifyCount: { gt: 0 }, lastNotifiedAt: { lte: new Date(now.getTime() - minHours * HOUR) } },
    orderBy: { lastNotifiedAt: "asc" },
    take: 200,
  });
  let sent = 0;
  for (const esc of rows) {
    const programmeId = await programmeOf(tx, esc);
    const th = (programmeId && thresholds.byId.get(programmeId)) || thresholds.fallback;
    const hours = esc.kind === "risk" ? th.renotifyRiskHours : th.renotifyOtherHours;
    if (!esc.lastNotifiedAt || now.getTime() - esc.lastNotifiedAt.getTime() < hours * HOUR) continue;
    const claim = await tx.escalation.updateMany({
      where: { id: esc.id, status: "open", notifyCount: esc.notifyCount },
      data: { notifyCount: esc.notifyCount + 1, lastNotifiedAt: now, severityRaised: false },
    });
    if (claim.count === 1 && (await queueAlert(tx, esc, esc.notifyCount, settings, now)) > 0) sent++;
  }
  return sent;
}
