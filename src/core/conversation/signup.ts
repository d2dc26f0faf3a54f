// A sign-up is how a person takes a role: a flow (data) and what finishing it means. Capabilities
// bring them (onboarding brings mentee, mentor and coordinator); the router offers their roles in
// the order given and runs their flows without knowing which exist. finish() is pure, like the
// router; save() writes the result inside the message's transaction.
import { MentorbroError } from "../errors.js";
import type { Answers, Effect, FlowDef, FlowState, Reply } from "../flows/types.js";
import type { Locale } from "../i18n/index.js";
import type { Tx } from "../../infra/db/tx.js";
import type { InviteAttempt } from "../../infra/security/invite-codes.js";

export interface InviteCodes {
  coordinator: string;
  mentor?: string;
}

export interface SignupContext {
  locale: Locale;
  now: Date;
  codes: InviteCodes;
  /** While a lock-out for wrong invitation codes runs: its end. Codes are then not compared. */
  codeLock?: Date;
}

/** What a finished sign-up stores: save() of the sign-up for `role` writes it. */
export interface SignupEffect {
  type: "signup";
  role: string;
  answers: Answers;
  /** Active at once: a valid invitation code ("code") or a coordinator's invitation ("import"). */
  activation?: "code" | "import";
}

export interface SignupFinish {
  replies: Reply[];
  effects: (SignupEffect | InviteAttempt | Effect)[];
  /** Not finished after all (a wrong code): the flow continues from this state. */
  again?: FlowState;
}

export interface SaveContext {
  personId: string;
  programmeId: string;
  now: Date;
}

export interface Signup {
  role: string;
  flow: FlowDef;
  /** The flow's last answer may be an invitation code: the running lock-out is read before routing. */
  invitation?: boolean;
  finish(answers: Answers, state: FlowState, ctx: SignupContext): SignupFinish;
  save(tx: Tx, effect: SignupEffect, ctx: SaveContext): Promise<void>;
}

export interface Signups {
  /** Roles in the order they are offered. */
  readonly roles: string[];
  forRole(role: string): Signup | undefined;
  forFlow(flowId: string): Signup | undefined;
  /** The flow with this id; a stored state naming an unknown flow is a coded error. */
  flow(flowId: string): FlowDef;
}

export function signupCatalog(list: Signup[]): Signups {
  const byRole = new Map(list.map((s) => [s.role, s]));
  const byFlow = new Map(list.map((s) => [s.flow.id, s]));
  if (byRole.size !== list.length || byFlow.size !== list.length) throw new MentorbroError("CONFIG_INVALID", "Two sign-ups share a role or a flow");
  return {
    roles: list.map((s) => s.role),
    forRole: (role) => byRole.get(role),
    forFlow: (id) => byFlow.get(id),
    flow(id) {
      const s = byFlow.get(id);
      if (!s) throw new MentorbroError("FLOW_UNKNOWN", `No flow ${id}`);
      return s.flow;
    },
  };
}
