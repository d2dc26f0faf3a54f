// The understanding step of a message, after buttons, open tasks and typed commands found nothing:
// the answer to a "did you mean …?", a menu button, or free text read by the recogniser. What a
// capability acts on (IntentHandler) is run here, inside the message's transaction; what the core
// acts on (status, help, a person, delete, language) and what was not understood go to the router.
import { t } from "../i18n/index.js";
import { parseYesNo } from "../flows/parse-input.js";
import type { Intent, Understanding } from "../../lib/understanding/recognise.js";
import { findIntent, type HandlerContext, type HandlerRegistry } from "./handlers.js";
import { commandFromAction, recogniseCommand } from "./commands.js";
import type { ConvoData, Mode } from "./router.js";
import { nextConvo } from "./run-handlers.js";
import type { Reply } from "../flows/types.js";
import { askToConfirm, CONFIRM_TASK, confirmedReading, menuReply, recogniser, roleOf } from "./understand.js";

export interface UnderstandStep {
  /** A capability answered, or the person said no to "did you mean …?". */
  handled?: { replies: Reply[]; convo: ConvoData };
  /** What free text was read as, for the router. */
  understood?: Understanding;
  /** Where the person is for the router (a "did you mean …?" left behind is dropped). */
  convo: ConvoData;
}

/** Free text is read in these places; elsewhere it is a choice (language, role) or a confirmation. */
const READ_IN: ReadonlySet<Mode> = new Set(["idle", "paused", "flow"]);

export function intentsFor(reg: HandlerRegistry, roles: readonly string[]): Intent[] {
  return [...new Set(reg.intents.filter((h) => !h.roles || h.roles.some((r) => roles.includes(r))).map((h) => h.intent))];
}

function resumeOf(convo: ConvoData): ConvoData {
  return { mode: convo.resume && convo.resume !== "task" ? convo.resume : "idle", flow: convo.flow };
}

async function dispatch(reg: HandlerRegistry, ctx: HandlerContext, convo: ConvoData, u: Understanding): Promise<UnderstandStep> {
  const h = findIntent(reg, u.intent, ctx.person.roles);
  if (!h) return { understood: u, convo };
  const r = await h.handle(ctx, u);
  return { handled: { replies: r.replies, convo: nextConvo(convo, r) }, convo };
}

export async function understandStep(reg: HandlerRegistry, ctx: HandlerContext, stored: ConvoData): Promise<UnderstandStep> {
  const { input, person } = ctx;
  const locale = person.locale;
  let convo = stored;
  // A capability's task that did not take this message (a core command, or a clear request the core
  // acts on, written instead of a date or a yes): it is left, and the person is where they were.
  if (convo.mode === "task" && convo.task?.kind !== CONFIRM_TASK) convo = resumeOf(convo);
  if (convo.mode === "task" && convo.task?.kind === CONFIRM_TASK) {
    const base = resumeOf(convo);
    const yes =
      input.kind === "action"
        ? input.action === "und:yes"
          ? true
          : input.action === "und:no"
            ? false
            : undefined
        : input.kind === "text"
          ? parseYesNo(input.text)
          : undefined;
    if (yes === true) return dispatch(reg, ctx, base, confirmedReading(convo.task.data));
    if (yes === false)
      return { handled: { replies: [menuReply(locale, t(locale, "understand.ok_menu"), intentsFor(reg, person.roles))], convo: base }, convo: base };
    // Something else: a fresh message, where they were before the question.
    convo = base;
  }
  if (input.kind === "action" && input.action.startsWith("intent:")) {
    return dispatch(reg, ctx, convo, { intent: input.action.slice(7) as Intent, confidence: "clear", p: 1, slots: {} });
  }
  // "status" typed or pressed: a capability's real status for this role, when it has one.
  const cmd = input.kind === "text" ? recogniseCommand(input.text) : input.kind === "action" ? commandFromAction(input.action) : undefined;
  if (cmd === "status" && convo.mode !== "flow" && findIntent(reg, "status", person.roles)) {
    return dispatch(reg, ctx, convo, { intent: "status", confidence: "clear", p: 1, slots: {} });
  }
  if (input.kind !== "text" || cmd || !READ_IN.has(convo.mode)) return { convo };
  const openNudge = (await reg.openQuestion?.(ctx.tx, person.id, ctx.now)) ?? false;
  const u = recogniser().recognise(input.text, { role: roleOf(person.roles), openNudge, now: ctx.now });
  // Mid-flow the text is first an answer to the question; the router asks the recogniser only then.
  if (convo.mode === "flow" || u.intent === "none" || !findIntent(reg, u.intent, person.roles)) return { understood: u, convo };
  if (u.confidence === "clear") return dispatch(reg, ctx, convo, u);
  if (u.confidence === "unsure") {
    const ask = askToConfirm(locale, u);
    const here = convo.mode === "paused" ? (convo.resume ?? "idle") : convo.mode;
    return { handled: { replies: [ask.reply], convo: { mode: "task", task: ask.task, resume: here, flow: convo.flow } }, convo };
  }
  return { understood: u, convo };
}
