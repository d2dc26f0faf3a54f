// Telegram adapter (telegraf 4.16).
//
// Identities:  "telegram:<userId>" (Telegram user id; private chat id is the same number).
// Targets:     a person by identity; the coordinators' alert group as "telegram:group:<chatId>",
//              e.g. "telegram:group:-100123" (the bot must be a member of that group).
// eventId:     "telegram:upd:<update_id>".
// conversationRef: { chatId: number } — the chat an update came from; JSON-safe. A button pressed in
//              a group (an alert there) is a "group" event: the answer goes to the person's private
//              chat, or, if they never opened one, a neutral line in the group says where to look.
// Modes:       long polling (no routes) or webhook (one POST route, secret token verified; start()
//              registers the webhook when publicUrl is given). While the database is down, a
//              webhook update is answered 503 and a polled one is held and retried (adapters/http/hold.ts).
// Buttons are inline keyboards (callback_data = action id, or a short key for one over 64 bytes);
// text over 4096 characters goes as several messages (limits.ts). A pressed button is answered and its
// keyboard removed so it cannot be pressed twice. Forms render as text + buttons only.
import { Telegraf } from "telegraf";
import type { BotCore } from "../../src/core/messages.js";
import { t } from "../../src/core/i18n/index.js";
import { createDispatcher, isRetryableFailure } from "../delivery/dispatch.js";
import { defaultErrorSink, type ErrorSink, type PlatformAdapter } from "../platform.js";
import { holdWhileUnavailable } from "../delivery/hold.js";
import { registerHandlers } from "./inbound/handlers.js";
import { createCallbackKeys } from "./outbound/callback-keys.js";
import { createTelegramChannel, type OpenPrivatelyText } from "./outbound/channel.js";
import { createWebhookRoute } from "./webhook/route.js";

export type TelegramMode =
  | { kind: "polling" }
  | {
      kind: "webhook";
      /** Path of the route on our HTTP server, e.g. "/telegram/webhook". */
      path: string;
      /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; 1–256 chars of A-Z a-z 0-9 _ -. */
      secretToken: string;
      /** Public https URL Telegram should call; when set, start() calls setWebhook. */
      publicUrl?: string;
    };

export interface TelegramAdapterOptions {
  token: string;
  core: BotCore;
  mode: TelegramMode;
  /** Bot API root; tests point it at a fake. Default https://api.telegram.org. */
  apiRoot?: string;
  /** Polling: first wait before retrying an update the core could not take (doubles, max 30 s). */
  unavailableRetryMs?: number;
  onError?: ErrorSink;
  /** Platform-level texts (the core's texts cover everything else). */
  texts?: { openPrivately?: OpenPrivatelyText };
}

export function createTelegramAdapter(options: TelegramAdapterOptions): PlatformAdapter {
  const onError = options.onError ?? defaultErrorSink;
  const bot = new Telegraf(options.token, {
    // webhookReply off: every call goes through the API, so errors (429) are observable and a
    // webhook response never carries a hidden Bot API call.
    telegram: { webhookReply: false, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  // The group's language is unknown: the line goes in both.
  const openPrivately =
    options.texts?.openPrivately ??
    ((name: string) => `${t("da", "platform.open_private", { bot: name })}\n${t("en", "platform.open_private", { bot: name })}`);
  const keys = createCallbackKeys();
  const channel = createTelegramChannel(bot.telegram, openPrivately, () => bot.botInfo?.username ?? "", keys);
  const dispatcher = createDispatcher(options.core, channel, onError);
  const { mode } = options;
  const hold = mode.kind === "polling" ? holdWhileUnavailable(dispatcher.dispatch, options.unavailableRetryMs) : undefined;
  registerHandlers(bot, hold?.dispatch ?? dispatcher.dispatch, keys);
  // Without this telegraf rethrows, which would end long polling. A webhook update the core could
  // not take (database down) is rethrown so the route answers 503 and Telegram delivers it again.
  bot.catch((err) => {
    onError(err, "telegram update");
    if (mode.kind === "webhook" && isRetryableFailure(err)) throw err;
  });

  let polling: Promise<void> | undefined;

  return {
    channel,
    routes: mode.kind === "webhook" ? [createWebhookRoute(bot, mode.path, mode.secretToken)] : [],
    async start() {
      bot.botInfo ??= await bot.telegram.getMe();
      if (mode.kind === "webhook") {
        if (mode.publicUrl) {
          await bot.telegram.setWebhook(mode.publicUrl, { secret_token: mode.secretToken });
        }
        return;
      }
      // launch() resolves only when polling stops, so it is kept, not awaited.
      polling = bot.launch();
      polling.catch((err: unknown) => onError(err, "telegram polling stopped"));
    },
    async stop() {
      hold?.stop();
      if (polling) {
        bot.stop("adapter stop");
        await polling.catch(() => undefined);
        polling = undefined;
      }
      await dispatcher.drain();
    },
  };
}
