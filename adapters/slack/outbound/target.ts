// Addressing on Slack (one workspace per adapter; the bot token belongs to it).
//   person:        "slack:<teamId>:<userId>"     (U…/W… user id)
//   alert channel: "slack:<teamId>:<channelId>"  (C…/G… channel id; the bot must be a member)
// conversationRef: { teamId, channel } — the conversation an event came from; JSON-safe. Only a DM
// (im, id D…) reference reaches a person; a channel's is never used to write to a person.
import { AdapterError } from "../../../src/core/errors.js";

export interface SlackConversationRef {
  teamId: string;
  channel: string;
}

export type SlackTarget = { kind: "channel"; channel: string } | { kind: "user"; teamId: string; userId: string };

export function isSlackRef(ref: unknown): ref is SlackConversationRef {
  const r = ref as Partial<SlackConversationRef> | null;
  return typeof r === "object" && r !== null && typeof r.channel === "string" && typeof r.teamId === "string";
}

/** Slack conversation ids: D… is a one-to-one DM; C… and G… are channels others read too. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith("D");
}

export function parseTarget(to: string): SlackTarget {
  const [platform, teamId, id, ...rest] = to.split(":");
  if (platform !== "slack" || !teamId || !id || rest.length > 0) {
    throw new AdapterError("slack", "INVALID_INPUT", `not a Slack target: ${to}`);
  }
  // Slack user ids start with U or W; everything else (C, G, D) is a conversation.
  return /^[UW]/.test(id) ? { kind: "user", teamId, userId: id } : { kind: "channel", channel: id };
}

export function identityOf(teamId: string, userId: string): string {
  return `slack:${teamId}:${userId}`;
}
