// Decides what a message means for one person: a command, a language or role choice, or an answer
// to the current flow step. Pure: the service loads the inputs and stores the result atomically.
import { t, type Locale } from "../i18n/index.js";
import { currentQuestion, getStep, goBack, migrateState, pathLength, pathOf, startFlow, stepFlow } from "../flows/engine.js";
import type { Effect, FlowInput, FlowState, Reply } from "../flows/types.js";
import { matchOption } from "../../lib/text/option-match.js";
import { commandFromAction, directLanguage, recogniseCommand, type Command } from "./commands.js";
import type { TaskState } from "./handlers.js";
import type { InviteAttempt } from "../../infra/security/invite-codes.js";
import type { InviteCodes, SignupEffect, Signups } from "./signup.js";
import type { Intent, Understanding } from "../../lib/understanding/recognise.js";
import { askToConfirm, CORE_INTENTS, menuReply, stuckReply } from "./understand.js";
import { chosenLanguage, isGreeting, languageButtons } from "./language-choice.js";
import { writtenIn } from "../../lib/understanding/language.js";

export type Mode = "new" | "language" | "role" | "flow" | "idle" | "paused" | "confirm_delete" | "task";

export interface ConvoData {
  mode: Mode;
  flow?: FlowState;
  /** A capability's multi-message exchange (see handlers.ts). */
  task?: TaskState;
  /** Where to return after a pause, a language change or a cancelled delete. */
  resume?: Mode;
  /** Answers in a row that were not understood at the current question. */
  misses?: number;
  /** The last message got a safety reply (and nothing else): the open question comes back gently. */
  afterSafety?: boolean;
}

export interface PersonView {
  locale: Locale;
  roles: string[];
  name?: string | null;
  menteeStatus?: string | null;
}

export interface RouteContext {
  person: PersonView;
  convo: ConvoData;
  input: FlowInput;
  platformLocale?: Locale;
  now: Date;
  /** The roles people can sign up for and their flows (brought by capabilities). */
  signups: Signups;
  codes: InviteCodes;
  /** While a lock-out for wrong invitation codes runs (src/infra/security): its end. Codes are then not compared. */
  codeLock?: Date;
  /** Lines added to the help text, e.g. the commands of the person's roles. */
  extraHelp?: string;
  /** What the understanding component read in a typed message (src/lib/understanding). */
  understood?: Understanding;
  /** Intents capabilities act on for this person: the menu's buttons. */
  menuIntents?: readonly Intent[];
}

export type RouterEffect =
  | Effect
  | { type: "set_locale"; locale: Locale }
  | { type: "delete_person" }
  | { type: "request_human" }
  | SignupEffect
  | InviteAttempt;

export interface RouteResult {
  convo: ConvoData;
  replies: Reply[];
  effects: RouterEffect[];
}

/** The role question, after a line about the language chosen (and how to change it). */
function languageThenRole(ctx: RouteContext, locale: Locale, line: string, changed: boolean): RouteResult {
  return {
    convo: { mode: "role" },
    replies: [{ text: t(locale, line) }, roleReply(ctx, locale)],
    effects: changed ? [{ type: "set_locale", locale }] : [],
  };
}

function roleReply(ctx: RouteContext, locale: Locale): Reply {
  return {
    text: t(locale, "welcome.who"),
    buttons: ctx.signups.roles.map((r) => ({ action: `role:${r}`, label: t(locale, `role.${r}`) })),
  };
}

export function route(ctx: RouteContext): RouteResult {
  let { convo } = ctx;
  if (convo.mode === "flow" && convo.flow) {
    const flow = ctx.signups.flow(convo.flow.flowId);
    const m = migrateState(flow, convo.flow);
    if (m.migrated) {
      convo = { ...convo, flow: m.state };
      const res = routeInner({ ...ctx, convo });
      return { ...res, replies: [{ text: t(ctx.person.locale, "flow.migrated") }, ...res.replies] };
    }
  }
  return routeInner({ ...ctx, convo });
}

function routeInner(ctx: RouteContext): RouteResult {
  const { convo, input, person } = ctx;
  const locale = person.locale;
  if (convo.mode === "new") return firstContact(ctx);
  const cmd = input.kind === "text" ? recogniseCommand(input.text) : input.kind === "action" ? commandFromAction(input.action) : undefined;
  if (cmd && convo.mode !== "confirm_delete") return onCommand(cmd, ctx);
  // Free text that is no answer here: what the understanding component read, before any fallback.
  if ((convo.mode === "idle" || convo.mode === "paused") && !isGreeting(input)) {
    const understood = onUnderstood(ctx, convo.mode === "paused" ? (convo.resume ?? "idle") : "idle");
    if (understood) return understood;
  }
  switch (convo.mode) {
    case "paused":
      return resume(ctx, convo.resume ?? "idle", t(locale, "cmd.resumed"));
    case "confirm_delete": {
      const yes = input.kind === "action" ? input.action === "delete:yes" : false;
      if (yes) return { convo: { mode: "new" }, replies: [{ text: t(locale, "cmd.deleted") }], effects: [{ type: "delete_person" }] };
      return resume(ctx, convo.resume ?? "idle", t(locale, "cmd.delete_cancelled"));
    }
    case "language":
      return onLanguage(ctx);
    case "role":
      return onRole(ctx);
    case "flow":
      return onFlow(ctx);
    default:
      return home(ctx);
  }
}

/** A core intent read clearly is acted on; an unsure one is asked about. Undefined: not the core's. */
function onUnderstood(ctx: RouteContext, here: Mode): RouteResult | undefined {
  const u = ctx.understood;
  if (!u || u.intent === "none" || !CORE_INTENTS.has(u.intent)) return undefined;
  if (u.confidence === "unsure") {
    const ask = askToConfirm(ctx.person.locale, u);
    return { convo: { mode: "task", task: ask.task, resume: here, flow: ctx.convo.flow }, replies: [ask.reply], effects: [] };
  }
  if (u.confidence !== "clear") return undefined;
  if (u.intent === "language") {
    const wanted = u.slots.lang;
    if (wanted) return setLanguage(ctx, wanted, here);
    return onCommand("language", { ...ctx, input: { kind: "text", text: "" } });
  }
  return onCommand(u.intent as Command, ctx);
}

function resume(ctx: RouteContext, mode: Mode, prefix: string, locale = ctx.person.locale): RouteResult {
  const convo: ConvoData = { mode, flow: ctx.convo.flow };
  if (mode === "flow" && convo.flow) {
    return { convo, replies: [currentQuestion(ctx.signups.flow(convo.flow.flowId), convo.flow, locale, prefix)], effects: [] };
  }
  if (mode === "role") return { convo, replies: [{ text: prefix }, roleReply(ctx, locale)], effects: [] };
  if (mode === "new" || mode === "language") return { convo: { mode: "role" }, replies: [{ text: prefix }, roleReply(ctx, locale)], effects: [] };
  return { convo: { mode: "idle" }, replies: [{ text: prefix }], effects: [] };
}

function onCommand(cmd: Command, ctx: RouteContext): RouteResult {
  const { convo, person } = ctx;
  const locale = person.locale;
  const inFlow = convo.mode === "flow" && convo.flow;
  const here = convo.mode === "paused" || convo.mode === "language" || convo.mode === "task" ? (convo.resume ?? "idle") : convo.mode;
  switch (cmd) {
    case "help":
      return resume(ctx, here, ctx.extraHelp ? `${t(locale, "cmd.help")}\n${ctx.extraHelp}` : t(locale, "cmd.help"));
    case "back": {
      if (!inFlow) return resume(ctx, here, t(locale, "cmd.no_flow"));
      const r = goBack(ctx.signups.flow(convo.flow!.flowId), convo.flow!, { locale, now: ctx.now });
      return { convo: { mode: "flow", flow: r.state! }, replies: r.replies, effects: [] };
    }
    case "restart": {
      if (!inFlow) return { convo: { mode: "role" }, replies: [{ text: t(locale, "cmd.restarted") }, roleReply(ctx, locale)], effects: [] };
      const r = startFlow(ctx.signups.flow(convo.flow!.flowId), { locale, now: ctx.now });
      return { convo: { mode: "flow", flow: r.state! }, replies: [{ text: t(locale, "cmd.restarted") }, ...r.replies], effects: [] };
    }
    case "pause":
      return { convo: { mode: "paused", resume: here, flow: convo.flow }, replies: [{ text: t(locale, "cmd.paused") }], effects: [] };
    case "language": {
      const direct = ctx.input.kind === "text" ? directLanguage(ctx.input.text) : undefined;
      if (direct) return setLanguage(ctx, direct, here);
      return {
        convo: { mode: "language", resume: here, flow: convo.flow },
        replies: [{ text: t(locale, "cmd.language_choose"), buttons: languageButtons() }],
        effects: [],
      };
    }
    case "status":
      return resume(ctx, here, statusText(ctx));
    case "delete":
      return {
        convo: { mode: "confirm_delete", resume: here, flow: convo.flow },
        replies: [
          {
            text: t(locale, "cmd.delete_confirm"),
            buttons: [
              { action: "delete:yes", label: t(locale, "cmd.delete_yes") },
              { action: "delete:no", label: t(locale, "common.cancel") },
            ],
          },
        ],
        effects: [],
      };
    case "human": {
      const r = resume(ctx, here, t(locale, "cmd.human"));
      return { ...r, effects: [{ type: "request_human" }] };
    }
  }
}

function statusText(ctx: RouteContext): string {
  const { convo, person } = ctx;
  const locale = person.locale;
  if (convo.flow && (convo.mode === "flow" || convo.resume === "flow")) {
    const flow = ctx.signups.flow(convo.flow.flowId);
    const n = pathOf(flow, convo.flow.answers).length;
    const total = pathLength(flow, convo.flow.answers);
    const next = convo.flow.pending?.kind === "summary" ? t(locale, "summary.ask") : t(locale, `field.${convo.flow.step}`);
    return t(locale, "status.in_flow", { n, total, flow: t(locale, flow.title), next });
  }
  if (person.roles.includes("mentee") && person.menteeStatus === "waiting") return t(locale, "status.waiting");
  if (person.roles.length === 0) return t(locale, "status.none");
  return t(locale, `home.${person.roles.includes("coordinator") ? "coordinator" : person.roles.includes("mentor") ? "mentor" : "mentee"}`, {
    name: person.name ?? "",
  });
}

function setLanguage(ctx: RouteContext, locale: Locale, back: Mode): RouteResult {
  const r = resume(ctx, back === "language" || back === "new" ? "role" : back, t(locale, "cmd.language_set"), locale);
  return { ...r, effects: [{ type: "set_locale", locale }] };
}

/**
 * A new person's first message. A language they pick (a button, "dansk") or clearly write in is
 * taken; else the platform's language; else the language question, asked this once.
 */
function firstContact(ctx: RouteContext): RouteResult {
  const { input } = ctx;
  const choice = chosenLanguage(input, true);
  if (choice) return setLanguage(ctx, choice, "new");
  const guess = input.kind === "text" ? writtenIn(input.text, { min: 2, dominance: 3 }) : undefined;
  if (guess) {
    // The greeting first; how to change the language under it.
    const r = roleReply(ctx, guess);
    const reply = { ...r, text: `${r.text}\n\n${t(guess, "welcome.language_guessed")}` };
    return { convo: { mode: "role" }, replies: [reply], effects: [{ type: "set_locale", locale: guess }] };
  }
  if (ctx.platformLocale) {
    return { convo: { mode: "role" }, replies: [roleReply(ctx, ctx.platformLocale)], effects: [{ type: "set_locale", locale: ctx.platformLocale }] };
  }
  return { convo: { mode: "language" }, replies: [{ text: t(ctx.person.locale, "welcome.choose_language"), buttons: languageButtons() }], effects: [] };
}

function onLanguage(ctx: RouteContext): RouteResult {
  const { input } = ctx;
  const choice = chosenLanguage(input, false);
  if (choice) return setLanguage(ctx, choice, ctx.convo.resume ?? "role");
  // Asked to change language ("sprog"): ask again, nothing else is waiting.
  if (ctx.convo.resume) return { convo: ctx.convo, replies: [{ text: t(ctx.person.locale, "cmd.language_choose"), buttons: languageButtons() }], effects: [] };
  // First contact: the question is not asked twice. An answer written in a language picks it;
  // anything else goes on in the language we have, saying how to change it.
  const guess = input.kind === "text" ? writtenIn(input.text, { min: 1, dominance: 3 }) : undefined;
  if (guess) return languageThenRole(ctx, guess, "welcome.language_guessed", guess !== ctx.person.locale);
  return languageThenRole(ctx, ctx.person.locale, "welcome.language_default", false);
}

function onRole(ctx: RouteContext): RouteResult {
  const { input, person } = ctx;
  // A late press of the language button, or "english" typed under the role question.
  const language = chosenLanguage(input, true);
  if (language) return setLanguage(ctx, language, "role");
  const buttons = roleReply(ctx, person.locale).buttons!;
  const action = input.kind === "action" ? input.action : input.kind === "text" ? matchOption(input.text, buttons)?.action : undefined;
  const role = action?.startsWith("role:") ? action.slice(5) : undefined;
  const signup = role ? ctx.signups.forRole(role) : undefined;
  if (!signup) {
    const r = roleReply(ctx, person.locale);
    return { convo: ctx.convo, replies: [{ ...r, text: `${t(person.locale, "common.choose_from")}\n\n${r.text}` }], effects: [] };
  }
  const r = startFlow(signup.flow, { locale: person.locale, now: ctx.now });
  return { convo: { mode: "flow", flow: r.state! }, replies: r.replies, effects: [] };
}

function home(ctx: RouteContext): RouteResult {
  const { person, input } = ctx;
  if (person.roles.length === 0) return { convo: { mode: "role" }, replies: [roleReply(ctx, person.locale)], effects: [] };
  // A greeting gets a greeting; anything else that was not understood gets the menu, never a dead end.
  const greeting = input.kind !== "text" || isGreeting(input);
  const text = greeting ? t(person.locale, "understand.home", { name: person.name ?? "" }) : t(person.locale, "understand.menu");
  return { convo: { mode: "idle" }, replies: [menuReply(person.locale, text, ctx.menuIntents ?? [])], effects: [] };
}

function onFlow(ctx: RouteContext): RouteResult {
  const { person } = ctx;
  const locale = person.locale;
  const flow = ctx.signups.flow(ctx.convo.flow!.flowId);
  const r = stepFlow(flow, ctx.convo.flow!, ctx.input, { locale, now: ctx.now });
  const complete = r.effects.find((e) => e.type === "complete");
  // Not an answer to the question (the flow did not move): maybe something else was meant.
  if (r.state && ctx.input.kind === "text" && JSON.stringify(r.state) === JSON.stringify(ctx.convo.flow)) {
    // Mid-flow only a clear reading interrupts the question; an unsure one is just re-asked.
    const understood = ctx.understood?.confidence === "clear" ? onUnderstood(ctx, "flow") : undefined;
    if (understood) return understood;
    if (ctx.convo.afterSafety) {
      return { convo: { mode: "flow", flow: r.state }, replies: [currentQuestion(flow, r.state, locale, t(locale, "flow.resume_gently"))], effects: r.effects };
    }
    // The second answer in a row that did not fit: buttons, and a person to talk to.
    const misses = (ctx.convo.misses ?? 0) + 1;
    const replies = misses >= 2 ? [...r.replies, stuckReply(locale, getStep(flow, r.state.step).skippable === true)] : r.replies;
    return { convo: { mode: "flow", flow: r.state, misses }, replies, effects: r.effects };
  }
  if (r.state) return { convo: { mode: "flow", flow: r.state }, replies: r.replies, effects: r.effects };
  if (!complete || complete.type !== "complete") return { convo: { mode: "idle" }, replies: r.replies, effects: r.effects };
  const signup = ctx.signups.forFlow(flow.id);
  if (!signup) return { convo: { mode: "idle" }, replies: r.replies, effects: r.effects };
  const done = signup.finish(complete.answers, ctx.convo.flow!, { locale, now: ctx.now, codes: ctx.codes, codeLock: ctx.codeLock });
  const effects: RouterEffect[] = [...r.effects.filter((e) => e.type !== "complete"), ...done.effects];
  if (done.again) return { convo: { mode: "flow", flow: done.again }, replies: done.replies, effects };
  return { convo: { mode: "idle" }, replies: done.replies, effects };
}
