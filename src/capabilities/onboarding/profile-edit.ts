// Changing one answer of a finished sign-up ("jeg er flyttet til Aarhus", "I can only meet in the
// evenings now", the menu's "Ret min profil"). The question is asked again exactly as the sign-up
// asked it: its step, run by the core's flow engine as a one-question flow (prompt, buttons, typed
// and pressed multi-select, "did you mean …?", the step's schema, the re-prompt), kept in a task so
// the next message answers it. Only that answer is stored (saveAnswer, the sign-up's own mapping).
// Without a field (or one we cannot change here) the person picks one from buttons.
import type { HandlerContext, HandlerResult, IntentHandler, TaskHandler, ActionHandler } from "../../core/conversation/handlers.js";
import { getStep, startFlow, stepFlow } from "../../core/flows/engine.js";
import { displayValue } from "../../core/flows/render.js";
import type { FlowDef, FlowState, Reply } from "../../core/flows/types.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { fold } from "../../lib/text/normalize.js";
import { matchOption } from "../../lib/text/option-match.js";
import { profileField } from "../../lib/understanding/slots.js";
import type { Understanding } from "../../lib/understanding/recognise.js";
import { menteeIntake } from "./mentee-intake.js";
import { mentorOnboarding } from "./mentor-onboarding.js";
import { saveAnswer } from "./save.js";

type Role = "mentee" | "mentor";

const TASK = "profile_edit";
const PREFIX = "prof";

/** The answers a person can change here, in the order offered, and the sign-up flow that asks them. */
const EDITABLE: Record<Role, { flow: FlowDef; steps: readonly string[] }> = {
  mentee: { flow: menteeIntake, steps: ["name", "municipality", "industries", "languages", "availability"] },
  mentor: { flow: mentorOnboarding, steps: ["name", "municipality", "industry", "languages", "availability", "capacity", "hours"] },
};

/** The field the understanding component names → the step asking it ("other": none, pick one). */
function stepFor(role: Role, field: string | undefined): string | undefined {
  if (field === "industry") return role === "mentee" ? "industries" : "industry";
  return field && EDITABLE[role].steps.includes(field) ? field : undefined;
}

/** Whose profile: a person with both roles changes their mentor profile (as the recogniser reads them). */
function roleOf(ctx: HandlerContext): Role | undefined {
  const roles = ctx.person.roles;
  return roles.includes("mentor") ? "mentor" : roles.includes("mentee") ? "mentee" : undefined;
}

const CANCEL = new Set(["annuller", "annuler", "annullere", "afbryd", "glem det", "cancel", "abort", "never mind", "nevermind", "forget it"]);

const cancelButton = (l: Locale) => ({ action: `${PREFIX}:cancel`, label: t(l, "common.cancel") });

/** The last reply gets a Cancel button: leaving without changes is always one press away. */
function withCancel(replies: Reply[], l: Locale): Reply[] {
  const last = replies.at(-1);
  if (!last) return replies;
  return [...replies.slice(0, -1), { ...last, buttons: [...(last.buttons ?? []), cancelButton(l)] }];
}

/** The step as a flow of one question, so the core's engine asks and reads it as the sign-up does. */
function oneQuestion(role: Role, stepId: string): FlowDef {
  const { flow } = EDITABLE[role];
  return { id: `${flow.id}:${stepId}`, version: flow.version, title: flow.title, summary: false, steps: [{ ...getStep(flow, stepId), next: "$end" }] };
}

function cancelled(ctx: HandlerContext): HandlerResult {
  return { replies: [{ text: t(ctx.person.locale, "profile.cancelled") }], done: true };
}

function picker(role: Role, l: Locale, prefix?: string): Reply {
  const text = t(l, "profile.which");
  return {
    text: prefix ? `${prefix}\n\n${text}` : text,
    buttons: [...EDITABLE[role].steps.map((id) => ({ action: `${PREFIX}:${id}`, label: t(l, `profile.field.${id}`) })), cancelButton(l)],
  };
}

function pick(ctx: HandlerContext, role: Role, prefix?: string): HandlerResult {
  return { replies: [picker(role, ctx.person.locale, prefix)], task: { kind: TASK, data: { role } } };
}

function ask(ctx: HandlerContext, role: Role, stepId: string): HandlerResult {
  const l = ctx.person.locale;
  const r = startFlow(oneQuestion(role, stepId), { locale: l, now: ctx.now });
  return { replies: withCancel(r.replies, l), task: { kind: TASK, data: { role, step: stepId, flow: r.state } } };
}

/** Everyday words for the fields, beyond the button labels in both languages. */
const WORDS: Record<string, string[]> = {
  name: ["navn", "name"],
  municipality: ["kommune", "by", "adresse", "municipality", "city", "address"],
  industries: ["branche", "brancher", "industry", "industries"],
  industry: ["branche", "industry"],
  languages: ["sprog", "language", "languages"],
  availability: ["hvornår", "tider", "mødetider", "when", "times", "availability"],
  capacity: ["mentees", "antal", "capacity"],
  hours: ["timer", "hours"],
};

/** A typed answer to "what do you want to change?": a button's label or number, or a field's word. */
function typedField(role: Role, l: Locale, text: string): string | undefined {
  const other: Locale = l === "da" ? "en" : "da";
  const choices = EDITABLE[role].steps.map((id) => ({
    action: id,
    label: t(l, `profile.field.${id}`),
    synonyms: [t(other, `profile.field.${id}`), t(l, `field.${id}`), t(other, `field.${id}`), ...(WORDS[id] ?? [])],
  }));
  return matchOption(text, choices)?.action ?? stepFor(role, profileField(fold(text)));
}

async function onChangeProfile(ctx: HandlerContext, u: Understanding): Promise<HandlerResult> {
  const role = roleOf(ctx);
  if (!role) return { replies: [{ text: t(ctx.person.locale, "cmd.not_allowed") }] };
  const step = stepFor(role, u.slots.field);
  return step ? ask(ctx, role, step) : pick(ctx, role);
}

async function onTask(ctx: HandlerContext, data: Record<string, unknown>): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const { input } = ctx;
  const role = data.role === "mentor" || data.role === "mentee" ? data.role : roleOf(ctx);
  if (!role || !ctx.person.roles.includes(role)) return cancelled(ctx);
  if (input.kind === "text" && CANCEL.has(fold(input.text))) return cancelled(ctx);
  const stepId = typeof data.step === "string" && EDITABLE[role].steps.includes(data.step) ? data.step : undefined;
  if (!stepId) {
    const chosen = input.kind === "text" ? typedField(role, l, input.text) : undefined;
    return chosen ? ask(ctx, role, chosen) : pick(ctx, role, t(l, "common.choose_from"));
  }
  // A task stored without its question (never written so; a hand-edited or older row): ask again.
  if (!data.flow || typeof data.flow !== "object") return ask(ctx, role, stepId);
  const flow = oneQuestion(role, stepId);
  const r = stepFlow(flow, data.flow as FlowState, input, { locale: l, now: ctx.now });
  if (r.state) return { replies: withCancel(r.replies, l), task: { kind: TASK, data: { role, step: stepId, flow: r.state } } };
  const complete = r.effects.find((e) => e.type === "complete");
  if (complete?.type !== "complete" || !(stepId in complete.answers)) return cancelled(ctx);
  const value = complete.answers[stepId]!;
  if (!(await saveAnswer(ctx.tx, ctx.person.id, role, stepId, value, ctx.now))) return { replies: [{ text: t(l, "profile.none") }], done: true };
  return { replies: [{ text: t(l, `profile.saved.${stepId}`, { value: displayValue(getStep(flow, stepId), value, l) }) }], done: true };
}

/** Buttons "prof:<step>" (a field picked) and "prof:cancel"; they work from any mode, like the menu's. */
async function onAction(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  if (rest === "cancel") return cancelled(ctx);
  const role = roleOf(ctx);
  if (!role) return { replies: [{ text: t(ctx.person.locale, "cmd.not_allowed") }] };
  return EDITABLE[role].steps.includes(rest) ? ask(ctx, role, rest) : pick(ctx, role);
}

export const PROFILE_INTENTS: IntentHandler[] = [{ intent: "change_profile", roles: ["mentee", "mentor"], handle: onChangeProfile }];
export const PROFILE_TASKS: TaskHandler[] = [{ kind: TASK, handle: onTask }];
export const PROFILE_ACTIONS: ActionHandler[] = [{ prefix: PREFIX, handle: onAction }];
