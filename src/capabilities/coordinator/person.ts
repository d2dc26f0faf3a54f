// "person <name|id>" / "borger": one person's summary for a coordinator (profile, mentorships,
// hours, outcome, open alerts, consents), with buttons for what can be done next. Every view is
// written to the audit log.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import type { Button } from "../../core/messages.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { markedName, warnedName } from "../../core/i18n/name-warning.js";
import { names } from "../matchmaking/index.js";
import { matchHours } from "../reports/index.js";
import { formatNumber } from "../reports/index.js";
import { auditRead, day, daysBetween, findPeople, firstName, outcomeLabel, say } from "./common.js";

export async function personSummary(ctx: HandlerContext, personId: string): Promise<HandlerResult> {
  const l: Locale = ctx.person.locale;
  const { tx } = ctx;
  const p = await tx.person.findFirst({ where: { id: personId, deletedAt: null }, include: { mentee: true, mentor: true, consents: true } });
  if (!p) return say(ctx, "co.person_none");
  await auditRead(tx, ctx.person.id, [p.id], "person", ctx.now);
  const lines = [t(l, "co.person_head", { name: warnedName(l, p.displayName), roles: p.roles.map((r) => t(l, `co.role.${r}`)).join(", ") || "–" })];
  const buttons: Button[] = [];
  if (p.mentee) {
    const m = p.mentee;
    lines.push(
      t(l, "co.person_mentee", {
        group: m.targetGroup ? t(l, `opt.situation.${m.targetGroup}`) : "–",
        industries: names.industries(m.industries, l) || "–",
        municipality: names.municipality(m.municipality),
        status: t(l, `co.mstatus.${m.status}`),
        days: daysBetween(m.waitingSince ?? m.createdAt, ctx.now),
      }),
    );
    if (m.needsProfessional) lines.push(t(l, "co.person_professional"));
  }
  if (p.mentor) {
    const m = p.mentor;
    lines.push(
      t(l, "co.person_mentor", {
        role: m.role ?? "–",
        industry: names.industries(m.industry ?? "", l) || "–",
        municipality: names.municipality(m.municipality),
        capacity: m.capacity,
        status: t(l, `co.mstatus.${m.status}`),
      }),
    );
    if (m.pausedUntil && m.status === "paused") lines.push(t(l, "co.person_paused_until", { date: day(m.pausedUntil) }));
    buttons.push(
      m.status === "paused"
        ? { action: `co:pm:${p.id}:0`, label: t(l, "co.btn_resume_mentor") }
        : { action: `co:pm:${p.id}`, label: t(l, "co.btn_pause_mentor") },
    );
  }
  const matches = await tx.match.findMany({ where: { OR: [{ menteeId: p.id }, { mentorId: p.id }] }, orderBy: { startedAt: "desc" }, take: 5 });
  const others = await tx.person.findMany({
    where: { id: { in: matches.map((m) => (m.menteeId === p.id ? m.mentorId : m.menteeId)) } },
    select: { id: true, displayName: true },
  });
  const hours = await matchHours(
    tx,
    matches.map((m) => m.id),
  );
  const outcomes = await tx.outcome.findMany({ where: { matchId: { in: matches.map((m) => m.id) } } });
  for (const m of matches) {
    const otherName = others.find((o) => o.id === (m.menteeId === p.id ? m.mentorId : m.menteeId))?.displayName;
    const other = firstName(otherName);
    const h = hours.get(m.id)!;
    const outcome = outcomes.find((o) => o.matchId === m.id);
    lines.push(
      t(l, "co.person_match", {
        other: warnedName(l, otherName, other),
        status: t(l, `co.status.${m.status}`),
        since: day(m.startedAt),
        confirmed: formatNumber(h.confirmed, l),
        answered: h.answered,
        asked: h.asked,
        outcome: outcome ? outcomeLabel(l, outcome, false) : "–",
      }),
    );
    buttons.push({ action: `co:m:${m.id}`, label: t(l, "co.btn_match", { other }) });
  }
  const alerts = await tx.escalation.count({ where: { personId: p.id, status: { in: ["open", "acknowledged"] } } });
  if (alerts) lines.push(t(l, "co.person_alerts", { count: alerts }));
  const consents = p.consents.map((c) => `${t(l, `priv.purpose.${c.purpose}`)} ${c.granted && !c.withdrawnAt ? "✓" : "✗"}`);
  if (consents.length) lines.push(t(l, "co.person_consents", { list: consents.join(", ") }));
  buttons.push({ action: `co:x:${p.id}`, label: t(l, "co.btn_export") });
  return { replies: [{ text: lines.join("\n"), buttons }] };
}

/** Several people answer to the name: one button each (their names are a read, so audited). */
export async function pickPerson(
  ctx: HandlerContext,
  found: { id: string; displayName: string | null; roles: string[] }[],
  action: string,
): Promise<HandlerResult> {
  const l = ctx.person.locale;
  await auditRead(
    ctx.tx,
    ctx.person.id,
    found.map((f) => f.id),
    "search",
    ctx.now,
  );
  return {
    replies: [
      {
        text: t(l, "co.person_pick"),
        buttons: found.map((f) => ({
          action: `co:${action}:${f.id}`,
          label: `${markedName(l, f.displayName)} (${f.roles.map((r) => t(l, `co.role.${r}`)).join(", ") || "–"})`,
        })),
      },
    ],
  };
}

export const personCommand: TextCommand = {
  words: ["person", "borger", "profil", "profile"],
  args: true,
  roles: ["coordinator"],
  help: "co.help_person",
  async handle(ctx, args) {
    if (!args.trim()) return say(ctx, "co.person_usage");
    const found = await findPeople(ctx.tx, args);
    if (found.length === 0) return say(ctx, "co.person_none");
    if (found.length > 1) return pickPerson(ctx, found, "p");
    return personSummary(ctx, found[0]!.id);
  },
};
