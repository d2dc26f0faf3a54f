// OutboundMessage → Bot API call parameters. Telegram has no forms: a message with `form` renders
// its text and buttons only (the core asks field by field on Telegram).
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { splitText } from "../../delivery/split-text.js";
import { MESSAGE_TEXT_MAX } from "../limits.js";

/** callback_data for an action id (see callback-keys.ts). */
export type EncodeAction = (action: string) => string;

export function keyboardOf(message: OutboundMessage, encode: EncodeAction = (a) => a): InlineKeyboardMarkup | undefined {
  if (!message.buttons?.length) return undefined;
  // One button per row: Danish answer labels are often too long to sit side by side on a phone.
  return { inline_keyboard: message.buttons.map((b) => [{ text: b.label, callback_data: encode(b.action) }]) };
}

/** The text as sendMessage calls: one per 4096 characters, cut at paragraph or line breaks. */
export function textParts(text: string): string[] {
  return text === "" ? [] : splitText(text, MESSAGE_TEXT_MAX);
}

export interface FileUpload {
  kind: "photo" | "document";
  source: Buffer;
  filename: string;
}

export function fileOf(message: OutboundMessage): FileUpload | undefined {
  if (!message.file) return undefined;
  return {
    // sendPhoto shows images inline (charts); everything else (CSV reports) goes as a document.
    kind: message.file.mime === "image/png" ? "photo" : "document",
    source: Buffer.from(message.file.base64, "base64"),
    filename: message.file.name,
  };
}
