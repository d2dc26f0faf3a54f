// The escalation capability's public surface: all that the rest of Mentorbro may use of it.
export { escalationCapability, makeEscalationCapability, type EscalationOptions } from "./capability.js";
export { needsHelpEscalation } from "./scan-signals.js";
