// What finishing each sign-up flow means (pure, like the router): the mentee waits for a match;
// a mentor is active with a valid invitation code, otherwise pending a coordinator's approval; a
// coordinator needs the coordinators' code, and a wrong one asks for the code again.
import { t } from "../../core/i18n/index.js";
import type { Answers, FlowState, Reply } from "../../core/flows/types.js";
import type { SignupContext, SignupFinish } from "../../core/conversation/signup.js";
import { sameSecret } from "../../infra/security/code-guard.js";
import { waitText } from "../../infra/security/invite-codes.js";

const nameOf = (a: Answers) => String(a.name ?? "");

export function finishMentee(answers: Answers, _state: FlowState, ctx: SignupContext): SignupFinish {
  return { replies: [{ text: t(ctx.locale, "mentee.done", { name: nameOf(answers) }) }], effects: [{ type: "signup", role: "mentee", answers }] };
}

export function finishMentor(answers: Answers, _state: FlowState, ctx: SignupContext): SignupFinish {
  const { locale } = ctx;
  const code = answers.invite_code;
  // Only a configured code can be guessed; while locked out, none is compared.
  const compared = typeof code === "string" && !!ctx.codes.mentor && !ctx.codeLock;
  const active = compared && sameSecret(code.trim(), ctx.codes.mentor!);
  const replies: Reply[] = [];
  if (typeof code === "string" && !active)
    replies.push({ text: t(locale, ctx.codeLock && ctx.codes.mentor ? "mentor.invite_locked" : "mentor.invite_invalid") });
  replies.push({ text: t(locale, active ? "mentor.done_active" : "mentor.done_pending", { name: nameOf(answers) }) });
  return {
    replies,
    effects: [
      ...(compared ? [{ type: "invite_attempt" as const, kind: "mentor" as const, ok: active }] : []),
      { type: "signup", role: "mentor", answers, ...(active ? { activation: "code" as const } : {}) },
    ],
  };
}

export function finishCoordinator(answers: Answers, state: FlowState, ctx: SignupContext): SignupFinish {
  const { locale } = ctx;
  const { code: _code, ...rest } = answers;
  const again: FlowState = { ...state, answers: rest, step: "code", pending: undefined };
  // Locked out: the code is not even compared.
  if (ctx.codeLock) return { again, replies: [{ text: t(locale, "invite.locked", { wait: waitText(locale, ctx.codeLock, ctx.now) }) }], effects: [] };
  if (!sameSecret(String(answers.code ?? "").trim(), ctx.codes.coordinator)) {
    return { again, replies: [{ text: t(locale, "coordinator.code_invalid") }], effects: [{ type: "invite_attempt", kind: "coordinator", ok: false }] };
  }
  return {
    replies: [{ text: t(locale, "coordinator.done") }],
    effects: [
      { type: "signup", role: "coordinator", answers: { name: nameOf(answers) } },
      { type: "invite_attempt", kind: "coordinator", ok: true },
    ],
  };
}
