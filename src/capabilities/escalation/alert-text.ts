// Turns an escalation row into catalogue texts. The alert itself carries no name (kind, urgency,
// role, source, excerpt); names appear only when a coordinator opens it.
import type { Button } from "../../core/messages.js";
import { CATALOGUES, t, type Locale } from "../../core/i18n/index.js";
import type { Escalation } from "../../generated/prisma/client.js";
import type { OutboxPayload } from "../../infra/outbox/outbox.js";
import { quoteBlock } from "../../lib/text/quote.js";

export type EscalationRow = Escalation;

/** A catalogue text when the key exists, otherwise the raw code (a kind or source added later). */
function label(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return CATALOGUES[locale][key] !== undefined ? t(locale, key) : code;
}

export const kindText = (l: Locale, kind: string) => label(l, "esc.kind", kind);
export const severityText = (l: Locale, severity: string) => label(l, "esc.severity", severity);
export const sourceText = (l: Locale, source: string | null) => label(l, "esc.source", source ?? "chat");

/**
 * A risk alert's grade and topic ("possible risk – wish to be dead") and the person's answer to
 * the check, when there is one; empty for other kinds and for rows from before grading.
 */
export function riskText(l: Locale, esc: Pick<EscalationRow, "kind" | "grade" | "topic" | "answer">): string {
  if (esc.kind !== "risk" || !esc.grade) return "";
  const grade = label(l, "esc.grade", esc.grade);
  // "other" says nothing a coordinator can use: the excerpt does.
  const line = esc.topic && esc.topic !== "other" ? t(l, "esc.risk_topic", { grade, topic: label(l, "esc.topic", esc.topic) }) : t(l, "esc.risk", { grade });
  return esc.answer ? `${line}${t(l, "esc.answer_line", { answer: label(l, "esc.answer", esc.answer) })}` : line;
}

/** The role-only description used in alerts: "a mentee", "a mentorship"… */
export function whoText(l: Locale, esc: Pick<EscalationRow, "matchId">, roles: string[] | undefined): string {
  if (roles?.includes("mentee")) return t(l, "esc.who.mentee");
  if (roles?.includes("mentor")) return t(l, "esc.who.mentor");
  if (esc.matchId) return t(l, "esc.who.match");
  if (!roles) return t(l, "esc.who.unknown");
  return t(l, roles.length === 0 ? "esc.who.new" : "esc.who.unknown");
}

export function excerptText(l: Locale, excerpt: string | null): string {
  // The words are the person's own: quoted, so they cannot pass for lines of the alert.
  return excerpt ? t(l, "esc.excerpt", { text: quoteBlock(excerpt) }) : "";
}

/** "24/11 10:05" in the installation's time zone. */
export function whenText(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")} ${get("hour")}:${get("minute")}`;
}

/** The four alert buttons; action ids stay far below Telegram's 64 bytes (uuid = 36). */
export function alertButtons(id: string): { action: string; labelKey: string }[] {
  return [
    { action: `esc:open:${id}`, labelKey: "esc.btn.open" },
    { action: `esc:ack:${id}`, labelKey: "esc.btn.ack" },
    { action: `esc:me:${id}`, labelKey: "esc.btn.me" },
    { action: `esc:res:${id}`, labelKey: "esc.btn.resolve" },
  ];
}

export function renderedButtons(l: Locale, id: string, status: string): Button[] {
  return alertButtons(id)
    .filter((b) => status === "open" || !/^esc:ack:/.test(b.action))
    .map((b) => ({ action: b.action, label: t(l, b.labelKey) }));
}

/** "3 messages, the latest 24/11 10:42" when more than one message was folded into the alert. */
export function seenText(l: Locale, esc: Pick<EscalationRow, "occurrences" | "lastSeenAt" | "createdAt">, timeZone: string): string {
  return esc.occurrences > 1 ? t(l, "esc.seen", { count: esc.occurrences, latest: whenText(esc.lastSeenAt ?? esc.createdAt, timeZone) }) : "";
}

/**
 * The outbox payload of alert number `n` (0 = first, then a "more serious now" notice when the
 * severity went up since the last one, else a reminder), rendered for `locale`.
 */
export function alertPayload(
  esc: EscalationRow,
  n: number,
  locale: Locale,
  roles: string[] | undefined,
  opts: { target?: string; timezone: string },
): OutboxPayload {
  return {
    key: n === 0 ? "esc.alert" : esc.severityRaised ? "esc.alert_raised" : "esc.alert_again",
    params: {
      what: kindText(locale, esc.kind),
      severity: severityText(locale, esc.severity),
      risk: riskText(locale, esc),
      who: whoText(locale, esc, roles),
      source: sourceText(locale, esc.source),
      seen: seenText(locale, esc, opts.timezone),
      excerpt: excerptText(locale, esc.excerpt),
      count: n,
    },
    buttons: alertButtons(esc.id),
    ...(opts.target ? { target: opts.target } : {}),
  };
}
