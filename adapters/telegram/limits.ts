// What the Telegram Bot API refuses, in one place. The adapter keeps under these numbers and the
// fake Bot API (test/fakes/fake-telegram.ts) refuses anything above them with Telegram's own error.
// Source: Telegram Bot API reference, https://core.telegram.org/bots/api (sections named per line).

/** sendMessage `text`: "1-4096 characters after entities parsing" (#sendmessage). Counted here in
 * UTF-16 code units, which is never fewer than Telegram's characters. Over it: 400 "Bad Request:
 * message is too long"; empty: 400 "Bad Request: message text is empty". */
export const MESSAGE_TEXT_MAX = 4096;

/** InlineKeyboardButton `callback_data`: "1-64 bytes" (#inlinekeyboardbutton), UTF-8 bytes. Over it:
 * 400 "Bad Request: BUTTON_DATA_INVALID". */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** sendPhoto/sendDocument `caption`: "0-1024 characters after entities parsing" (#sendphoto). Over it:
 * 400 "Bad Request: message caption is too long". The adapter sends no captions. */
export const CAPTION_MAX = 1024;

/** answerCallbackQuery `text`: "0-200 characters" (#answercallbackquery). The adapter sends none. */
export const CALLBACK_ANSWER_TEXT_MAX = 200;

/** `parse_mode` HTML accepts only these tags (#formatting-options); any other gives 400 "Bad Request:
 * can't parse entities: Unsupported start tag …". The adapter sends no parse_mode at all. */
export const HTML_TAGS = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, "utf8");
