// The checkins capability's public surface: all that the rest of Mentorbro may use of it.
export { createCheckinsCapability } from "./capability.js";
export { contactSummaries, periodState } from "./contact-summary.js";
export type { CheckInFacts } from "./contact-summary.js";
export { startClosing } from "./lifecycle.js";
export { queueDueNudges } from "./schedule.js";
