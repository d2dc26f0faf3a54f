// Every capability Mentorbro runs, in the order their handlers are tried.
import type { CapabilityFactory } from "./capability.js";
import { createMatchmakingCapability } from "./matchmaking/capability.js";

export const ALL_CAPABILITIES: CapabilityFactory[] = [createMatchmakingCapability];
