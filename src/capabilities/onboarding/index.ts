// The onboarding capability's public surface: all that the rest of Mentorbro may use of it.
export { HELP_OPTIONS, menteeIntake } from "./mentee-intake.js";
export { TARGET_GROUPS, coordinatorSignup, mentorOnboarding } from "./mentor-onboarding.js";
export { createOnboardingCapability, SIGNUPS } from "./capability.js";
export { saveMentor } from "./save.js";
