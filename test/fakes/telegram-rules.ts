// The Bot API's refusals the fake Telegram applies, with Telegram's own error descriptions. The
// numbers come from adapters/telegram/limits.ts, where each names its documentation.
import { CALLBACK_DATA_MAX_BYTES, CAPTION_MAX, HTML_TAGS, MESSAGE_TEXT_MAX, utf8Bytes } from "../../adapters/telegram/limits.js";

interface Button {
  text?: unknown;
  callback_data?: unknown;
}

/** Telegram's description for a refused call ("Bad Request: …"), or undefined when it would pass. */
export function telegramRefusal(method: string, body: Record<string, unknown>): string | undefined {
  const markup = typeof body.reply_markup === "string" ? (JSON.parse(body.reply_markup) as unknown) : body.reply_markup;
  const keyboard = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
  for (const button of keyboard?.flat() ?? []) {
    if (typeof button.text !== "string" || button.text === "") return "Bad Request: text buttons are unallowed in the inline keyboard";
    const data = button.callback_data;
    if (typeof data === "string" && (data === "" || utf8Bytes(data) > CALLBACK_DATA_MAX_BYTES)) return "Bad Request: BUTTON_DATA_INVALID";
  }
  if (method === "sendMessage" || method === "editMessageText") {
    const text = typeof body.text === "string" ? body.text : "";
    if (text.trim() === "") return "Bad Request: message text is empty";
    return entityRefusal(text, body.parse_mode) ?? (text.length > MESSAGE_TEXT_MAX ? "Bad Request: message is too long" : undefined);
  }
  if (method === "sendPhoto" || method === "sendDocument") {
    const caption = typeof body.caption === "string" ? body.caption : "";
    return entityRefusal(caption, body.parse_mode) ?? (caption.length > CAPTION_MAX ? "Bad Request: message caption is too long" : undefined);
  }
  return undefined;
}

/** The first thing Telegram's entity parser would refuse, for the parse modes people get wrong. */
function entityRefusal(text: string, parseMode: unknown): string | undefined {
  if (parseMode === "HTML") {
    const open: string[] = [];
    for (const m of text.matchAll(/<(\/?)([a-zA-Z-]*)[^>]*>|&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)|<|>/g)) {
      const at = Buffer.byteLength(text.slice(0, m.index), "utf8");
      if (m[2] === undefined) return `Bad Request: can't parse entities: Unexpected character "${m[0]}" at byte offset ${at}`;
      const tag = m[2].toLowerCase();
      if (!HTML_TAGS.includes(tag)) return `Bad Request: can't parse entities: Unsupported start tag "${tag}" at byte offset ${at}`;
      if (m[1] === "") open.push(tag);
      else if (open.pop() !== tag)
        return `Bad Request: can't parse entities: Unmatched end tag at byte offset ${at}, expected "</${open.at(-1) ?? ""}>", found "</${tag}>"`;
    }
    if (open.length > 0) return `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`;
  }
  if (parseMode === "MarkdownV2") {
    const bad = /(?<!\\)[_*[\]()~`>#+\-=|{}.!]/.exec(text);
    if (bad) return `Bad Request: can't parse entities: Character '${bad[0]}' is reserved and must be escaped with the preceding '\\'`;
  }
  return undefined;
}
