// Slack in the platform list: a bot token turns it on, with either a signing secret (events over
// HTTP) or an app-level token (Socket Mode). Alerts may go to a channel of the workspace.
import { z } from "zod";
import { describePlatform } from "../platform.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export const slackPlatform = describePlatform({
  name: "slack",
  env: {
    SLACK_BOT_TOKEN: z.string().optional(),
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, { message: "expected an app-level token starting with xapp-" })
      .optional(),
    SLACK_API_URL: z.string().url().optional(),
  },
  enabled: (c) => !!c.SLACK_BOT_TOKEN,
  problem(c) {
    if (!c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) return "SLACK_BOT_TOKEN: needed with the other SLACK_ variables";
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      return "SLACK_SIGNING_SECRET: needed with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)";
    }
    return undefined;
  },
  // chat.postMessage: about one message a second per channel (Web API tier "special").
  sendLimit: { perSecond: 1, burst: 3 },
  alertTarget: { pattern: /^slack:[A-Z0-9]+:[A-Z0-9]+$/, example: "slack:<team id>:<channel id>" },
  create: async (c, ctx) =>
    (await import("./index.js")).createSlackAdapter({
      core: ctx.core,
      botToken: c.SLACK_BOT_TOKEN ?? "",
      onError: ctx.onError,
      ...(c.SLACK_API_URL ? { apiUrl: c.SLACK_API_URL } : {}),
      mode: c.SLACK_APP_TOKEN
        ? { kind: "socket", appToken: c.SLACK_APP_TOKEN }
        : { kind: "http", signingSecret: c.SLACK_SIGNING_SECRET ?? "", path: SLACK_EVENTS_PATH },
    }),
});
