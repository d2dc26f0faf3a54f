// Extension point: capabilities (matching, check-ins, escalations, coordinator tools) plug into
// the conversation service here instead of growing the router. All handlers run inside the
// message's transaction, so what they write commits together with the conversation state.
import type { InboundEvent } from "../messages.js";
import type { FlowInput, Reply } from "../flows/types.js";
import type { Locale } from "../i18n/index.js";
import type { Tx } from "../../infra/db/tx.js";
import type { Intent, Understanding } from "../../lib/understanding/recognise.js";

export interface HandlerPerson {
  id: string;
  locale: Locale;
  roles: string[];
  displayName: string | null;
}

export interface HandlerContext {
  tx: Tx;
  person: HandlerPerson;
  now: Date;
  event: InboundEvent;
  input: FlowInput;
}

/** A multi-message exchange outside the flows (a decline reason, check-in hours, a resolve note). */
export interface TaskState {
  kind: string;
  data: Record<string, unknown>;
}

export interface HandlerResult {
  replies: Reply[];
  /** Start (or continue) a task: the person's next message goes to that task's handler. */
  task?: TaskState;
  /** The task is finished: go back to where the person was. */
  done?: boolean;
}

/** Button presses whose action starts with `prefix:` — work in any mode, even mid-flow. */
export interface ActionHandler {
  prefix: string;
  handle(ctx: HandlerContext, rest: string): Promise<HandlerResult>;
}

/** Typed commands (e.g. "alerts", "queue"); `roles` limits who may use them. */
export interface TextCommand {
  words: string[];
  /**
   * Takes words after it ("person Anna", "msg …"). Otherwise the command is only the whole message:
   * "venter jeg stadig?" or "status på mit CV" is a sentence for the understanding component.
   */
  args?: boolean;
  roles?: string[];
  /** Catalogue key of a one-line description shown in help for people with those roles. */
  help?: string;
  handle(ctx: HandlerContext, args: string): Promise<HandlerResult>;
}

/**
 * Acts on something a person wrote that the understanding component recognised (an intent with its
 * details, src/lib/understanding). Also reached by a menu button "intent:<name>" (no details then).
 */
export interface IntentHandler {
  intent: Intent;
  roles?: string[];
  handle(ctx: HandlerContext, understood: Understanding): Promise<HandlerResult>;
}

export interface TaskHandler {
  kind: string;
  /**
   * The answer has a fixed form (a date, yes/no, a choice): a clear wish for a person, deletion,
   * help or another language written instead leaves the task. Tasks that take any text (a reason, a
   * message to relay) leave this unset: there the words are the answer.
   */
  structured?: boolean;
  handle(ctx: HandlerContext, data: Record<string, unknown>): Promise<HandlerResult>;
}

/** What a pre-check says about a message: no replies = nothing to do, the turn goes on as usual. */
export interface PreCheckResult {
  replies: Reply[];
  /** The safety exchange is over: after the replies, the conversation goes on where it was. */
  resume?: boolean;
}

export const NO_PRE_CHECK: PreCheckResult = { replies: [] };

export interface HandlerRegistry {
  actions: ActionHandler[];
  commands: TextCommand[];
  tasks: TaskHandler[];
  intents: IntentHandler[];
  /** Does a capability wait for this person's typed answer to a check-in question? */
  openQuestion?: (tx: Tx, personId: string, now: Date) => Promise<boolean>;
}

export function emptyRegistry(): HandlerRegistry {
  return { actions: [], commands: [], tasks: [], intents: [] };
}

export function findIntent(reg: HandlerRegistry, intent: string, roles: readonly string[]): IntentHandler | undefined {
  return reg.intents.find((h) => h.intent === intent && (!h.roles || h.roles.some((r) => roles.includes(r))));
}

export function findAction(reg: HandlerRegistry, action: string): { handler: ActionHandler; rest: string } | undefined {
  const i = action.indexOf(":");
  if (i < 0) return undefined;
  const handler = reg.actions.find((h) => h.prefix === action.slice(0, i));
  return handler ? { handler, rest: action.slice(i + 1) } : undefined;
}

/** Matches "alerts" or "/person Anna" (whole words, folded) to a command; returns the rest as args. */
export function findCommand(reg: HandlerRegistry, text: string, fold: (s: string) => string): { command: TextCommand; args: string } | undefined {
  const trimmed = text.trim().replace(/^\//, "");
  const f = fold(trimmed);
  for (const command of reg.commands) {
    for (const w of command.words) {
      if (f === w || ((command.args || text.trim().startsWith("/")) && f.startsWith(`${w} `))) {
        const words = w.split(" ").length;
        return { command, args: trimmed.split(/\s+/).slice(words).join(" ") };
      }
    }
  }
  return undefined;
}
