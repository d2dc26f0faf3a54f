// The privacy capability's public surface: all that the rest of Mentorbro may use of it.
export { createPrivacyCapability } from "./capability.js";
export { exportFor } from "./export-command.js";
export { purgeExpired } from "./retention.js";
