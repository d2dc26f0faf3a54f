// Onboarding: how people take a role. Each sign-up is a flow (data) with what finishing it means;
// the router offers the roles in this order and never knows them by name.
import type { Capability } from "../../core/capability.js";
import type { Signup } from "../../core/conversation/signup.js";
import { menteeIntake } from "./mentee-intake.js";
import { coordinatorSignup, mentorOnboarding } from "./mentor-onboarding.js";
import { finishCoordinator, finishMentee, finishMentor } from "./finish.js";
import { saveCoordinator, saveMentee, saveMentor } from "./save.js";
import { PROFILE_ACTIONS, PROFILE_INTENTS, PROFILE_TASKS } from "./profile-edit.js";
import { onboardingDa } from "./texts-da.js";
import { onboardingEn } from "./texts-en.js";

export const SIGNUPS: Signup[] = [
  { role: "mentee", flow: menteeIntake, finish: finishMentee, save: saveMentee },
  { role: "mentor", flow: mentorOnboarding, invitation: true, finish: finishMentor, save: saveMentor },
  { role: "coordinator", flow: coordinatorSignup, invitation: true, finish: finishCoordinator, save: saveCoordinator },
];

export const ONBOARDING_TEXTS = { da: onboardingDa, en: onboardingEn };

export function createOnboardingCapability(): Capability {
  // After signing up, one answer can be changed ("jeg er flyttet til Aarhus"): profile-edit.ts.
  return { name: "onboarding", texts: ONBOARDING_TEXTS, signups: SIGNUPS, intents: PROFILE_INTENTS, tasks: PROFILE_TASKS, actions: PROFILE_ACTIONS };
}
