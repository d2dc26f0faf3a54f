import { MentorbroError } from "../errors.js";
import { menteeIntake } from "../../capabilities/onboarding/index.js";
import { coordinatorSignup, mentorOnboarding } from "../../capabilities/onboarding/index.js";
import type { FlowDef } from "./types.js";

export const FLOWS: Record<string, FlowDef> = {
  [menteeIntake.id]: menteeIntake,
  [mentorOnboarding.id]: mentorOnboarding,
  [coordinatorSignup.id]: coordinatorSignup,
};

export function getFlow(id: string): FlowDef {
  const flow = FLOWS[id];
  if (!flow) throw new MentorbroError("FLOW_UNKNOWN", `No flow ${id}`);
  return flow;
}
