// OutboundMessage → Bot API call parameters. Telegram has no forms: a message with `form` renders
// its text and buttons only (the core asks field by field on Telegram).
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { OutboundMessage } from "../../../src/core/messages.js";

export function keyboardOf(message: OutboundMessage): InlineKeyboardMarkup | undefined {
  if (!message.buttons?.length) return undefined;
  // One button per row: Danish answer labels are often too long to sit side by side on a phone.
  // callback_data is the action id itself (the core keeps action ids within Telegram's 64 bytes).
  return { inline_keyboard: message.buttons.map((b) => [{ text: b.label, callback_data: b.action }]) };
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
