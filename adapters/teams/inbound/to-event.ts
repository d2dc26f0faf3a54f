// Teams activities → InboundEvent. eventId "teams:act:<activity.id>".
//   text message            → text (a leading @mention of the bot removed)
//   Action.Submit           → message with `value`: { action } → action; { mentorbroForm, …inputs } → action + fields;
//                             { mentorbroPick, mentorbroChoice } (a long list of buttons) → action = the choice
//   Action.Execute (invoke) → `value.action.data`, mapped the same way
//   image/file attachments  → media
import { TurnContext, type Activity } from "botbuilder";
import type { InboundEvent } from "../../../src/core/messages.js";
import { FORM_KEY, PICK_INPUT, PICK_KEY } from "../outbound/cards.js";
import { isPersonal } from "../outbound/target.js";

type Media = NonNullable<InboundEvent["media"]>;
const FILE_INFO = "application/vnd.microsoft.teams.file.download.info";

export function identityOf(activity: Partial<Activity>): string {
  return `teams:${activity.from?.aadObjectId ?? activity.from?.id ?? ""}`;
}

function base(activity: Activity): InboundEvent {
  return {
    from: identityOf(activity),
    conversation: isPersonal(activity.conversation) ? "direct" : "group",
    // Without an id there is nothing to dedupe on (a shared empty key would drop every later one).
    ...(activity.id ? { eventId: `teams:act:${activity.id}` } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(activity.from.name ? { displayName: activity.from.name } : {}),
    // Plain JSON, so the core can store it and hand it back for proactive messages.
    conversationRef: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as unknown,
  };
}

/** Every tenant id the activity names (conversation and channelData); Teams always sends one. */
export function tenantsOf(activity: Activity): string[] {
  const fromData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return [activity.conversation?.tenantId, fromData].filter((t): t is string => typeof t === "string" && t !== "");
}

/** Card submit data → action (+ fields for a form). */
export function fromSubmitData(data: unknown): Pick<InboundEvent, "action" | "fields"> | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const formId = record[FORM_KEY];
  if (typeof formId === "string") {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key !== FORM_KEY && key !== "action" && value !== undefined && value !== null && value !== "") fields[key] = String(value);
    }
    return { action: formId, fields };
  }
  // A long list of buttons is one choice list: the chosen value is the pressed button's action.
  if (record[PICK_KEY] !== undefined) return typeof record[PICK_INPUT] === "string" && record[PICK_INPUT] !== "" ? { action: record[PICK_INPUT] } : undefined;
  return typeof record.action === "string" ? { action: record.action } : undefined;
}

export function mediaOf(activity: Activity): Media | undefined {
  for (const a of activity.attachments ?? []) {
    if (a.contentType.startsWith("image/")) return "photo";
    if (a.contentType.startsWith("audio/")) return "voice";
    if (a.contentType === FILE_INFO) {
      const type = String((a.content as { fileType?: string } | undefined)?.fileType ?? "");
      return ["png", "jpg", "jpeg", "gif"].includes(type.toLowerCase()) ? "photo" : "document";
    }
  }
  return undefined;
}

/**
 * A 1:1 activity → InboundEvent; in a channel or group chat only a card button (an alert's) counts,
 * as a "group" event; undefined for channel chatter and non-message activities.
 */
export function activityToEvent(activity: Activity): InboundEvent | undefined {
  if (activity.type === "invoke" && activity.name === "adaptiveCard/action") {
    const submitted = fromSubmitData((activity.value as { action?: { data?: unknown } } | undefined)?.action?.data);
    return submitted ? { ...base(activity), ...submitted } : undefined;
  }
  if (activity.type !== "message") return undefined;
  const submitted = fromSubmitData(activity.value);
  if (submitted) return { ...base(activity), ...submitted };
  // People talk to the bot in its personal chat; channels are alert targets only.
  if (!isPersonal(activity.conversation)) return undefined;
  const media = mediaOf(activity);
  if (media) return { ...base(activity), media };
  const text = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? "").trim();
  return text ? { ...base(activity), text } : undefined;
}
