// A fake Telegram Bot API on 127.0.0.1: answers POST /bot<token>/<method>, serves getUpdates as a
// real long poll (offset = ack, timeout honoured), or pushes updates to a registered webhook with the
// secret token, and records every message the bot sends, decoded into `Rendered`.
import type { Rendered } from "../contract/harness.js";
import { json, listen, parseBody, type FakeServer, type WireRequest } from "./http-util.js";
import { telegramRefusal } from "./telegram-rules.js";

type Update = { update_id: number } & Record<string, unknown>;
interface Queued {
  update: Update;
  served: boolean;
  done: () => void;
}
export interface Call {
  method: string;
  body: Record<string, unknown>;
}

export interface FakeTelegram {
  readonly url: string;
  readonly calls: Call[];
  readonly rendered: (Rendered & { messageId: number })[];
  readonly webhook: { url: string; secret?: string } | undefined;
  /** Delivers an update the way the bot is set up (webhook POST or next getUpdates); resolves once handled. */
  deliver(update: Update, opts?: { secret?: string | null }): Promise<number>;
  /** The last webhook POST deliver() made, secret header included (to replay it). */
  readonly lastSent: WireRequest | undefined;
  /** The next send* call fails with 429 and retry_after = seconds. */
  rateLimitNext(seconds: number): void;
  /** The next send* call fails with this 5xx, answered as the Bot API does (error_code + description). */
  failNext(status?: number): void;
  /** Statuses of the sends refused by rateLimitNext/failNext, in order. */
  readonly refused: number[];
  /** Calls refused as the real Bot API would (too long, bad callback data, bad entities): method and description. */
  readonly invalid: { method: string; description: string }[];
  /** This user never opened a private chat with the bot: sends to it answer 403, as Telegram does. */
  neverStarted(chatId: number): void;
  close(): Promise<void>;
}

const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument"]);
const STATUS_TEXT: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

export async function startFakeTelegram(token: string): Promise<FakeTelegram> {
  const calls: Call[] = [];
  const rendered: FakeTelegram["rendered"] = [];
  const queue: Queued[] = [];
  let waiters: (() => void)[] = [];
  let webhook: FakeTelegram["webhook"];
  // One-off refusal for the next send: a 429 with retry_after, or a 5xx.
  let refuse: { status: number; retryAfter?: number } | undefined;
  const refused: number[] = [];
  const invalid: FakeTelegram["invalid"] = [];
  let nextMessageId = 1;
  let closed = false;
  let lastSent: WireRequest | undefined;
  const unstarted = new Set<string>();

  const wake = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };

  async function getUpdates(body: Record<string, unknown>): Promise<Update[]> {
    // The queue holds exactly what should be delivered (a redelivery re-queues an old update_id), so
    // `offset` is only used as the ack signal: a new poll means every update served before is handled.
    // A new poll means every update served before has been handled: resolve their deliveries.
    for (const q of queue.filter((q) => q.served)) {
      q.done();
      queue.splice(queue.indexOf(q), 1);
    }
    const ready = () => queue.filter((q) => !q.served);
    const timeout = Number(body.timeout ?? 0);
    if (ready().length === 0 && timeout > 0 && !closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout * 1000);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const batch = ready().slice(0, Number(body.limit ?? 100));
    batch.forEach((q) => (q.served = true));
    return batch.map((q) => q.update);
  }

  function record(method: string, body: Record<string, unknown>): unknown {
    const chatId = String(body.chat_id);
    const markup = typeof body.reply_markup === "string" ? JSON.parse(body.reply_markup) : body.reply_markup;
    const keyboard = (markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? [];
    const messageId = nextMessageId++;
    rendered.push({
      target: chatId,
      text: String(body.text ?? body.caption ?? ""),
      buttons: keyboard.flat().map((b) => ({ label: b.text, action: b.callback_data })),
      raw: { method, body },
      messageId,
    });
    return { message_id: messageId, date: 0, chat: { id: Number(chatId), type: "private" }, text: body.text };
  }

  const server: FakeServer = await listen(async (req, res, raw) => {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    if (!match || match[1] !== token) return json(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2] ?? "";
    const body = parseBody(req, raw);
    calls.push({ method, body });
    const ok = (result: unknown) => json(res, 200, { ok: true, result });
    if (SEND_METHODS.has(method) && refuse !== undefined) {
      const { status, retryAfter } = refuse;
      refuse = undefined;
      refused.push(status);
      if (retryAfter !== undefined) {
        return json(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        });
      }
      return json(res, status, { ok: false, error_code: status, description: STATUS_TEXT[status] ?? "Internal Server Error" });
    }
    // What the real Bot API refuses, it refuses here, with the same 400 body.
    const refusal = telegramRefusal(method, body);
    if (refusal !== undefined) {
      invalid.push({ method, description: refusal });
      return json(res, 400, { ok: false, error_code: 400, description: refusal });
    }
    if (SEND_METHODS.has(method) && unstarted.has(String(body.chat_id))) {
      return json(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    }
    switch (method) {
      case "getMe":
        return ok({ id: 999, is_bot: true, first_name: "Mentorbro", username: "mentorbro_bot" });
      case "setWebhook":
        webhook = { url: String(body.url), secret: body.secret_token as string | undefined };
        return ok(true);
      case "deleteWebhook":
        webhook = undefined;
        return ok(true);
      case "getUpdates":
        return ok(await getUpdates(body));
      default:
        if (SEND_METHODS.has(method)) return ok(record(method, body));
        return ok(true); // answerCallbackQuery, editMessageReplyMarkup, editMessageText, …
    }
  });

  return {
    url: server.url,
    calls,
    rendered,
    get webhook() {
      return webhook;
    },
    async deliver(update, opts = {}) {
      if (webhook) {
        const secret = opts.secret === undefined ? webhook.secret : opts.secret;
        lastSent = {
          url: webhook.url,
          headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
          body: JSON.stringify(update),
        };
        const res = await fetch(webhook.url, { method: "POST", headers: lastSent.headers, body: lastSent.body });
        const text = await res.text();
        // A webhook reply (a Bot API call inside the response body) would be recorded here.
        if (text.includes('"method"')) calls.push({ method: "webhookReply", body: JSON.parse(text) as Record<string, unknown> });
        return res.status;
      }
      await new Promise<void>((done) => {
        queue.push({ update, served: false, done });
        wake();
      });
      return 200;
    },
    refused,
    invalid,
    get lastSent() {
      return lastSent;
    },
    rateLimitNext(seconds) {
      refuse = { status: 429, retryAfter: seconds };
    },
    failNext(status = 500) {
      refuse = { status };
    },
    neverStarted(chatId) {
      unstarted.add(String(chatId));
    },
    async close() {
      closed = true;
      wake();
      await server.close();
    },
  };
}
