// Housekeeping of the code guard: counters quiet for a week are removed by the scheduler.
import type { CapabilityFactory } from "../../core/capability.js";
import { purgeQuietGuards } from "./code-guard.js";
import { securityDa } from "./texts-da.js";
import { securityEn } from "./texts-en.js";

export const createSecurityCapability: CapabilityFactory = ({ db }) => ({
  name: "security",
    texts: { da: securityDa, en: securityEn },
  jobs: [
    async (now) => {
      await purgeQuietGuards(db, now);
    },
  ],
});
