// The coordinator capability's public surface: all that the rest of Mentorbro may use of it.
export { createCoordinatorCapability } from "./capability.js";
export { pickPerson } from "./person.js";
