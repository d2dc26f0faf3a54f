// Addressing on Telegram.
//   person:       "telegram:<userId>"        → private chat id (equals the user id on Telegram)
//   alert group:  "telegram:group:<chatId>"  → a group/supergroup chat id, e.g. telegram:group:-100123
// conversationRef: { chatId } — the private chat the person wrote from (JSON-safe, stored as-is).
import { AdapterError } from "../../../src/core/errors.js";

export interface TelegramConversationRef {
  chatId: number;
}

function isRef(ref: unknown): ref is TelegramConversationRef {
  return typeof ref === "object" && ref !== null && typeof (ref as { chatId?: unknown }).chatId === "number";
}

export function chatIdFor(to: string, ref?: unknown): number {
  const parts = to.split(":");
  if (parts[0] !== "telegram") throw new AdapterError("telegram", "INVALID_INPUT", `not a Telegram target: ${to}`);
  if (parts[1] === "group" && parts.length === 3) return toChatId(parts[2], to);
  if (isRef(ref)) return ref.chatId;
  if (parts.length === 2) return toChatId(parts[1], to);
  throw new AdapterError("telegram", "INVALID_INPUT", `unknown Telegram target: ${to}`);
}

function toChatId(raw: string | undefined, to: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new AdapterError("telegram", "INVALID_INPUT", `bad chat id in ${to}`);
  return id;
}
