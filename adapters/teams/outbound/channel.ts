// The Teams Channel: every send (replies too) continues the stored ConversationReference with
// continueConversationAsync, so replies and proactive check-ins take one path. A 429 from the
// connector surfaces as RATE_LIMITED with Retry-After (the SDK's own retries are removed in
// auth/authentication.ts).
import { TurnContext, type Activity, type ChannelAccount, type CloudAdapter, type ConversationParameters } from "botbuilder";
import { AdapterError } from "../../../src/core/errors.js";
import type { Channel, OutboundMessage } from "../../../src/core/messages.js";
import { shorten, splitText } from "../../delivery/split-text.js";
import { MESSAGE_BYTES_BUDGET, utf16Bytes } from "../limits.js";
import { cardsOf, fileOf, needsCard } from "./cards.js";
import { routeFor, type AlertChannelDefaults, type TeamsRef } from "./target.js";

// Room left in a message's 80 KB for what is not its text (buttons, form, activity fields).
const TEXT_BYTES = MESSAGE_BYTES_BUDGET - 16 * 1024;
// In a card every line is a RichTextBlock: its JSON around the line's text costs about this much.
const CARD_LINE_BYTES = 2 * 80;
const plainBytes = (s: string) => utf16Bytes(s);
const cardBytes = (s: string) => utf16Bytes(s) + CARD_LINE_BYTES * s.split("\n").length;
const plain = (text: string): Partial<Activity> => ({ type: "message", text, textFormat: "plain" });

/**
 * The activities for a message, each within Teams' size limit: a text too long for one message
 * (a 1,000-row import report) is split at paragraph or line breaks over several, and a card carries
 * the last part of the text with its buttons.
 */
export function activitiesOf(message: OutboundMessage): Partial<Activity>[] {
  const out: Partial<Activity>[] = [];
  if (needsCard(message)) {
    const parts = splitText(message.text, TEXT_BYTES, cardBytes);
    out.push(...parts.slice(0, -1).map(plain));
    const text = parts.at(-1) ?? "";
    // The summary is what a notification shows: short.
    for (const card of cardsOf({ ...message, text })) out.push({ type: "message", attachments: [card], summary: shorten(text, 300) });
  } else if (message.text) out.push(...splitText(message.text, TEXT_BYTES, plainBytes).map(plain));
  if (message.file) {
    const file = fileOf(message.file);
    if (file.attachment) out.push({ type: "message", attachments: [file.attachment] });
    else out.push(...splitText(file.text ?? "", TEXT_BYTES, plainBytes).map(plain));
  }
  return out;
}

const OPENED_LIMIT = 1_000;

export function createTeamsChannel(adapter: CloudAdapter, appId: string, alertChannel?: AlertChannelDefaults): Channel {
  // 1:1 chats opened for people who pressed a button in a channel (Teams returns the same chat
  // each time; this only saves the call). Bounded, oldest first out.
  const opened = new Map<string, TeamsRef>();

  async function openPrivately(to: string, via: TeamsRef & { user: ChannelAccount }, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const tenantId = via.conversation.tenantId;
    const parameters = {
      isGroup: false,
      bot: via.bot,
      members: [{ id: via.user.id, name: "" }],
      ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
    } as ConversationParameters;
    // The audience falls back to the configured scope (the SDK treats a missing one so).
    await adapter.createConversationAsync(appId, via.channelId ?? "msteams", via.serviceUrl, undefined as unknown as string, parameters, async (ctx) => {
      if (opened.size >= OPENED_LIMIT) opened.delete(opened.keys().next().value ?? "");
      opened.set(to, { ...(JSON.parse(JSON.stringify(TurnContext.getConversationReference(ctx.activity))) as TeamsRef), user: via.user });
      await logic(ctx);
    });
  }

  return {
    platform: "teams",
    async send(message: OutboundMessage, conversationRef?: unknown) {
      const route = routeFor(message.to, conversationRef, alertChannel);
      // Errors inside the turn go to onTurnError and are swallowed by the SDK, so they are caught
      // in the callback and rethrown here, where the outbox can see them.
      let failure: unknown;
      const logic = async (ctx: TurnContext) => {
        await ctx.sendActivities(activitiesOf(message)).catch((err: unknown) => {
          failure = err;
        });
      };
      try {
        const known = route.kind === "private" ? opened.get(message.to) : route.reference;
        if (known) await adapter.continueConversationAsync(appId, known, logic);
        else if (route.kind === "private") await openPrivately(message.to, route.via, logic);
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
