// The matchmaking capability's public surface: all that the rest of Mentorbro may use of it.
export { createMatchmakingCapability } from "./capability.js";
export { names, reasonsText } from "./describe.js";
export { endForErasure } from "./erase-ends.js";
export { endMatch, pauseMentor, reassignMatch } from "./lifecycle.js";
