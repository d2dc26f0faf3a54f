// The linking capability's public surface: all that the rest of Mentorbro may use of it.
export { createLinkingCapability } from "./capability.js";
export { mergePersons } from "./merge.js";
