// What coordinators do with an alert: open it (names appear only here), acknowledge (stops the
// reminders), take it, and resolve it with a note — by buttons and a typed note everywhere, or a
// form where the platform has one. Only coordinators may; everything is audit-logged.
import type { ActionHandler, HandlerContext, HandlerResult, TaskHandler } from "../../core/conversation/handlers.js";
import type { Reply } from "../../core/flows/types.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { warnedName } from "../../core/i18n/name-warning.js";
import type { Tx } from "../../infra/db/tx.js";
import { excerptText, kindText, renderedButtons, riskText, seenText, severityText, sourceText, whenText, type EscalationRow } from "./alert-text.js";
import { firstName as kitFirstName } from "../../core/conversation/kit.js";

export const NOTE_TASK = "esc_note";
const NOTE_MAX = 500;

const firstName = (name: string | null | undefined) => kitFirstName(name) || undefined;

async function audit(tx: Tx, action: string, ctx: HandlerContext, esc: EscalationRow): Promise<void> {
  await tx.auditLog.create({ data: { actorId: ctx.person.id, action, subjectId: esc.personId, details: { escalationId: esc.id }, at: ctx.now } });
}

export async function statusText(tx: Tx, l: Locale, esc: EscalationRow): Promise<string> {
  if (esc.status === "resolved") return t(l, "esc.status.resolved");
  if (esc.assignedTo) {
    const who = await tx.person.findUnique({ where: { id: esc.assignedTo }, select: { displayName: true } });
    return t(l, "esc.status.assigned", { name: firstName(who?.displayName) ?? "?" });
  }
  return t(l, esc.status === "open" ? "esc.status.open" : "esc.status.acknowledged");
}

async function namesText(tx: Tx, l: Locale, esc: EscalationRow): Promise<string> {
  const named = async (id: string, role: "mentee" | "mentor" | "person") => {
    const p = await tx.person.findUnique({ where: { id }, select: { displayName: true } });
    const name = firstName(p?.displayName);
    return name ? t(l, `esc.name.${role}`, { name: warnedName(l, p?.displayName, name) }) : t(l, "esc.name.unknown");
  };
  if (esc.matchId) {
    const m = await tx.match.findUnique({ where: { id: esc.matchId }, select: { menteeId: true, mentorId: true } });
    if (m) return `${await named(m.menteeId, "mentee")}, ${await named(m.mentorId, "mentor")}`;
  }
  if (!esc.personId) return t(l, "esc.name.unknown");
  const p = await tx.person.findUnique({ where: { id: esc.personId }, select: { roles: true } });
  const role = p?.roles.includes("mentee") ? "mentee" : p?.roles.includes("mentor") ? "mentor" : "person";
  return named(esc.personId, role);
}

export function makeAlertActions(timezone: string): { action: ActionHandler; task: TaskHandler } {
  const reply = (ctx: HandlerContext, key: string, params: Record<string, string | number> = {}): HandlerResult => ({
    replies: [{ text: t(ctx.person.locale, key, params) }],
  });

  async function open(ctx: HandlerContext, esc: EscalationRow): Promise<HandlerResult> {
    const l = ctx.person.locale;
    await audit(ctx.tx, "escalation.opened", ctx, esc);
    const text = t(l, "esc.details", {
      what: kindText(l, esc.kind),
      severity: severityText(l, esc.severity),
      risk: riskText(l, esc),
      names: await namesText(ctx.tx, l, esc),
      source: sourceText(l, esc.source),
      created: whenText(esc.createdAt, timezone),
      status: await statusText(ctx.tx, l, esc),
      seen: seenText(l, esc, timezone),
      excerpt: excerptText(l, esc.excerpt),
    });
    const buttons = esc.status === "resolved" ? [] : renderedButtons(l, esc.id, esc.status).filter((b) => !b.action.startsWith("esc:open:"));
    return { replies: [{ text, ...(buttons.length ? { buttons } : {}) }] };
  }

  async function acknowledge(ctx: HandlerContext, esc: EscalationRow, takeIt: boolean): Promise<HandlerResult> {
    const { tx, now, person } = ctx;
    if (esc.status === "resolved") return reply(ctx, "esc.already_resolved");
    if (!takeIt && esc.status !== "open") return reply(ctx, "esc.already_acked", { status: await statusText(tx, person.locale, esc) });
    // Conditional on the status read: two coordinators pressing at once both get a true answer.
    const n = await tx.escalation.updateMany({
      where: { id: esc.id, status: takeIt ? { not: "resolved" } : "open" },
      data: { status: "acknowledged", acknowledgedAt: esc.status === "open" ? now : undefined, ...(takeIt ? { assignedTo: person.id } : {}) },
    });
    if (n.count === 0)
      return takeIt ? reply(ctx, "esc.already_resolved") : reply(ctx, "esc.already_acked", { status: t(person.locale, "esc.status.acknowledged") });
    await audit(tx, takeIt ? "escalation.assigned" : "escalation.acknowledged", ctx, esc);
    const buttons = renderedButtons(person.locale, esc.id, "acknowledged").filter((b) => !b.action.startsWith(takeIt ? "esc:me:" : "esc:ack:"));
    return { replies: [{ text: t(person.locale, takeIt ? "esc.assigned" : "esc.acked"), buttons }] };
  }

  function askNote(ctx: HandlerContext, esc: EscalationRow, key = "esc.resolve_ask", params: Record<string, number> = {}): HandlerResult {
    const l = ctx.person.locale;
    const r: Reply = {
      text: t(l, key, params),
      form: {
        id: `esc:resf:${esc.id}`,
        title: t(l, "esc.resolve_form_title"),
        submitLabel: t(l, "esc.resolve_form_submit"),
        fields: [{ name: "note", label: t(l, "esc.resolve_note_label"), kind: "text" }],
      },
    };
    return { replies: [r], task: { kind: NOTE_TASK, data: { id: esc.id } } };
  }

  async function resolve(ctx: HandlerContext, esc: EscalationRow, raw: string | undefined): Promise<HandlerResult> {
    const { tx, now, person } = ctx;
    if (esc.status === "resolved") return { ...reply(ctx, "esc.already_resolved"), done: true };
    const note = (raw ?? "").trim();
    if (!note) return askNote(ctx, esc, "esc.note_empty");
    if (note.length > NOTE_MAX) return askNote(ctx, esc, "esc.note_too_long", { max: NOTE_MAX });
    const n = await tx.escalation.updateMany({
      where: { id: esc.id, status: { not: "resolved" } },
      // Freeing the open key: the person's next risky message opens a new alert.
      data: {
        status: "resolved",
        openKey: null,
        resolvedAt: now,
        resolution: note,
        assignedTo: esc.assignedTo ?? person.id,
        acknowledgedAt: esc.acknowledgedAt ?? now,
      },
    });
    if (n.count === 0) return { ...reply(ctx, "esc.already_resolved"), done: true };
    await audit(tx, "escalation.resolved", ctx, esc);
    return { ...reply(ctx, "esc.resolved"), done: true };
  }

  const find = (tx: Tx, id: unknown) => (typeof id === "string" && id.length <= 40 ? tx.escalation.findUnique({ where: { id } }) : Promise.resolve(null));

  const action: ActionHandler = {
    prefix: "esc",
    async handle(ctx, rest) {
      if (!ctx.person.roles.includes("coordinator")) return reply(ctx, "cmd.not_allowed");
      const [verb, id] = rest.split(":");
      const esc = await find(ctx.tx, id);
      if (!esc) return reply(ctx, "esc.not_found");
      switch (verb) {
        case "open":
          return open(ctx, esc);
        case "ack":
          return acknowledge(ctx, esc, false);
        case "me":
          return acknowledge(ctx, esc, true);
        case "res":
          return esc.status === "resolved" ? reply(ctx, "esc.already_resolved") : askNote(ctx, esc);
        case "resf":
          return resolve(ctx, esc, ctx.event.fields?.note);
        default:
          return reply(ctx, "esc.not_found");
      }
    },
  };

  const task: TaskHandler = {
    kind: NOTE_TASK,
    async handle(ctx, data) {
      if (!ctx.person.roles.includes("coordinator")) return { ...reply(ctx, "cmd.not_allowed"), done: true };
      const esc = await find(ctx.tx, data.id);
      if (!esc) return { ...reply(ctx, "esc.not_found"), done: true };
      return resolve(ctx, esc, ctx.input.kind === "text" ? ctx.input.text : undefined);
    },
  };

  return { action, task };
}
