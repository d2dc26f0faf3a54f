// Translates Telegram updates into InboundEvents. Pure functions over Bot API payloads, so they can
// be tested with literal updates.
import type { CallbackQuery, Message, Update, User } from "telegraf/types";
import type { Contact, InboundEvent } from "../../../src/core/messages.js";
import type { TelegramConversationRef } from "../outbound/target.js";

type Media = NonNullable<InboundEvent["media"]>;

export function identityOf(user: User): string {
  return `telegram:${user.id}`;
}

/** A public @username opens a chat with the person (t.me link); without one Telegram offers nothing to share. */
export function contactOf(user: User): Contact {
  return user.username ? { space: "telegram", label: `@${user.username}`, url: `https://t.me/${user.username}` } : { space: "telegram" };
}

function base(updateId: number, user: User, chatId: number, direct = true): InboundEvent {
  const conversationRef: TelegramConversationRef = { chatId };
  const displayName = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return {
    from: identityOf(user),
    conversation: direct ? "direct" : "group",
    eventId: `telegram:upd:${updateId}`,
    // Telegram gives an IETF tag such as "da" or "en-GB"; passed through as-is.
    ...(user.language_code ? { locale: user.language_code } : {}),
    ...(displayName ? { displayName } : {}),
    contact: contactOf(user),
    conversationRef,
  };
}

export function mediaOf(message: Message): Media | undefined {
  if ("photo" in message) return "photo";
  if ("sticker" in message) return "sticker";
  if ("voice" in message || "audio" in message || "video_note" in message) return "voice";
  if ("document" in message) return "document";
  if ("text" in message) return undefined;
  return "other";
}

/** A private-chat message → InboundEvent; undefined for anything the bot does not converse in. */
export function messageToEvent(updateId: number, message: Message): InboundEvent | undefined {
  // People talk to the bot in private chats only; groups are alert targets, not conversations.
  if (message.chat.type !== "private" || !message.from || message.from.is_bot) return undefined;
  const event = base(updateId, message.from, message.chat.id);
  const media = mediaOf(message);
  if (media) return { ...event, media };
  if ("text" in message) return { ...event, text: message.text };
  return undefined;
}

/** A pressed inline button → InboundEvent with `action` = callback_data; in a group (an alert's) a "group" event. */
export function callbackToEvent(updateId: number, query: CallbackQuery): InboundEvent | undefined {
  if (!("data" in query) || !query.message || query.from.is_bot) return undefined;
  const chat = query.message.chat;
  if (chat.type === "channel") return undefined;
  return { ...base(updateId, query.from, chat.id, chat.type === "private"), action: query.data };
}

export function updateToEvent(update: Update): InboundEvent | undefined {
  if ("message" in update) return messageToEvent(update.update_id, update.message);
  if ("callback_query" in update) return callbackToEvent(update.update_id, update.callback_query);
  return undefined;
}
