// Teams in the platform list: an app id (with its password) turns it on; TEAMS_AUTH_DISABLED only
// for a local emulator. Alerts may go to a channel conversation.
import { z } from "zod";
import { envBool } from "../../src/config.js";
import { describePlatform } from "../platform.js";
import type { CredentialsFactory, TeamsEndpoints } from "./auth/authentication.js";

export const TEAMS_MESSAGES_PATH = "/api/messages";

/** Only to point Teams' auth at a fake (tests) or another cloud: AdapterContext.extras.teams. */
export interface TeamsExtras {
  endpoints?: TeamsEndpoints;
  credentialsFactory?: CredentialsFactory;
}

export const teamsPlatform = describePlatform({
  name: "teams",
  env: {
    TEAMS_APP_ID: z.string().optional(),
    TEAMS_APP_PASSWORD: z.string().optional(),
    TEAMS_TENANT_ID: z.string().optional(),
    TEAMS_AUTH_DISABLED: envBool.default(false),
    TEAMS_SERVICE_URL: z.string().url().default("https://smba.trafficmanager.net/teams/"),
  },
  enabled: (c) => !!c.TEAMS_APP_ID || c.TEAMS_AUTH_DISABLED,
  problem: (c) => (c.TEAMS_APP_ID && !c.TEAMS_APP_PASSWORD && !c.TEAMS_AUTH_DISABLED ? "TEAMS_APP_PASSWORD: needed with TEAMS_APP_ID" : undefined),
  // Bot Framework: 7 messages a second per conversation.
  sendLimit: { perSecond: 7, burst: 7 },
  alertTarget: { pattern: /^teams:channel:\S+$/, example: "teams:channel:<conversation id>" },
  async create(c, ctx) {
    const extras = ctx.extras?.teams as TeamsExtras | undefined;
    const { createTeamsAdapter } = await import("./index.js");
    return createTeamsAdapter({
      core: ctx.core,
      path: TEAMS_MESSAGES_PATH,
      onError: ctx.onError,
      alertChannel: { serviceUrl: c.TEAMS_SERVICE_URL, ...(c.TEAMS_TENANT_ID ? { tenantId: c.TEAMS_TENANT_ID } : {}) },
      ...(c.TEAMS_TENANT_ID ? { tenantId: c.TEAMS_TENANT_ID } : {}),
      auth: c.TEAMS_AUTH_DISABLED
        ? { disabled: true }
        : {
            appId: c.TEAMS_APP_ID ?? "",
            ...(c.TEAMS_APP_PASSWORD ? { appPassword: c.TEAMS_APP_PASSWORD } : {}),
            ...(c.TEAMS_TENANT_ID ? { tenantId: c.TEAMS_TENANT_ID } : {}),
            ...(extras?.endpoints ? { endpoints: extras.endpoints } : {}),
            ...(extras?.credentialsFactory ? { credentialsFactory: extras.credentialsFactory } : {}),
          },
    });
  },
});
