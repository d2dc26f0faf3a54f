// The security capability's public surface: all that the rest of Mentorbro may use of it.
export { createSecurityCapability } from "./capability.js";
