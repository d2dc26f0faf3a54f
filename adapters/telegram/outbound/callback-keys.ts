// callback_data holds at most 64 bytes. The core's action ids fit today (uuids, short verbs), but
// nothing stops a longer one, and Telegram would refuse the whole message (BUTTON_DATA_INVALID).
// A longer id is sent as a short key ("k:" + 22 characters of its SHA-256) and translated back
// when the button is pressed. The key is derived from the id, so every instance computes the same
// one; the table lives in memory: after a restart a press on an old long-id button reaches the core
// as an unknown action, which it answers like any stale button.
import { createHash } from "node:crypto";
import { CALLBACK_DATA_MAX_BYTES, utf8Bytes } from "../limits.js";

const PREFIX = "k:";
const CAPACITY = 10_000;

export interface CallbackKeys {
  /** The callback_data for an action id: the id itself when it fits. */
  encode(action: string): string;
  /** The action id for a pressed button's callback_data. */
  decode(data: string): string;
}

export function createCallbackKeys(capacity = CAPACITY): CallbackKeys {
  const long = new Map<string, string>();
  return {
    encode(action) {
      if (action !== "" && utf8Bytes(action) <= CALLBACK_DATA_MAX_BYTES && !action.startsWith(PREFIX)) return action;
      const key = PREFIX + createHash("sha256").update(action).digest("base64url").slice(0, 22);
      long.delete(key);
      if (long.size >= capacity) long.delete(long.keys().next().value ?? "");
      long.set(key, action);
      return key;
    },
    decode(data) {
      return long.get(data) ?? data;
    },
  };
}
