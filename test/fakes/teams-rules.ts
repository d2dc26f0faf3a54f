// The refusals the fake Bot Connector applies: 413 MessageSizeTooBig over 100 KB, and 400 for an
// Adaptive Card that declares a version above what Teams renders or that the Adaptive Cards SDK
// (npm `adaptivecards`, its UMD build: the package's ES build does not load in Node) finds invalid
// against the Teams host config. The SDK runs without a DOM for parsing and validation.
// Stricter than Teams in one way, on purpose: Teams shows a card with 7 actions but hides the 7th;
// here that card is refused, so a hidden button cannot go unnoticed in a test.
import { createRequire } from "node:module";
import { CARD_VERSION, MAX_ACTIONS, MESSAGE_BYTES_MAX, utf16Bytes } from "../../adapters/teams/limits.js";

type AC = typeof import("adaptivecards");
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AC;

const CARD_TYPE = "application/vnd.microsoft.card.adaptive";
/** What the SDK reports that Teams would not show or not accept; hints are advice, not refusals. */
const REFUSED = new Set([
  AC.ValidationEvent.TooManyActions,
  AC.ValidationEvent.UnknownElementType,
  AC.ValidationEvent.UnknownActionType,
  AC.ValidationEvent.UnsupportedCardVersion,
  AC.ValidationEvent.RequiredInputsShouldHaveLabel,
  AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
  AC.ValidationEvent.CollectionCantBeEmpty,
  AC.ValidationEvent.PropertyCantBeNull,
  AC.ValidationEvent.DuplicateId,
  AC.ValidationEvent.InvalidPropertyValue,
  AC.ValidationEvent.MissingCardType,
  AC.ValidationEvent.ActionTypeNotAllowed,
  AC.ValidationEvent.ElementTypeNotAllowed,
]);

/** The Teams host config values that validation depends on (see adapters/teams/limits.ts). */
function teamsHostConfig(): InstanceType<AC["HostConfig"]> {
  return new AC.HostConfig({ supportsInteractivity: true, actions: { maxActions: MAX_ACTIONS } });
}

const versionNumber = (v: unknown) => (typeof v === "string" && /^\d+\.\d+$/.test(v) ? Number(v.split(".")[0]) * 100 + Number(v.split(".")[1]) : NaN);

/** Why Teams (per the SDK and the host config) would refuse this card; empty when it passes. */
export function cardErrors(content: unknown): string[] {
  const json = content as { version?: unknown };
  const errors: string[] = [];
  if (!(versionNumber(json.version) <= versionNumber(CARD_VERSION))) errors.push(`card version ${String(json.version)} is above ${CARD_VERSION}`);
  const card = new AC.AdaptiveCard();
  card.hostConfig = teamsHostConfig();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (REFUSED.has(e.event)) errors.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    if (REFUSED.has(e.event)) errors.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  return errors;
}

interface Posted {
  attachments?: { contentType: string; content?: unknown; contentUrl?: string }[];
}

/** The connector's answer to a refused activity: status and body; undefined when it would pass. */
export function teamsRefusal(activity: Posted): { status: number; body: unknown } | undefined {
  // "This 100 KB size limitation doesn't include base64 encoded image": inline images are left out.
  const counted = {
    ...activity,
    attachments: activity.attachments?.map((a) => (a.contentUrl?.startsWith("data:image/") ? { ...a, contentUrl: "" } : a)),
  };
  if (utf16Bytes(counted) > MESSAGE_BYTES_MAX) {
    return { status: 413, body: { error: { code: "MessageSizeTooBig", message: "Message size too big" } } };
  }
  for (const a of activity.attachments ?? []) {
    if (a.contentType !== CARD_TYPE) continue;
    const errors = cardErrors(a.content);
    if (errors.length > 0) return { status: 400, body: { error: { code: "BadArgument", message: `Invalid Adaptive Card: ${errors.join("; ")}` } } };
  }
  return undefined;
}
