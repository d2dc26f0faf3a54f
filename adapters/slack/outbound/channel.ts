// The Slack Channel: chat.postMessage with Block Kit; DMs via the stored conversationRef or
// conversations.open; files via files.uploadV2. The WebClient is built with
// rejectRateLimitedCalls, so a 429 surfaces here as RATE_LIMITED with retryAfterMs instead of the
// SDK sleeping and retrying inside send; the core's outbox retries.
import type { webApi } from "@slack/bolt";
import { AdapterError } from "../../../src/core/errors.js";
import type { Channel, OutboundMessage } from "../../../src/core/messages.js";
import { blocksOf } from "./blocks.js";
import { mrkdwnOf } from "./mentions.js";
import { isDirectChannel, isSlackRef, parseTarget } from "./target.js";

export function createSlackChannel(client: webApi.WebClient, openFormLabel: string): Channel {
  const dmChannels = new Map<string, string>();

  async function channelFor(to: string, ref: unknown): Promise<string> {
    const target = parseTarget(to);
    if (target.kind === "channel") return target.channel;
    // A reference to a channel (a button pressed there, or one stored before that was refused)
    // never carries a person's messages: they go to the person's DM.
    if (isSlackRef(ref) && isDirectChannel(ref.channel)) return ref.channel;
    const cached = dmChannels.get(target.userId);
    if (cached) return cached;
    const opened = await client.conversations.open({ users: target.userId });
    const id = opened.channel?.id;
    if (!id) throw new AdapterError("slack", "SEND_FAILED", `conversations.open gave no channel for ${to}`);
    dmChannels.set(target.userId, id);
    return id;
  }

  return {
    platform: "slack",
    async send(message: OutboundMessage, conversationRef?: unknown) {
      try {
        const channel = await channelFor(message.to, conversationRef);
        const blocks = blocksOf(message, openFormLabel);
        if (message.text || blocks.length > 0 || !message.file) {
          // `text` is the notification/fallback text (what a phone shows), blocks carry the rendering:
          // both are mrkdwn, so both are escaped — else `<!channel>` in a mentor's answer pings everyone.
          await client.chat.postMessage({ channel, text: mrkdwnOf(message), blocks });
        }
        if (message.file) {
          await client.filesUploadV2({
            channel_id: channel,
            file: Buffer.from(message.file.base64, "base64"),
            filename: message.file.name,
            title: message.file.name,
          });
        }
      } catch (err) {
        throw toAdapterError(err);
      }
    },
  };
}

// Slack's transient server trouble, reported in a 200 body like any other error: retry later.
const TRANSIENT = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);
const NOT_ALLOWED = new Set(["not_in_channel", "is_archived", "cannot_dm_bot", "user_disabled", "account_inactive", "restricted_action", "missing_scope"]);

export function toAdapterError(err: unknown): AdapterError {
  if (err instanceof AdapterError) return err;
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  const message = e.message ?? String(err);
  if (e.code === "slack_webapi_rate_limited_error") {
    return new AdapterError("slack", "RATE_LIMITED", message, { cause: err, retryAfterMs: (e.retryAfter ?? 1) * 1000 });
  }
  if (e.code === "slack_webapi_platform_error") {
    const code = e.data?.error ?? "";
    if (code === "ratelimited") return new AdapterError("slack", "RATE_LIMITED", message, { cause: err, retryAfterMs: 1000 });
    if (TRANSIENT.has(code)) return new AdapterError("slack", "SEND_FAILED", message, { cause: err });
    return new AdapterError("slack", NOT_ALLOWED.has(code) ? "NOT_ALLOWED" : "INVALID_INPUT", message, { cause: err });
  }
  return new AdapterError("slack", "SEND_FAILED", message, { cause: err });
}
