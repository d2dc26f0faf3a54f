// "Where do I stand?" for a mentee: waiting (position and an honest estimate), proposed, matched.
// For a mentor: active, paused (until when, and by whom) or waiting for approval; their mentees
// now and the places left; an offer waiting for their answer, with its buttons.
import { t } from "../../core/i18n/index.js";
import type { HandlerPerson } from "../../core/conversation/handlers.js";
import type { Reply } from "../../core/flows/types.js";
import { firstName } from "../../core/conversation/kit.js";
import type { Tx } from "../../infra/db/tx.js";
import { baseStatus } from "../../infra/people/mentor-status.js";
import { localParts } from "../../lib/time.js";
import { dayInWords } from "./mentor-pause.js";
import { offerReply } from "./offers.js";

export async function menteeStatus(tx: Tx, person: HandlerPerson, now: Date): Promise<string> {
  const l = person.locale;
  const profile = await tx.menteeProfile.findUnique({ where: { personId: person.id } });
  if (!profile) return t(l, "status.none");
  if (profile.status === "matched") {
    const match = await tx.match.findFirst({ where: { menteeId: person.id, status: { in: ["active", "paused"] } } });
    const mentor = match ? await tx.person.findUnique({ where: { id: match.mentorId }, select: { displayName: true } }) : null;
    return t(l, "status.matched", { mentor: mentor?.displayName ?? "" });
  }
  if (profile.status === "proposed") return t(l, "status.proposed");
  if (profile.status !== "waiting") return t(l, "status.waiting");
  const waiting = await tx.menteeProfile.findMany({
    where: { programmeId: profile.programmeId, status: { in: ["waiting", "proposed"] } },
    select: { personId: true, waitingSince: true, createdAt: true },
  });
  const since = (w: { waitingSince: Date | null; createdAt: Date }) => (w.waitingSince ?? w.createdAt).getTime();
  const position = waiting.filter((w) => since(w) < since(profile) || (since(w) === since(profile) && w.personId < person.id)).length + 1;
  // Honest estimate: the median days from intake to match over the last 90 days, if there were any.
  const recent = await tx.match.findMany({
    where: { programmeId: profile.programmeId, startedAt: { gte: new Date(now.getTime() - 90 * 864e5) } },
    select: { menteeId: true, startedAt: true },
  });
  const waits: number[] = [];
  for (const m of recent) {
    const mp = await tx.menteeProfile.findUnique({ where: { personId: m.menteeId }, select: { createdAt: true } });
    if (mp) waits.push((m.startedAt.getTime() - mp.createdAt.getTime()) / 864e5);
  }
  waits.sort((a, b) => a - b);
  const estimate =
    waits.length >= 3 ? t(l, "status.estimate_days", { days: Math.max(1, Math.round(waits[Math.floor(waits.length / 2)]!)) }) : t(l, "status.estimate_none");
  return t(l, "status.waiting_position", { position, total: waiting.length, estimate });
}

/** "Sara", "Sara og Omar", "Sara, Omar og Lea". */
function nameList(names: string[], l: HandlerPerson["locale"]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${t(l, "mentorstatus.and")} ${names.at(-1)!}`;
}

/** Who set a coordinator's pause: the latest pause in the mentor's status audit. */
async function pausedByName(tx: Tx, personId: string): Promise<string | undefined> {
  const rows = await tx.auditLog.findMany({ where: { action: "mentor.status", subjectId: personId }, orderBy: { at: "desc" }, take: 20 });
  const row = rows.find((r) => (r.details as { event?: string; by?: string } | null)?.event === "pause");
  if (!row?.actorId || (row.details as { by?: string }).by !== "coordinator") return undefined;
  const p = await tx.person.findUnique({ where: { id: row.actorId }, select: { displayName: true, deletedAt: true } });
  return p && !p.deletedAt && p.displayName ? firstName(p.displayName) : undefined;
}

export async function mentorStatus(tx: Tx, person: HandlerPerson, now: Date, tz: string): Promise<Reply[]> {
  const l = person.locale;
  const m = await tx.mentorProfile.findUnique({ where: { personId: person.id } });
  if (!m) return [{ text: t(l, "mentorstatus.no_profile") }];
  const base = baseStatus(m);
  const lines: string[] = [];
  if (m.status === "paused" && m.pausedUntil) {
    // pausedUntil is the moment the pause ends: its last day is the day before that moment.
    const end = localParts(new Date(m.pausedUntil.getTime() - 1), tz);
    const day = dayInWords(`${end.y}-${String(end.m).padStart(2, "0")}-${String(end.d).padStart(2, "0")}`, l, now, tz);
    if (m.pausedBy === "self") lines.push(t(l, "mentorstatus.paused_self", { day }));
    else {
      const by = await pausedByName(tx, person.id);
      lines.push(by ? t(l, "mentorstatus.paused_by", { day, name: by }) : t(l, "mentorstatus.paused_coordinator", { day }));
    }
    if (base === "pending") lines.push(t(l, "mentorstatus.then_pending"));
  } else lines.push(t(l, `mentorstatus.${base}`));
  const matches = await tx.match.findMany({
    where: { mentorId: person.id, status: { in: ["active", "paused"] } },
    orderBy: { startedAt: "asc" },
    select: { menteeId: true },
  });
  const mentees = await tx.person.findMany({ where: { id: { in: matches.map((x) => x.menteeId) }, deletedAt: null }, select: { id: true, displayName: true } });
  const names = matches.map((x) => mentees.find((p) => p.id === x.menteeId)).flatMap((p) => (p ? [firstName(p.displayName, "?")] : []));
  if (names.length === 0) lines.push(t(l, "mentorstatus.mentees_none"));
  else lines.push(t(l, names.length === 1 ? "mentorstatus.mentees_one" : "mentorstatus.mentees_many", { count: names.length, names: nameList(names, l) }));
  if (base === "active" || base === "pending") {
    const free = Math.max(0, m.capacity - matches.length);
    lines.push(free > 0 ? t(l, "mentorstatus.places", { free, capacity: m.capacity }) : t(l, "mentorstatus.places_none", { capacity: m.capacity }));
  }
  const offers = await tx.proposal.findMany({ where: { mentorId: person.id, status: "offered" }, orderBy: { offeredAt: "asc" }, select: { id: true } });
  if (offers.length > 0) lines.push(t(l, offers.length === 1 ? "mentorstatus.offer_one" : "mentorstatus.offers_many", { count: offers.length }));
  const replies: Reply[] = [{ text: lines.join("\n") }];
  for (const o of offers) replies.push(await offerReply(tx, o.id, l));
  return replies;
}
