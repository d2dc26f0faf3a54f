// Telegram harness: a fake Bot API plus the real telegraf-based adapter, in webhook or polling mode.
import { createHttpServer, type HttpServer } from "../../adapters/http/server.js";
import type { PlatformAdapter } from "../../adapters/platform.js";
import { createTelegramAdapter } from "../../adapters/telegram/index.js";
import type { BotCore, Channel } from "../../src/core/messages.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/fake-telegram.js";
import { sendWire } from "../fakes/http-util.js";
import type { ContractHarness, MediaKind } from "./contract-suite.js";

const TOKEN = "123456:TEST";
const SECRET = "s3cret-token";
const GROUP = -100123;

const MEDIA: Record<MediaKind, Record<string, unknown>> = {
  photo: { photo: [{ file_id: "p1", file_unique_id: "p1", width: 90, height: 90 }] },
  sticker: { sticker: { file_id: "s1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } },
  voice: { voice: { file_id: "v1", file_unique_id: "v1", duration: 3 } },
  document: { document: { file_id: "d1", file_unique_id: "d1", file_name: "cv.pdf" } },
};

export interface TelegramHarness extends ContractHarness {
  readonly fake: FakeTelegram;
}

export function createTelegramHarness(mode: "webhook" | "polling"): TelegramHarness {
  let fake: FakeTelegram | undefined;
  let adapter: PlatformAdapter | undefined;
  let server: HttpServer | undefined;
  let nextUpdateId = 5000;
  let lastUpdate: { update_id: number } | undefined;
  const userIds = new Map<string, number>();

  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("harness not started");
    return v;
  };
  const userId = (key: string): number => {
    if (!userIds.has(key)) userIds.set(key, 1001 + userIds.size);
    return userIds.get(key) ?? 0;
  };
  const user = (key: string) => ({ id: userId(key), is_bot: false, first_name: key, last_name: "Test", language_code: "da" });
  const chat = (key: string) => ({ id: userId(key), type: "private", first_name: key });

  async function deliver(body: Record<string, unknown>): Promise<void> {
    const update = { update_id: nextUpdateId++, ...body };
    lastUpdate = update;
    await need(fake).deliver(update);
  }
  const message = (key: string, extra: Record<string, unknown>) => ({
    message: { message_id: nextUpdateId, date: Math.floor(Date.now() / 1000), chat: chat(key), from: user(key), ...extra },
  });

  return {
    platform: "telegram",
    alertTarget: `telegram:group:${GROUP}`,
    mediaKinds: ["photo", "sticker", "voice", "document"],
    get fake() {
      return need(fake);
    },
    get channel(): Channel {
      return need(adapter).channel;
    },
    identityOf: (key) => `telegram:${userId(key)}`,

    async start(core: BotCore) {
      fake = await startFakeTelegram(TOKEN);
      if (mode === "polling") {
        adapter = createTelegramAdapter({ token: TOKEN, core, mode: { kind: "polling" }, apiRoot: fake.url });
        return adapter.start();
      }
      const path = "/telegram/webhook";
      // The route needs the server's port, and publicUrl needs the route: build the adapter twice
      // would be wasteful, so the server listens first on a route that forwards to the adapter.
      let routes: PlatformAdapter["routes"] = [];
      server = createHttpServer({ port: 0, routes: [{ method: "POST", path, handler: (req, res) => routes[0]?.handler(req, res) }] });
      const port = await server.listen();
      adapter = createTelegramAdapter({
        token: TOKEN,
        core,
        apiRoot: fake.url,
        mode: { kind: "webhook", path, secretToken: SECRET, publicUrl: `http://127.0.0.1:${port}${path}` },
      });
      routes = adapter.routes;
      await adapter.start();
    },
    async stop() {
      await adapter?.stop();
      await server?.close();
      await fake?.close();
    },

    sendText: (key, text) => deliver(message(key, { text })),
    sendMedia: (key, kind) => deliver(message(key, MEDIA[kind])),
    async pressButton(key, action) {
      const target = String(userId(key));
      const msg = [...need(fake).rendered].reverse().find((r) => r.target === target && r.buttons.some((b) => b.action === action));
      if (!msg) throw new Error(`no message to ${key} with button ${action}`);
      await deliver({
        callback_query: {
          id: `cb${nextUpdateId}`,
          from: user(key),
          chat_instance: "ci",
          data: action,
          message: { message_id: msg.messageId, date: 0, chat: chat(key), text: msg.text },
        },
      });
    },
    async redeliverLast() {
      await need(fake).deliver(need(lastUpdate));
    },
    async sendForged() {
      const update = { update_id: nextUpdateId++, ...message("mallory", { text: "forged" }) };
      const missing = await need(fake).deliver(update, { secret: null });
      const wrong = await need(fake).deliver(update, { secret: "not-the-secret" });
      // Both must be rejected; report the wrong-secret status unless the missing one was accepted.
      return missing >= 400 ? wrong : missing;
    },
    lastRequest() {
      if (mode === "polling") throw new Error("long polling has no inbound HTTP");
      return need(need(fake).lastSent);
    },
    sendReplayed: (request) => sendWire(request, need(need(fake).webhook).url),
    sendStale() {
      // The secret token is static: there is no timestamp or audience that could be stale.
      throw new Error("Telegram's webhook secret carries no time or audience");
    },
    received(keyOrTarget) {
      const target = keyOrTarget.startsWith("telegram:group:") ? keyOrTarget.slice("telegram:group:".length) : String(userId(keyOrTarget));
      return need(fake).rendered.filter((r) => r.target === target);
    },
    rateLimitNextSend: (seconds) => need(fake).rateLimitNext(seconds),
    failNextSend: (status) => need(fake).failNext(status),
  };
}
