// Slack payloads → InboundEvent. eventIds:
//   messages:        "slack:ev:<event_id>"
//   button presses:  "slack:act:<channel>:<message_ts>:<action_id>[:<user>]" — stable, so a double
//                    click or a second press of the same button on the same message counts once; in
//                    a channel the user is part of it (each coordinator's press counts)
//   modal submits:   "slack:view:<view_id>" — one accepted submission per opened modal
import type { Contact, InboundEvent } from "../../../src/core/messages.js";
import { unescapeText } from "../outbound/blocks.js";
import type { SlackConversationRef } from "../outbound/target.js";
import { identityOf, isDirectChannel } from "../outbound/target.js";

type Media = NonNullable<InboundEvent["media"]>;

export interface SlackFile {
  mimetype?: string;
  subtype?: string;
}

export interface DmMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  files?: SlackFile[];
}

export function mediaOf(files: SlackFile[] | undefined): Media | undefined {
  const file = files?.[0];
  if (!file) return undefined;
  if (file.subtype === "slack_audio" || file.mimetype?.startsWith("audio/")) return "voice";
  if (file.mimetype?.startsWith("image/")) return "photo";
  return "document";
}

export function baseEvent(teamId: string, userId: string, channel: string, eventId: string): InboundEvent {
  const conversationRef: SlackConversationRef = { teamId, channel };
  return { from: identityOf(teamId, userId), eventId, conversation: isDirectChannel(channel) ? "direct" : "group", conversationRef };
}

/**
 * A Slack user is reached by a mention (`<@U…>`, rendered by outbound/mentions.ts), which opens
 * their profile and a DM — in the same workspace only. The label is the plain-text stand-in.
 */
export function contactOf(teamId: string, userId: string, displayName: string | undefined): Contact {
  return { space: `slack:${teamId}`, label: `@${displayName ?? userId}`, mentionable: true };
}

/** A direct message → InboundEvent; undefined for bot messages, edits, channel chatter. */
export function messageToEvent(teamId: string, eventId: string, msg: DmMessage): InboundEvent | undefined {
  // People talk to the bot in its DM; channels are alert targets only.
  if (msg.channel_type !== "im" || !msg.user || msg.bot_id) return undefined;
  if (msg.subtype !== undefined && msg.subtype !== "file_share") return undefined;
  const event = baseEvent(teamId, msg.user, msg.channel, `slack:ev:${eventId}`);
  const media = mediaOf(msg.files);
  if (media) return { ...event, media };
  return msg.text ? { ...event, text: unescapeText(msg.text) } : undefined;
}
