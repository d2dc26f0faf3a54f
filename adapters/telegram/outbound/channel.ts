// The Telegram Channel: renders OutboundMessages with the Bot API and maps API errors to coded
// AdapterErrors. A 429 becomes RATE_LIMITED with retryAfterMs; the core's outbox retries later, so
// nothing here loops or sleeps.
import type { Telegram } from "telegraf";
import { TelegramError } from "telegraf";
import { AdapterError } from "../../../src/core/errors.js";
import type { Channel, OutboundMessage } from "../../../src/core/messages.js";
import type { CallbackKeys } from "./callback-keys.js";
import { fileOf, keyboardOf, textParts } from "./render.js";
import { chatIdFor, groupOf } from "./target.js";

/** The line posted in a group when a person who pressed a button there cannot be written to privately. */
export type OpenPrivatelyText = (botUsername: string) => string;

export function createTelegramChannel(telegram: Telegram, openPrivately: OpenPrivatelyText, botUsername: () => string, keys: CallbackKeys): Channel {
  return {
    platform: "telegram",
    async send(message: OutboundMessage, conversationRef?: unknown) {
      try {
        await sendTo(message, chatIdFor(message.to, conversationRef));
      } catch (err) {
        const group = message.to.startsWith("telegram:group:") ? undefined : groupOf(conversationRef);
        const refused = err instanceof AdapterError && err.code === "NOT_ALLOWED";
        // A bot cannot start a private chat with someone who never opened one. The answer is never
        // posted in the group; a short neutral line there tells them where to find it, and the
        // answer itself waits in the outbox until they do.
        if (group !== undefined && refused) await telegram.sendMessage(group, openPrivately(`@${botUsername()}`)).catch(() => undefined);
        throw err;
      }
    },
  };

  async function sendTo(message: OutboundMessage, chatId: number): Promise<void> {
    const keyboard = keyboardOf(message, keys.encode);
    const file = fileOf(message);
    try {
      // Text (with its buttons) first, then the file: captions are capped at 1024 characters.
      // No parse_mode: Telegram shows the text as typed, so nothing anyone wrote becomes markup.
      // A text over 4096 characters goes as several messages; the buttons sit under the last one.
      const parts = textParts(message.text);
      if (parts.length === 0 && (keyboard || !file)) parts.push(message.text);
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await telegram.sendMessage(chatId, part, keyboard && last ? { reply_markup: keyboard } : {});
      }
      if (file?.kind === "photo") {
        await telegram.sendPhoto(chatId, { source: file.source, filename: file.filename });
      } else if (file) {
        await telegram.sendDocument(chatId, { source: file.source, filename: file.filename });
      }
    } catch (err) {
      throw toAdapterError(err);
    }
  }
}

export function toAdapterError(err: unknown): AdapterError {
  if (err instanceof AdapterError) return err;
  if (err instanceof TelegramError) {
    const what = `${err.code} ${err.description}`;
    if (err.code === 429) {
      const seconds = err.parameters?.retry_after ?? 1;
      return new AdapterError("telegram", "RATE_LIMITED", what, { cause: err, retryAfterMs: seconds * 1000 });
    }
    // 403: the person blocked the bot or left the group; retrying will not help.
    if (err.code === 403) return new AdapterError("telegram", "NOT_ALLOWED", what, { cause: err });
    if (err.code === 400) return new AdapterError("telegram", "INVALID_INPUT", what, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AdapterError("telegram", "SEND_FAILED", message, { cause: err });
}
