// Data protection as a capability: "export" (all data about me as JSON), "consent" (withdraw or
// give consent per purpose) and the retention job. "delete my data" is a core command (router).
import type { CapabilityFactory } from "../../core/capability.js";
import { changeConsent, consentCommand } from "./consent.js";
import { exportCommandDef } from "./export-command.js";
import { DEFAULT_RETENTION_MONTHS, purgeExpired } from "./retention.js";
import { privacyDa } from "./texts-da.js";
import { privacyEn } from "./texts-en.js";

export const createPrivacyCapability: CapabilityFactory = ({ db, logger, settings, erase }) => {
  const months = settings.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
  return {
    name: "privacy",
    texts: { da: privacyDa, en: privacyEn },
    actions: [{ prefix: "cons", handle: changeConsent }],
    commands: [exportCommandDef, consentCommand],
    jobs: [
      async (now) => {
        await purgeExpired(db, now, months, logger, erase);
      },
    ],
  };
};
