// Addressing on Teams.
//   person:        "teams:<aadObjectId>" (Entra ID object id, stable for the person across bots and
//                  reinstalls); "teams:<from.id>" (the bot-scoped 29:… id) only when Teams sends no
//                  aadObjectId (e.g. the Emulator).
//   alert channel: "teams:channel:<conversationId>", e.g. "teams:channel:19:abc@thread.tacv2".
// conversationRef: the Bot Framework ConversationReference of the conversation an activity came
// from, as returned by TurnContext.getConversationReference (plain JSON: serviceUrl, conversation,
// user, bot, channelId). A person's messages continue only a 1:1 (personal) one; a channel's
// reference is used to open the person's own 1:1 chat with the bot, never to post in the channel.
import type { ChannelAccount, ConversationReference } from "botbuilder";
import { AdapterError } from "../../../src/core/errors.js";

export const CHANNEL_PREFIX = "teams:channel:";

export type TeamsRef = Partial<ConversationReference> & { serviceUrl: string; conversation: { id: string } };

export function isTeamsRef(ref: unknown): ref is TeamsRef {
  const r = ref as Partial<ConversationReference> | null;
  return typeof r === "object" && r !== null && typeof r.serviceUrl === "string" && typeof r.conversation?.id === "string";
}

export interface AlertChannelDefaults {
  /** Regional Bot Connector URL of the tenant, e.g. https://smba.trafficmanager.net/emea/. */
  serviceUrl: string;
  tenantId?: string;
}

/** Where a message goes: an existing conversation, or a 1:1 chat to open with the user of a channel's reference. */
export type Route = { kind: "continue"; reference: TeamsRef } | { kind: "private"; via: TeamsRef & { user: ChannelAccount } };

/** A 1:1 chat with the bot; a channel or group chat is read by others too. */
export function isPersonal(conversation: { conversationType?: string; isGroup?: boolean } | undefined): boolean {
  return (conversation?.conversationType ?? (conversation?.isGroup ? "groupChat" : "personal")) === "personal";
}

/** How to reach `to`: a channel target, a person's 1:1 chat, or a 1:1 chat still to open. */
export function routeFor(to: string, ref: unknown, defaults: AlertChannelDefaults | undefined): Route {
  if (to.startsWith(CHANNEL_PREFIX)) return { kind: "continue", reference: isTeamsRef(ref) ? ref : referenceFor(to, undefined, defaults) };
  if (isTeamsRef(ref) && isPersonal(ref.conversation)) return { kind: "continue", reference: ref };
  // A channel's reference names who pressed the button there: open (or find) their 1:1 chat.
  const user = isTeamsRef(ref) ? ref.user : undefined;
  if (isTeamsRef(ref) && user?.id && `teams:${user.aadObjectId ?? user.id}` === to) return { kind: "private", via: { ...ref, user } };
  return { kind: "continue", reference: referenceFor(to, undefined, defaults) };
}

/** The ConversationReference to continue for a message to `to`. */
export function referenceFor(to: string, ref: unknown, defaults: AlertChannelDefaults | undefined): TeamsRef {
  if (isTeamsRef(ref)) return ref;
  if (to.startsWith(CHANNEL_PREFIX) && defaults) {
    const id = to.slice(CHANNEL_PREFIX.length);
    return {
      serviceUrl: defaults.serviceUrl,
      channelId: "msteams",
      conversation: { id, isGroup: true, conversationType: "channel", tenantId: defaults.tenantId, name: "" },
    };
  }
  // Teams cannot open a 1:1 chat from an id alone without extra Graph permissions; the person's
  // reference is stored on first contact.
  throw new AdapterError("teams", "NOT_FOUND", `no conversation reference for ${to}`);
}
