// The pure flow engine: (flow, state, input) → (state, replies, effects). No I/O, no clock reads:
// the caller passes `now` and stores the new state in the same transaction as the effects.
import { CATALOGUES, t, type Locale } from "../i18n/index.js";
import { fold } from "../../lib/text/normalize.js";
import { parseAnswer, parseYesNo } from "./parse-input.js";
import { askStep, displayValue, editPicker, multiProgress, optionLabels, summary, summarySteps } from "./render.js";
import type { AnswerValue, Answers, FlowDef, FlowInput, FlowState, Reply, StepDef, StepResult } from "./types.js";

export interface EngineContext {
  locale: Locale;
  now: Date;
}

const SKIP_WORDS = new Set([
  "skip",
  "spring over",
  "springover",
  "spring",
  "vil ikke svare",
  "prefer not to say",
  "pass",
  "ved ikke",
  "dont know",
  "don t know",
]);

export function getStep(flow: FlowDef, id: string): StepDef {
  const step = flow.steps.find((s) => s.id === id);
  if (!step) throw new Error(`Flow ${flow.id} has no step ${id}`);
  return step;
}

function nextOf(step: StepDef, answers: Answers): string {
  return typeof step.next === "function" ? step.next(answers) : step.next;
}

/** The steps a person walks given their answers, up to and including the first unanswered one. */
export function pathOf(flow: FlowDef, answers: Answers): string[] {
  const path: string[] = [];
  let id = flow.steps[0]!.id;
  while (id !== "$end" && !path.includes(id) && flow.steps.some((s) => s.id === id)) {
    path.push(id);
    if (!(id in answers)) break;
    id = nextOf(getStep(flow, id), answers);
  }
  return path;
}

/** Total questions on the current path (for "question n of about m"). */
export function pathLength(flow: FlowDef, answers: Answers): number {
  const full: Answers = { ...answers };
  let id = flow.steps[0]!.id;
  let n = 0;
  while (id !== "$end" && n < flow.steps.length) {
    n++;
    const step = getStep(flow, id);
    if (!(id in full)) full[id] = null;
    id = nextOf(step, full);
  }
  return n;
}

export function startFlow(flow: FlowDef, ctx: EngineContext, answers: Answers = {}): StepResult {
  const first = flow.steps[0]!;
  const state: FlowState = { flowId: flow.id, version: flow.version, step: first.id, answers, history: [] };
  return { state, replies: [askStep(first, ctx.locale)], effects: [] };
}

export function currentQuestion(flow: FlowDef, state: FlowState, locale: Locale, prefix?: string): Reply {
  if (state.pending?.kind === "summary") return summary(flow, state.answers, pathOf(flow, state.answers), locale);
  if (state.pending?.kind === "edit-pick") return editPicker(flow, pathOf(flow, state.answers), locale);
  const step = getStep(flow, state.step);
  if (state.pending?.kind === "multi") return multiProgress(step, locale, state.pending.selected, { prefix });
  return askStep(step, locale, prefix);
}

export function goBack(flow: FlowDef, state: FlowState, ctx: EngineContext): StepResult {
  if (state.pending?.kind === "summary" || state.pending?.kind === "edit-pick") {
    const s = { ...state, pending: undefined };
    return { state: s, replies: [currentQuestion(flow, s, ctx.locale)], effects: [] };
  }
  const history = [...state.history];
  const prev = history.pop();
  if (!prev) return { state, replies: [currentQuestion(flow, state, ctx.locale, t(ctx.locale, "cmd.back_first"))], effects: [] };
  const s: FlowState = { ...state, step: prev, history, pending: undefined, editing: false };
  return { state: s, replies: [currentQuestion(flow, s, ctx.locale)], effects: [] };
}

/** Brings a conversation stored under an older flow version to the nearest safe step. */
export function migrateState(flow: FlowDef, state: FlowState): { state: FlowState; migrated: boolean } {
  if (state.version === flow.version && flow.steps.some((s) => s.id === state.step)) return { state, migrated: false };
  const answers: Answers = {};
  for (const [id, v] of Object.entries(state.answers)) {
    const step = flow.steps.find((s) => s.id === id);
    if (step && validAnswer(step, v)) answers[id] = v;
  }
  const path = pathOf(flow, answers);
  const last = path[path.length - 1]!;
  const done = last in answers;
  const next: FlowState = {
    flowId: flow.id,
    version: flow.version,
    step: last,
    answers,
    history: path.slice(0, -1),
    pending: done ? { kind: "summary" } : undefined,
  };
  return { state: next, migrated: true };
}

function validAnswer(step: StepDef, v: AnswerValue): boolean {
  if (v === null) return !!step.skippable;
  if (step.options && (step.kind === "single" || step.kind === "multi")) {
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((x) => step.options!.includes(String(x)))) return false;
  }
  return step.schema ? step.schema.safeParse(v).success : true;
}

export function stepFlow(flow: FlowDef, state: FlowState, input: FlowInput, ctx: EngineContext): StepResult {
  const { locale } = ctx;
  const pending = state.pending;
  if (pending?.kind === "summary") return onSummary(flow, state, input, ctx);
  if (pending?.kind === "edit-pick") return onEditPick(flow, state, input, ctx);
  const step = getStep(flow, state.step);
  if (pending?.kind === "confirm") {
    const yes =
      input.kind === "action"
        ? input.action === "yes"
          ? true
          : input.action === "no"
            ? false
            : undefined
        : input.kind === "text"
          ? parseYesNo(input.text)
          : undefined;
    if (yes === true) return accept(flow, { ...state, pending: undefined }, step, pending.value, ctx);
    if (yes === false) {
      const s = { ...state, pending: undefined };
      return { state: s, replies: [askStep(step, locale, t(locale, step.reprompt ?? "common.not_understood"))], effects: [] };
    }
    // Anything else is a fresh answer to the same question.
    state = { ...state, pending: undefined };
  }
  const isSkip = (input.kind === "action" && input.action === "skip") || (input.kind === "text" && SKIP_WORDS.has(fold(input.text)));
  if (isSkip && step.skippable) return accept(flow, state, step, null, ctx);
  const parsed = parseAnswer(step, input, locale, ctx.now);
  // The schema's output is what is kept (a name comes back cleaned); a refusal may name the
  // catalogue text that says what to change.
  if (parsed.ok === true) return acceptChecked(flow, state, step, parsed.value, ctx);
  if (parsed.ok === "confirm") {
    const s: FlowState = { ...state, pending: { kind: "confirm", value: parsed.value } };
    const value = displayValue(step, parsed.value, locale);
    return {
      state: s,
      replies: [
        {
          text: t(locale, "common.did_you_mean", { value }),
          buttons: [
            { action: "yes", label: t(locale, "common.yes") },
            { action: "no", label: t(locale, "common.no") },
          ],
        },
      ],
      effects: [],
    };
  }
  if (parsed.ok === "toggle") {
    const selected = pending?.kind === "multi" ? [...pending.selected] : [];
    const i = selected.indexOf(parsed.option);
    if (i >= 0) selected.splice(i, 1);
    else selected.push(parsed.option);
    return { state: { ...state, pending: { kind: "multi", selected } }, replies: [multiProgress(step, locale, selected)], effects: [] };
  }
  if (parsed.ok === "multi-add") return onMultiTyped(flow, state, step, parsed, ctx);
  if (parsed.ok === "multi-done") {
    const selected = pending?.kind === "multi" ? pending.selected : [];
    if (selected.length === 0) return { state, replies: [askStep(step, locale, t(locale, "common.nothing_selected"))], effects: [] };
    return accept(flow, { ...state, pending: undefined }, step, selected, ctx);
  }
  const prefixKey =
    parsed.reason === "too_long"
      ? "common.too_long"
      : parsed.reason === "empty"
        ? "common.empty"
        : parsed.reason === "media"
          ? "common.media"
          : (step.reprompt ?? (step.options ? "common.choose_from" : "common.not_understood"));
  return { state, replies: [currentQuestion(flow, state, locale, t(locale, prefixKey, { max: 500 }))], effects: [] };
}

/** Longest stretch of an unknown answer quoted back to the person. */
const QUOTE_MAX = 40;

function quoteUnknown(unknown: string[]): string {
  const text = unknown.join(", ");
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

/**
 * Options typed in a multi-select step. Before any button was pressed, typed options answer the
 * question at once (as a typed list always has). Once the person is choosing with buttons, what
 * they type is added to what they pressed, never in place of it, and the reply says what was
 * added; "færdig"/"done" in the same message finishes with all of it.
 */
function onMultiTyped(
  flow: FlowDef,
  state: FlowState,
  step: StepDef,
  typed: { options: string[]; unknown: string[]; done: boolean },
  ctx: EngineContext,
): StepResult {
  const { locale } = ctx;
  const choosing = state.pending?.kind === "multi" ? state.pending.selected : undefined;
  const notFound = typed.unknown.length ? t(locale, "common.not_an_option", { text: quoteUnknown(typed.unknown) }) : undefined;
  if (!choosing) {
    if (typed.options.length) return acceptChecked(flow, state, step, typed.options, ctx);
    if (typed.done) return { state, replies: [askStep(step, locale, t(locale, "common.nothing_selected"))], effects: [] };
    return { state, replies: [askStep(step, locale, `${notFound ?? ""} ${t(locale, "common.choose_from")}`.trim())], effects: [] };
  }
  const added = typed.options.filter((id) => !choosing.includes(id));
  const again = typed.options.filter((id) => choosing.includes(id));
  const selected = [...choosing, ...added];
  if (typed.done) {
    if (selected.length === 0) return { state, replies: [askStep(step, locale, t(locale, "common.nothing_selected"))], effects: [] };
    return acceptChecked(flow, { ...state, pending: undefined }, step, selected, ctx);
  }
  const note = [
    added.length ? t(locale, "common.added", { items: optionLabels(step, locale, added) }) : undefined,
    again.length ? t(locale, "common.already_selected", { items: optionLabels(step, locale, again) }) : undefined,
    notFound,
  ]
    .filter((x): x is string => !!x)
    .join(" ");
  const s: FlowState = { ...state, pending: { kind: "multi", selected } };
  return { state: s, replies: [multiProgress(step, locale, selected, { note })], effects: [] };
}

/** Accepts a value after the step's schema, keeping the schema's output. */
function acceptChecked(flow: FlowDef, state: FlowState, step: StepDef, value: AnswerValue, ctx: EngineContext): StepResult {
  if (!step.schema) return accept(flow, state, step, value, ctx);
  const checked = step.schema.safeParse(value);
  if (!checked.success) return reprompt(state, step, ctx.locale, checked.error.issues[0]?.message);
  return accept(flow, state, step, checked.data as AnswerValue, ctx);
}

function reprompt(state: FlowState, step: StepDef, locale: Locale, issue?: string): StepResult {
  const key = issue !== undefined && CATALOGUES[locale][issue] !== undefined ? issue : (step.reprompt ?? "common.not_understood");
  return { state, replies: [askStep(step, locale, t(locale, key))], effects: [] };
}

function accept(flow: FlowDef, state: FlowState, step: StepDef, value: AnswerValue, ctx: EngineContext): StepResult {
  const answers: Answers = { ...state.answers, [step.id]: value };
  const effects: StepResult["effects"] = [];
  if (step.consent) {
    effects.push({ type: "consent", purpose: step.consent.purpose, granted: value === true });
    if (step.consent.required && value !== true) {
      effects.push({ type: "abandon", flowId: flow.id });
      return { state: null, replies: [{ text: t(ctx.locale, step.consent.declined) }], effects };
    }
  }
  const history = [...state.history, step.id];
  let next = nextOf(step, answers);
  if (state.editing) {
    const path = pathOf(flow, answers);
    const open = path.find((id) => !(id in answers));
    next = open ?? "$end";
  }
  if (next === "$end") {
    if (flow.summary) {
      const s: FlowState = { ...state, answers, history, pending: { kind: "summary" }, editing: false };
      return { state: s, replies: [summary(flow, answers, pathOf(flow, answers), ctx.locale)], effects };
    }
    effects.push({ type: "complete", flowId: flow.id, answers });
    return { state: null, replies: [], effects };
  }
  const s: FlowState = { ...state, answers, history, step: next, pending: undefined };
  return { state: s, replies: [askStep(getStep(flow, next), ctx.locale)], effects };
}

function onSummary(flow: FlowDef, state: FlowState, input: FlowInput, ctx: EngineContext): StepResult {
  const yes =
    input.kind === "action"
      ? input.action === "summary:confirm"
        ? true
        : input.action === "summary:change"
          ? false
          : undefined
      : input.kind === "text"
        ? /^(ret|change|aendr|edit|ret et svar|change an answer)$/.test(fold(input.text))
          ? false
          : (parseYesNo(input.text) ?? (/^(bekraeft|confirm)$/.test(fold(input.text)) ? true : undefined))
        : undefined;
  if (yes === true) return { state: null, replies: [], effects: [{ type: "complete", flowId: flow.id, answers: state.answers }] };
  if (yes === false) {
    const s: FlowState = { ...state, pending: { kind: "edit-pick" } };
    return { state: s, replies: [editPicker(flow, pathOf(flow, state.answers), ctx.locale)], effects: [] };
  }
  const reply = summary(flow, state.answers, pathOf(flow, state.answers), ctx.locale);
  return { state, replies: [{ ...reply, text: `${t(ctx.locale, "common.not_understood")}\n\n${reply.text}` }], effects: [] };
}

function onEditPick(flow: FlowDef, state: FlowState, input: FlowInput, ctx: EngineContext): StepResult {
  const steps = summarySteps(flow, pathOf(flow, state.answers));
  let id: string | undefined;
  if (input.kind === "action" && input.action.startsWith("edit:")) id = input.action.slice(5);
  if (input.kind === "text") {
    const n = Number(input.text.trim().replace(/\.$/, ""));
    if (Number.isInteger(n) && n >= 1 && n <= steps.length) id = steps[n - 1]!.id;
  }
  const step = steps.find((s) => s.id === id);
  if (!step) {
    const reply = editPicker(flow, pathOf(flow, state.answers), ctx.locale);
    return { state, replies: [{ ...reply, text: `${t(ctx.locale, "common.choose_from")}\n\n${reply.text}` }], effects: [] };
  }
  const s: FlowState = { ...state, step: step.id, pending: undefined, editing: true };
  return { state: s, replies: [askStep(step, ctx.locale)], effects: [] };
}
