// Every capability Mentorbro runs, in the order their handlers are tried.
import type { CapabilityFactory } from "../core/capability.js";
import { escalationCapability } from "./escalation/capability.js";
import { createMatchmakingCapability } from "./matchmaking/capability.js";
import { createLinkingCapability } from "./linking/capability.js";
import { createCheckinsCapability } from "./checkins/capability.js";
import { createCoordinatorCapability } from "./coordinator/capability.js";
import { createPrivacyCapability } from "./privacy/capability.js";
import { createSecurityCapability } from "./security/capability.js";

export const ALL_CAPABILITIES: CapabilityFactory[] = [escalationCapability, createMatchmakingCapability, createLinkingCapability, createCheckinsCapability, createCoordinatorCapability, createPrivacyCapability, createSecurityCapability];
