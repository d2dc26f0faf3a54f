// Telegram in the platform list: a BotFather token turns it on; long polling by default, a webhook
// (with its secret) when TELEGRAM_MODE=webhook. Alerts may go to a group chat.
import { z } from "zod";
import { describePlatform } from "../platform.js";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";

export const telegramPlatform = describePlatform({
  name: "telegram",
  env: {
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]+$/, { message: "expected the token from BotFather, like 123456:ABC-…" })
      .optional(),
    TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: "expected 1-256 characters of A-Z a-z 0-9 _ -" })
      .optional(),
    TELEGRAM_WEBHOOK_URL: z.string().url({ message: "expected the public https URL of /telegram/webhook" }).optional(),
    TELEGRAM_API_ROOT: z.string().url().optional(),
  },
  enabled: (c) => !!c.TELEGRAM_BOT_TOKEN,
  problem: (c) =>
    c.TELEGRAM_MODE === "webhook" && c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET
      ? "TELEGRAM_WEBHOOK_SECRET: needed when TELEGRAM_MODE=webhook"
      : undefined,
  // 30 messages a second overall (Bot API FAQ); a margin for bursts to one chat.
  sendLimit: { perSecond: 25, burst: 5 },
  alertTarget: { pattern: /^telegram:group:-?\d+$/, example: "telegram:group:<chat id>" },
  create: async (c, ctx) =>
    (await import("./index.js")).createTelegramAdapter({
      token: c.TELEGRAM_BOT_TOKEN ?? "",
      core: ctx.core,
      onError: ctx.onError,
      ...(c.TELEGRAM_API_ROOT ? { apiRoot: c.TELEGRAM_API_ROOT } : {}),
      mode:
        c.TELEGRAM_MODE === "webhook"
          ? {
              kind: "webhook",
              path: TELEGRAM_WEBHOOK_PATH,
              secretToken: c.TELEGRAM_WEBHOOK_SECRET ?? "",
              ...(c.TELEGRAM_WEBHOOK_URL ? { publicUrl: c.TELEGRAM_WEBHOOK_URL } : {}),
            }
          : { kind: "polling" },
    }),
});
