// The safety pre-check: every free-text message is read by the risk detector before anything
// else happens. On risk the person gets a warm reply with help lines, in the language they wrote in,
// and nothing else in that turn (the conversation goes on with their next message), and the
// coordinators get an alert with a short excerpt —
// one alert per person while it is open, counting the messages that came since.
import { createHash } from "node:crypto";
import { DEFAULT_SETTINGS, type CapabilityDeps } from "../../core/capability.js";
import { asMentorbroError } from "../../core/errors.js";
import type { InboundEvent } from "../../core/messages.js";
import type { ConvoData } from "../../core/conversation/router.js";
import type { Reply } from "../../core/flows/types.js";
import { t, type Locale } from "../../core/i18n/index.js";
import type { Tx } from "../../infra/db/tx.js";
import { detectRisk, type RiskCategory } from "../../lib/safety/detect-risk.js";
import { DEFAULT_HELPLINES } from "../../lib/safety/helplines.js";
import { fold } from "../../lib/text/normalize.js";
import { deliverPending } from "./deliver.js";
import { raiseEscalation, riskOpenKey } from "../../infra/alerts/raise.js";

const HOUR = 3_600_000;
const RELAY_WORDS = new Set(["msg", "besked", "message"]);

/** Typed text and the text fields of a submitted form; never button presses. */
export function freeText(event: InboundEvent): string | undefined {
  if (event.action && !event.fields) return undefined;
  const parts = [event.action ? undefined : event.text, ...Object.values(event.fields ?? {})].filter(
    (s): s is string => typeof s === "string" && s.trim() !== "",
  );
  // A sentence end between fields, so one rule never joins two answers.
  return parts.length ? parts.join(".\n") : undefined;
}

/** Where the person was when they wrote: the flow, the capability task, or the plain chat. */
async function sourceOf(tx: Tx, personId: string, text: string): Promise<string> {
  // A relayed message is a typed command ("besked Hej Anna…"), not a mode.
  if (RELAY_WORDS.has(fold(text.trim().replace(/^\//, "")).split(" ")[0] ?? "")) return "relay";
  const row = await tx.conversation.findUnique({ where: { personId }, select: { data: true } });
  const convo = row?.data as ConvoData | undefined;
  if (convo?.mode === "flow") {
    const flowId = convo.flow?.flowId ?? "";
    return flowId === "mentee_intake" ? "intake" : flowId === "mentor_onboarding" ? "onboarding" : flowId || "chat";
  }
  if (convo?.mode === "task") {
    const kind = convo.task?.kind ?? "";
    if (/chk|check/i.test(kind)) return "checkin";
    if (/relay|msg|message/i.test(kind)) return "relay";
    return kind || "chat";
  }
  return "chat";
}

/** Idempotent per event: the platform's event id, or the same text from the same person within a minute. */
function riskKey(event: InboundEvent, personId: string, text: string, now: Date): string {
  if (event.eventId) return `risk:${personId}:${event.eventId}`.slice(0, 190);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  return `risk:${personId}:${hash}:${Math.floor(now.getTime() / 60_000)}`;
}

/** A help line as settings give it: `{name, number}` (AppSettings) or `{name, phone, categories}` (safety/helplines). */
export interface HelplineSetting {
  name: string;
  number?: string;
  phone?: string;
  categories?: readonly RiskCategory[];
}

/**
 * The lines for this finding: those meant for its category plus the general ones. Unconfigured
 * settings get the safety module's defaults (with Lev Uden Vold for abuse). 112 is in the reply
 * text itself, so it is not listed twice.
 */
export function helplinesFor(settingsLines: readonly HelplineSetting[], category: RiskCategory): { name: string; number: string }[] {
  const lines: readonly HelplineSetting[] = settingsLines === DEFAULT_SETTINGS.helplines ? DEFAULT_HELPLINES : settingsLines;
  const all = lines
    .map((h) => ({ name: h.name, number: h.phone ?? h.number ?? "", categories: h.categories }))
    .filter((h) => h.number && h.number.replace(/\s/g, "") !== "112");
  const meant = all.filter((h) => !h.categories || h.categories.includes(category));
  return (meant.length ? meant : all).map(({ name, number }) => ({ name, number }));
}

export function helplineLines(locale: Locale, lines: { name: string; number: string }[]): string {
  return lines.map((h) => t(locale, "esc.helpline", h)).join("\n");
}

export function makeSafetyCheck(deps: CapabilityDeps) {
  const { db, clock, logger, settings } = deps;
  return async (event: InboundEvent, person: { id: string; locale: Locale }): Promise<Reply[]> => {
    const text = freeText(event);
    if (!text) return [];
    const finding = detectRisk(text);
    if (!finding) return [];
    const now = clock.now();
    let repeat = false;
    try {
      const roles = (await db.person.findUnique({ where: { id: person.id }, select: { roles: true } }))?.roles ?? [];
      // Coordinators write notes about risk (resolving an alert); they are not the ones at risk.
      if (roles.includes("coordinator")) return [];
      const dedupeKey = riskKey(event, person.id, text, now);
      const since = new Date(now.getTime() - HOUR);
      const raised = await db.$transaction(async (tx) => {
        const earlier = await tx.escalation.count({
          where: { personId: person.id, kind: "risk", dedupeKey: { not: dedupeKey }, OR: [{ createdAt: { gte: since } }, { lastSeenAt: { gte: since } }] },
        });
        repeat = earlier > 0;
        const source = await sourceOf(tx, person.id, text);
        // One open alert per person: while it is unresolved, later risky messages are counted on
        // it (a higher severity raises it and sends it again) instead of alerting anew each time.
        const input = {
          dedupeKey,
          openKey: riskOpenKey(person.id),
          kind: "risk",
          severity: finding.severity,
          personId: person.id,
          source,
          excerpt: finding.excerpt,
        } as const;
        const r = await raiseEscalation(tx, input, now);
        await deliverPending(tx, settings, now);
        return r;
      });
      // Never a person id beside the category (health data): the escalation id leads to it for
      // those allowed to look.
      logger.info(
        { escalationId: raised.id, category: finding.category, severity: finding.severity, folded: raised.folded, raisedSeverity: raised.raisedSeverity },
        "risk language: safety reply and alert",
      );
    } catch (err) {
      // The safety reply matters more than the bookkeeping: reply anyway; the log says what failed.
      logger.error({ code: asMentorbroError(err).code }, "risk escalation failed");
    }
    const lines = helplinesFor(settings.helplines, finding.category);
    const first = lines[0];
    // In the language the message was written in, whatever the profile says.
    const l = finding.language;
    const reply =
      repeat && first ? t(l, "esc.safety_again", { helplines: `${first.name} ${first.number}` }) : t(l, "esc.safety", { helplines: helplineLines(l, lines) });
    return [{ text: reply }];
  };
}
