// The channel port: every platform adapter turns its payloads into InboundEvent and renders
// OutboundMessage natively. Identities are namespaced strings: telegram:123, slack:T1:U1, teams:…, console:alice.

/** The prefix of an identity: "console", or a name from the platform list (adapters/platforms.ts). */
export type Platform = string;

export interface InboundEvent {
  /** Namespaced identity of the sender, e.g. "telegram:123". */
  from: string;
  /** Typed text (absent for button presses and media). */
  text?: string;
  /** Action id of a pressed button. */
  action?: string;
  /** Set when the platform delivered something that is not text (photo, sticker, voice, file). */
  media?: "photo" | "sticker" | "voice" | "document" | "other";
  /** Several fields at once (a Slack modal, an Adaptive Card): field name → value. */
  fields?: Record<string, string>;
  /** Platform-unique id of this delivery; redeliveries with the same id are processed once. */
  eventId?: string;
  /** The platform's locale for the user, e.g. "da-DK", used until the person chooses a language. */
  locale?: string;
  /** Platform display name, used only as a suggestion for the preferred name. */
  displayName?: string;
  /**
   * Where the event happened: the person's one-to-one chat with the bot, or a conversation others
   * read too (a Slack channel, a Teams channel or group chat, a Telegram group — e.g. a button on
   * an alert there). Absent means direct (the console, scripted input).
   */
  conversation?: "direct" | "group";
  /**
   * Opaque data about the conversation the event came from. The core keeps it as the way to reach
   * this identity later only when the conversation is direct; a group's reference is never stored.
   * Replies to a group event still go to the person (`to` = `from`), and the adapter reaches them
   * privately (a DM, a 1:1 chat): a message addressed to a person never lands in a shared conversation.
   */
  conversationRef?: unknown;
  /**
   * How other people can reach this person on the platform, outside Mentorbro, in plain text (the
   * adapter knows what its platform offers). The core keeps it with the identity, from direct
   * events only, and shares it only where both people consented (the hand-over).
   */
  contact?: Contact;
}

/** A way to reach a person on their platform; every field is plain text. */
export interface Contact {
  /**
   * Where the contact works: only readers whose own identity is in the same space can use it,
   * e.g. "telegram", "slack:T1" (one workspace), "teams:<tenant id>" (one organisation).
   */
  space: string;
  /** What names the person there, e.g. "@anna_k", "anna@firma.dk"; absent when the platform gives nothing usable. */
  label?: string;
  /** A link that opens a chat with the person, e.g. "https://t.me/anna_k". */
  url?: string;
  /** The adapter can show `label` as a native mention of the identity (Slack): see OutboundMessage.mentions. */
  mentionable?: boolean;
}

/**
 * A person named in a message's text: `text.slice(start, start + length)` is their plain-text
 * label. An adapter that can mention people natively (Slack `<@U…>`) renders the mention in its
 * place when the identity is reachable from the recipient's workspace; any other adapter shows the
 * text as it is.
 */
export interface Mention {
  identity: string;
  start: number;
  length: number;
}

export interface Button {
  action: string;
  label: string;
}

/** A form the platform may render natively (Slack modal, Adaptive Card); others ask step by step. */
export interface FormField {
  name: string;
  label: string;
  kind: "number" | "text" | "choice";
  options?: Button[];
  optional?: boolean;
}

/**
 * Every text here is plain text, whoever wrote it: the core never emits platform markup, and each
 * adapter escapes everything it renders (message text, notification text, labels, form fields,
 * file names) so user-written text can never become a mention, a link or formatting.
 */
export interface OutboundMessage {
  /** Namespaced identity of the recipient, or a channel target such as "slack:T1:C99". */
  to: string;
  text: string;
  buttons?: Button[];
  form?: { id: string; title: string; submitLabel: string; fields: FormField[] };
  /** An attachment such as a CSV report or a chart image. */
  file?: { name: string; mime: string; base64: string };
  /** The message answers this inbound event (adapters may reply in-thread). */
  replyTo?: string;
  /** People named in `text` whom the adapter may mention natively. */
  mentions?: Mention[];
}

export function platformOf(identity: string): Platform {
  const p = identity.split(":")[0] ?? "";
  if (/^[a-z]+$/.test(p) && identity.length > p.length + 1) return p;
  throw new Error(`No platform in identity ${p.slice(0, 20)}`);
}

/** A channel the core can send through; implemented by each adapter. */
export interface Channel {
  readonly platform: Platform;
  /**
   * `conversationRef` is what an InboundEvent carried (or what the core stored from a direct one).
   * For a message to a person, a reference to a shared conversation is used only to find the
   * person privately, never to post into it.
   */
  send(message: OutboundMessage, conversationRef?: unknown): Promise<void>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** What adapters call into: the core's entry point. */
export interface BotCore {
  /**
   * Handles one inbound event. With `deliver`, the core sends each reply through it and confirms
   * it (a reply that cannot be delivered now is sent later by the outbox); without it, the caller
   * sends the returned replies itself. Either way the returned list is what was answered.
   */
  handle(event: InboundEvent, deliver?: (message: OutboundMessage) => Promise<void>): Promise<OutboundMessage[]>;
}
