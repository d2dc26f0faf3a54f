// Every capability Mentorbro runs, in the order their handlers are tried.
import type { CapabilityFactory } from "../core/capability.js";
import { escalationCapability } from "./escalation/index.js";
import { createOnboardingCapability } from "./onboarding/index.js";
import { createMatchmakingCapability } from "./matchmaking/index.js";
import { createLinkingCapability } from "./linking/index.js";
import { createCheckinsCapability } from "./checkins/index.js";
import { createCoordinatorCapability } from "./coordinator/index.js";
import { createPrivacyCapability } from "./privacy/index.js";
import { createSecurityCapability } from "./security/index.js";

export const ALL_CAPABILITIES: CapabilityFactory[] = [
  escalationCapability,
  createMatchmakingCapability,
  createLinkingCapability,
  createCheckinsCapability,
  createCoordinatorCapability,
  createPrivacyCapability,
  createSecurityCapability,
  createOnboardingCapability,
];
