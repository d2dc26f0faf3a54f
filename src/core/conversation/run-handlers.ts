// Dispatches a message to a capability before the flow router sees it: button actions by prefix,
// an open task, or a typed role command. Returns undefined when none applies.
import { t } from "../i18n/index.js";
import { fold } from "../../lib/text/normalize.js";
import type { Reply } from "../flows/types.js";
import { recogniseCommand } from "./commands.js";
import { CORE_INTENTS, recogniser, roleOf } from "./understand.js";
import { findAction, findCommand, type HandlerContext, type HandlerRegistry, type HandlerResult } from "./handlers.js";
import type { ConvoData } from "./router.js";

export function nextConvo(convo: ConvoData, r: HandlerResult): ConvoData {
  const resume = convo.mode === "task" ? (convo.resume ?? "idle") : convo.mode;
  if (r.task) return { mode: "task", task: r.task, resume, flow: convo.flow };
  if (r.done || convo.mode === "task") return { mode: resume === "task" ? "idle" : resume, flow: convo.flow };
  return convo;
}

export async function runHandlers(reg: HandlerRegistry, ctx: HandlerContext, convo: ConvoData): Promise<{ replies: Reply[]; convo: ConvoData } | undefined> {
  const { input } = ctx;
  if (input.kind === "action") {
    const hit = findAction(reg, input.action);
    if (hit) {
      const r = await hit.handler.handle(ctx, hit.rest);
      return { replies: r.replies, convo: nextConvo(convo, r) };
    }
  }
  if (convo.mode === "task" && convo.task) {
    // Core commands (help, back, pause…) leave the task; the router handles them.
    if (input.kind === "text" && recogniseCommand(input.text)) return undefined;
    const handler = reg.tasks.find((h) => h.kind === convo.task!.kind);
    if (handler?.structured && input.kind === "text" && leavesTask(input.text, ctx)) return undefined;
    if (handler) {
      const r = await handler.handle(ctx, convo.task.data);
      return { replies: r.replies, convo: nextConvo(convo, r) };
    }
  }
  if (input.kind === "text") {
    const hit = findCommand(reg, input.text, fold);
    if (hit) {
      const allowed = !hit.command.roles || hit.command.roles.some((r) => ctx.person.roles.includes(r));
      const explicit = input.text.trim().startsWith("/") || convo.mode !== "flow";
      if (allowed) {
        const r = await hit.command.handle(ctx, hit.args);
        return { replies: r.replies, convo: nextConvo(convo, r) };
      }
      // Mid-flow a word like "report" may be an answer; refuse only when it was clearly a command.
      // (A sentence that merely starts with a command word is no hit: see findCommand.) A core
      // command word ("person" = talk to a human) is left to the router.
      if (explicit && !recogniseCommand(input.text)) return { replies: [{ text: t(ctx.person.locale, "cmd.not_allowed") }], convo };
    }
  }
  return undefined;
}

/** In a task with a fixed-form answer: a clear request the core acts on (a person, delete, help, language, status). */
function leavesTask(text: string, ctx: HandlerContext): boolean {
  const u = recogniser().recognise(text, { role: roleOf(ctx.person.roles), now: ctx.now });
  return u.confidence === "clear" && u.intent !== "none" && CORE_INTENTS.has(u.intent);
}

export function helpFor(reg: HandlerRegistry, person: { roles: string[]; locale: "da" | "en" }): string | undefined {
  const lines = reg.commands
    .filter((c) => c.help && (!c.roles || c.roles.some((r) => person.roles.includes(r))))
    .map((c) => `• ${c.words[0]} – ${t(person.locale, c.help!)}`);
  return lines.length ? lines.join("\n") : undefined;
}
