// Housekeeping of the code guard: counters quiet for a week are removed by the scheduler.
import type { CapabilityFactory } from "../capability.js";
import { purgeQuietGuards } from "./code-guard.js";

export const createSecurityCapability: CapabilityFactory = ({ db }) => ({
  name: "security",
  jobs: [
    async (now) => {
      await purgeQuietGuards(db, now);
    },
  ],
});
