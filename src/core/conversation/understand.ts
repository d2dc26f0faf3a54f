// Where the conversation meets the understanding component (src/lib/understanding): one recogniser
// per process (trained once, at first use), the "did you mean …?" question for an unsure reading,
// and the menu of buttons that replaces a dead end when nothing was understood.
import { t, type Locale } from "../i18n/index.js";
import type { Reply } from "../flows/types.js";
import { createRecogniser, type Intent, type Recogniser, type Understanding } from "../../lib/understanding/recognise.js";
import type { TaskState } from "./handlers.js";

let shared: Recogniser | undefined;

/** The one recogniser; training takes a moment, so it happens once, on the first free-text message. */
export function recogniser(): Recogniser {
  return (shared ??= createRecogniser());
}

/** Intents the core acts on itself; the rest are acted on by capabilities (IntentHandler). */
export const CORE_INTENTS: ReadonlySet<Intent> = new Set(["status", "human", "delete", "language", "help"]);

export const CONFIRM_TASK = "understand";

export function roleOf(roles: readonly string[]): "coordinator" | "mentor" | "mentee" | undefined {
  if (roles.includes("coordinator")) return "coordinator";
  if (roles.includes("mentor")) return "mentor";
  if (roles.includes("mentee")) return "mentee";
  return undefined;
}

/** "Did you mean: see your status?" with Yes / No; the reading waits in a task until answered. */
export function askToConfirm(locale: Locale, u: Understanding): { reply: Reply; task: TaskState } {
  return {
    reply: {
      text: t(locale, "understand.did_you_mean", { what: t(locale, `understand.what.${u.intent}`) }),
      buttons: [
        { action: "und:yes", label: t(locale, "understand.yes") },
        { action: "und:no", label: t(locale, "understand.no") },
      ],
    },
    task: { kind: CONFIRM_TASK, data: { intent: u.intent, slots: u.slots as Record<string, unknown>, ...(u.lang ? { lang: u.lang } : {}) } },
  };
}

/** A reading confirmed with "yes": acted on as if it had been clear. */
export function confirmedReading(data: Record<string, unknown>): Understanding {
  return {
    intent: data.intent as Intent,
    confidence: "clear",
    p: 1,
    slots: (data.slots ?? {}) as Understanding["slots"],
    ...(data.lang === "da" || data.lang === "en" ? { lang: data.lang } : {}),
  };
}

/** The menu instead of a dead end: the likeliest actions for this person, and a person to talk to. */
export function menuReply(locale: Locale, text: string, intents: readonly Intent[]): Reply {
  const shown = intents.filter((i) => i !== "checkin_answer" && i !== "human" && i !== "help").slice(0, 4);
  return {
    text,
    buttons: [
      { action: "cmd:status", label: t(locale, "menu.status") },
      ...shown.filter((i) => i !== "status").map((i) => ({ action: `intent:${i}`, label: t(locale, `menu.${i}`) })),
      { action: "cmd:help", label: t(locale, "menu.help") },
      { action: "cmd:human", label: t(locale, "menu.human") },
    ],
  };
}

/** After two answers that did not fit the same question: other ways on, and a person. */
export function stuckReply(locale: Locale, skippable: boolean): Reply {
  return {
    text: t(locale, "understand.stuck"),
    buttons: [
      ...(skippable ? [{ action: "skip", label: t(locale, "common.skip") }] : []),
      { action: "cmd:back", label: t(locale, "understand.back") },
      { action: "cmd:human", label: t(locale, "menu.human") },
    ],
  };
}
