// What the person sees on risk, in the language they wrote in: the safety reply with help lines,
// the gentle check with its three buttons, and the short lines around it.
import { DEFAULT_SETTINGS } from "../../core/capability.js";
import type { Reply } from "../../core/flows/types.js";
import { t, type Locale } from "../../core/i18n/index.js";
import type { RiskCategory } from "../../lib/safety/detect-risk.js";
import { DEFAULT_HELPLINES } from "../../lib/safety/helplines.js";
import type { CheckAnswer } from "./check-answers.js";

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

/** The first line in one piece ("Livslinien 70 201 201"), for the short replies. */
export function firstLine(lines: { name: string; number: string }[]): string | undefined {
  return lines[0] ? `${lines[0].name} ${lines[0].number}` : undefined;
}

/** The full safety reply, or the short one when the person had it within the hour. */
export function safetyReply(l: Locale, lines: { name: string; number: string }[], repeat: boolean): Reply {
  const first = firstLine(lines);
  return { text: repeat && first ? t(l, "esc.safety_again", { helplines: first }) : t(l, "esc.safety", { helplines: helplineLines(l, lines) }) };
}

// Button actions: "safe:<ok|no|talk>:<da|en>:<escalation id>" — the language of the question, so
// the answer is answered in it too; at most 53 bytes (Telegram allows 64).
const CODES: Record<CheckAnswer, string> = { safe: "ok", not_safe: "no", talk: "talk" };
const ACTION = /^safe:(ok|no|talk):(da|en):([\w-]{1,40})$/;

export function checkButtonAnswer(action: string | undefined): { answer: CheckAnswer; language: Locale; id: string } | undefined {
  const m = action ? ACTION.exec(action) : null;
  if (!m) return undefined;
  const answer = (Object.keys(CODES) as CheckAnswer[]).find((a) => CODES[a] === m[1])!;
  return { answer, language: m[2] as Locale, id: m[3]! };
}

/** "It sounds heavy right now. Are you safe?" with I am safe / I am not safe / I want to talk to someone. */
export function checkQuestion(l: Locale, escalationId: string): Reply {
  return {
    text: t(l, "esc.check"),
    buttons: (["safe", "not_safe", "talk"] as const).map((a) => ({ action: `safe:${CODES[a]}:${l}:${escalationId}`, label: t(l, `esc.check_btn.${a}`) })),
  };
}
