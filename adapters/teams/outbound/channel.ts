// The Teams Channel: every send (replies too) continues the stored ConversationReference with
// continueConversationAsync, so replies and proactive check-ins take one path. A 429 from the
// connector surfaces as RATE_LIMITED with Retry-After (the SDK's own retries are removed in
// auth/authentication.ts).
import type { Activity, CloudAdapter } from "botbuilder";
import { AdapterError } from "../../../src/core/errors.js";
import type { Channel, OutboundMessage } from "../../../src/core/messages.js";
import { cardOf, fileOf, needsCard } from "./cards.js";
import { referenceFor, type AlertChannelDefaults } from "./target.js";

export function activitiesOf(message: OutboundMessage): Partial<Activity>[] {
  const out: Partial<Activity>[] = [];
  if (needsCard(message)) out.push({ type: "message", attachments: [cardOf(message)], summary: message.text });
  else if (message.text) out.push({ type: "message", text: message.text, textFormat: "plain" });
  if (message.file) {
    const file = fileOf(message.file);
    out.push(file.attachment ? { type: "message", attachments: [file.attachment] } : { type: "message", text: file.text, textFormat: "markdown" });
  }
  return out;
}

export function createTeamsChannel(adapter: CloudAdapter, appId: string, alertChannel?: AlertChannelDefaults): Channel {
  return {
    platform: "teams",
    async send(message: OutboundMessage, conversationRef?: unknown) {
      const reference = referenceFor(message.to, conversationRef, alertChannel);
      // Errors inside the turn go to onTurnError and are swallowed by the SDK, so they are caught
      // in the callback and rethrown here, where the outbox can see them.
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(appId, reference, async (ctx) => {
          await ctx.sendActivities(activitiesOf(message)).catch((err: unknown) => {
            failure = err;
          });
        });
      } catch (err) {
        failure ??= err;
      }
      if (failure !== undefined) throw toAdapterError(failure);
    },
  };
}

export function toAdapterError(err: unknown): AdapterError {
  if (err instanceof AdapterError) return err;
  const e = err as { statusCode?: number; response?: { headers?: { get(name: string): string | undefined } }; message?: string };
  const message = e.message ?? String(err);
  const header = e.response?.headers?.get("retry-after");
  if (e.statusCode === 429) return new AdapterError("teams", "RATE_LIMITED", message, { cause: err, retryAfterMs: retryAfterMs(header) ?? 1000 });
  if (e.statusCode === 403) return new AdapterError("teams", "NOT_ALLOWED", message, { cause: err });
  if (e.statusCode === 400 || e.statusCode === 404) return new AdapterError("teams", "INVALID_INPUT", message, { cause: err });
  // A 503 may say when to come back (the SDK's own retry policy, removed here, honoured that too).
  const later = e.statusCode === 503 ? retryAfterMs(header) : undefined;
  return new AdapterError("teams", "SEND_FAILED", message, { cause: err, ...(later ? { retryAfterMs: later } : {}) });
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  return Math.max(0, Date.parse(header) - Date.now()) || undefined;
}
