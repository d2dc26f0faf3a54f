// What every platform harness offers the shared contract suite: a fake platform server on
// 127.0.0.1, the real SDK-based adapter wired to a core, and ways to act as a platform user.
import type { BotCore, Channel, Platform } from "../../src/core/messages.js";

/** A message as the fake platform received it, decoded back from the native format. */
export interface Rendered {
  /** Recipient as the platform addresses it (chat id, channel id, conversation id). */
  target: string;
  text: string;
  buttons: { label: string; action: string }[];
  /** Fields of a native form (Slack modal, Adaptive Card inputs), if the message carried one. */
  formFields?: string[];
  raw: unknown;
}

export interface PlatformHarness {
  readonly platform: Platform;
  /** Starts the fake platform server and the adapter, routing inbound events to `core`. */
  start(core: BotCore): Promise<void>;
  stop(): Promise<void>;
  /** The channel the core sends through (proactive messages). */
  readonly channel: Channel;
  /** The namespaced identity the adapter produces for a test user key, e.g. "telegram:1001". */
  identityOf(userKey: string): string;
  /** Target string for the coordinators' alert channel on this platform (group/channel). */
  readonly alertTarget: string;
  sendText(userKey: string, text: string): Promise<void>;
  /** Presses the button with this action on the latest message to the user that has it. */
  pressButton(userKey: string, action: string): Promise<void>;
  /** Submits a multi-field answer natively (Slack modal, Adaptive Card). Telegram: not supported. */
  submitForm?(userKey: string, formId: string, fields: Record<string, string>): Promise<void>;
  sendMedia(userKey: string, kind: "photo" | "sticker" | "voice" | "document"): Promise<void>;
  /** Delivers the last inbound update again exactly as before (platform redelivery/retry). */
  redeliverLast(): Promise<void>;
  /** Sends a request with forged/missing credentials; resolves to the HTTP status the adapter answered. */
  sendForged(): Promise<number>;
  /** Messages the fake platform received for this user (or for a target such as alertTarget). */
  received(userKeyOrTarget: string): Rendered[];
}
