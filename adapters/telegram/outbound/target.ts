// Addressing on Telegram.
//   person:       "telegram:<userId>"        → private chat id (equals the user id on Telegram)
//   alert group:  "telegram:group:<chatId>"  → a group/supergroup chat id, e.g. telegram:group:-100123
// conversationRef: { chatId } — the chat an update came from (JSON-safe). Only a private chat
// (positive id, equal to the user id) reaches a person; a group's (negative id) never does.
import { AdapterError } from "../../../src/core/errors.js";

export interface TelegramConversationRef {
  chatId: number;
}

function isRef(ref: unknown): ref is TelegramConversationRef {
  return typeof ref === "object" && ref !== null && typeof (ref as { chatId?: unknown }).chatId === "number";
}

/** The group a button was pressed in, when a message to a person comes with a group's reference. */
export function groupOf(ref: unknown): number | undefined {
  return isRef(ref) && ref.chatId < 0 ? ref.chatId : undefined;
}

export function chatIdFor(to: string, ref?: unknown): number {
  const parts = to.split(":");
  if (parts[0] !== "telegram") throw new AdapterError("telegram", "INVALID_INPUT", `not a Telegram target: ${to}`);
  if (parts[1] === "group" && parts.length === 3) return toChatId(parts[2], to);
  // A person is written to in their private chat only, never in a group a reference points at.
  if (isRef(ref) && ref.chatId > 0) return ref.chatId;
  if (parts.length === 2) return toChatId(parts[1], to);
  throw new AdapterError("telegram", "INVALID_INPUT", `unknown Telegram target: ${to}`);
}

function toChatId(raw: string | undefined, to: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new AdapterError("telegram", "INVALID_INPUT", `bad chat id in ${to}`);
  return id;
}
