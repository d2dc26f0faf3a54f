// Shared by the graded-answer transcripts: a detector injected by sentence (so the grade of each
// test sentence is the test's, not the rules' of the day), the texts each step must show, and a
// table player: each row is an input, the exact replies (texts, with the check's buttons), and how
// many alerts the coordinator Kim got from it.
import { expect } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import type { RiskDetector } from "../../src/capabilities/escalation/safety-check.js";
import type { RiskFinding } from "../../src/lib/safety/detect-risk.js";
import type { EscBot } from "./harness.js";

type Finding = Omit<RiskFinding, "excerpt">;
const possible = (language: Locale, topic: RiskFinding["topic"], category: RiskFinding["category"] = "suicide"): Finding => ({
  grade: "possible",
  severity: "medium",
  topic,
  category,
  language,
});

/** Possible and clear risk in each language, with the topic the alert must name. */
export const SAY = {
  da: {
    possible: "Ingen ville savne mig hvis jeg forsvandt",
    possible2: "Alt er bare sort for tiden",
    homeless: "Jeg har ikke noget sted at sove i nat",
    clear: "Jeg vil ikke leve mere",
  },
  en: {
    possible: "Nobody would miss me if I disappeared",
    possible2: "Everything is just dark lately",
    homeless: "I have nowhere to sleep tonight",
    clear: "I do not want to live anymore",
  },
} as const;

const FINDINGS: Record<string, Finding> = {
  [SAY.da.possible]: possible("da", "burdensomeness"),
  [SAY.en.possible]: possible("en", "burdensomeness"),
  [SAY.da.possible2]: possible("da", "hopelessness"),
  [SAY.en.possible2]: possible("en", "hopelessness"),
  [SAY.da.homeless]: possible("da", "homeless", "acute_crisis"),
  [SAY.en.homeless]: possible("en", "homeless", "acute_crisis"),
  [SAY.da.clear]: { grade: "clear", severity: "high", topic: "wish_dead", category: "suicide", language: "da" },
  [SAY.en.clear]: { grade: "clear", severity: "high", topic: "wish_dead", category: "suicide", language: "en" },
};

/** Only the sentences above are risky: the intake's answers, typed check answers and "hmm" are not. */
export const detect: RiskDetector = (text) => {
  const f = FINDINGS[text];
  return f && { ...f, excerpt: text };
};

const LIVSLINIEN = { name: "Livslinien", number: "70 201 201" };
export const safety = (l: Locale) => t(l, "esc.safety", { helplines: t(l, "esc.helpline", LIVSLINIEN) });
export const check = (l: Locale) => t(l, "esc.check");
export const thanks = (l: Locale) => t(l, "esc.check_thanks");
export const checkAgain = (l: Locale) => t(l, "esc.check_again", { helplines: "Livslinien 70 201 201" });
export const BUTTON_LABELS = (l: Locale) => (["safe", "not_safe", "talk"] as const).map((a) => t(l, `esc.check_btn.${a}`));

/** The action of a check button in the last reply that has them: "safe", "not_safe" or "talk". */
export function button(replies: OutboundMessage[], answer: "safe" | "not_safe" | "talk"): { action: string } {
  const b = replies.flatMap((r) => r.buttons ?? []).find((x) => x.action.startsWith(`safe:${{ safe: "ok", not_safe: "no", talk: "talk" }[answer]}:`));
  expect(b, `a “${answer}” button`).toBeDefined();
  return { action: b!.action };
}

export type In = string | { action: string } | ((last: OutboundMessage[]) => { action: string });
/** Input, the exact reply texts, alerts to the coordinator from this row (default 0). */
export type Row = [In, string[]] | [In, string[], number];

export function alertsTo(bot: EscBot, who = "console:kim"): OutboundMessage[] {
  return bot.to(who).filter((m) => m.buttons?.some((b) => b.action.startsWith("esc:open:")));
}

/** Plays the rows; returns every turn's replies. A function input is built from the previous replies. */
export async function play(bot: EscBot, from: string, rows: Row[]): Promise<OutboundMessage[][]> {
  const turns: OutboundMessage[][] = [];
  for (const [i, [input, texts, alerts = 0]] of rows.entries()) {
    const before = alertsTo(bot).length;
    const said = typeof input === "function" ? input(turns.at(-1) ?? []) : input;
    const replies = await bot.say(from, said);
    turns.push(replies);
    expect(
      replies.map((r) => r.text),
      `row ${i}`,
    ).toEqual(texts);
    expect(alertsTo(bot).length - before, `row ${i}: alerts`).toBe(alerts);
  }
  return turns;
}
