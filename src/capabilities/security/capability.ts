// Housekeeping of the code guard: counters quiet for a week are removed by the scheduler.
import type { CapabilityFactory } from "../../core/capability.js";
import { purgeQuietGuards } from "../../infra/security/code-guard.js";

export const createSecurityCapability: CapabilityFactory = ({ db }) => ({
  name: "security",
  jobs: [
    async (now) => {
      await purgeQuietGuards(db, now);
    },
  ],
});
