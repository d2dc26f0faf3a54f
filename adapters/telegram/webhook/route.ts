// The webhook route: verifies X-Telegram-Bot-Api-Secret-Token (set via setWebhook's secret_token)
// before anything is parsed or processed. Missing → 401, wrong → 403; 503 when the core could not
// take the update (database down), so Telegram retries it.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import { BodyTooLargeError, readBody } from "../../http/body.js";
import type { Route } from "../../platform.js";

const HEADER = "x-telegram-bot-api-secret-token";

export function createWebhookRoute(bot: Telegraf, path: string, secretToken: string): Route {
  const expected = Buffer.from(secretToken);
  return {
    method: "POST",
    path,
    async handler(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers[HEADER];
      if (typeof given !== "string" || given === "") return reply(res, 401);
      const buf = Buffer.from(given);
      if (buf.length !== expected.length || !timingSafeEqual(buf, expected)) return reply(res, 403);
      let update: Update;
      try {
        update = JSON.parse((await readBody(req)).toString("utf8")) as Update;
      } catch (err) {
        return reply(res, err instanceof BodyTooLargeError ? 413 : 400);
      }
      // Processed before answering: Telegram redelivers on non-2xx, and our dispatcher dedupes.
      // handleUpdate only rejects for failures worth retrying (see bot.catch in index.ts).
      try {
        await bot.handleUpdate(update);
      } catch {
        return reply(res, 503);
      }
      reply(res, 200);
    },
  };
}

function reply(res: ServerResponse, status: number): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: status === 200 }));
}
