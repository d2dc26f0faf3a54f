// Bolt listeners: translate, dispatch, and handle the Slack-only mechanics (opening a modal,
// validating it, replacing pressed buttons). Works the same over HTTP and Socket Mode.
import type { App } from "@slack/bolt";
import type { Dispatch } from "../../delivery/dispatch.js";
import { answeredBlocks, BUTTON_ACTION, FORM_ACTION } from "../outbound/blocks.js";
import { isDirectChannel } from "../outbound/target.js";
import { modalOf, readSubmission, VIEW_CALLBACK, type ModalMetadata } from "../outbound/modal.js";
import type { ProfileLookup } from "./profiles.js";
import { baseEvent, contactOf, messageToEvent, type DmMessage } from "./to-event.js";

export interface ListenerDeps {
  dispatch: Dispatch;
  profileOf: ProfileLookup;
  numberError: string;
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { dispatch, profileOf } = deps;
  // Name and locale from users.info, and the contact others get at a hand-over.
  const who = async (teamId: string, userId: string) => {
    const profile = await profileOf(userId);
    return { ...profile, contact: contactOf(teamId, userId, profile.displayName) };
  };

  // Slack retries an event it thinks timed out (X-Slack-Retry-Num, reason http_timeout); the
  // original is still being handled, so such a retry is acknowledged and dropped. A retry after
  // our 5xx (reason http_error: the database was down) is processed; event_id dedupe in dispatch
  // covers the rest. Socket Mode reports retry_attempt 0 for first deliveries, hence "> 0".
  app.use(async ({ context, body, next }) => {
    const timedOut = (context.retryNum ?? 0) > 0 && context.retryReason !== "http_error";
    if (timedOut && (body as { type?: string }).type === "event_callback") return;
    await next();
  });

  app.event("message", async ({ event, body, context }) => {
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id ?? "";
    const inbound = messageToEvent(teamId, (body as { event_id: string }).event_id, event as DmMessage);
    if (!inbound) return;
    const userId = (event as DmMessage).user ?? "";
    await dispatch({ ...inbound, ...(await who(teamId, userId)) });
  });

  app.action(BUTTON_ACTION, async ({ ack, body, action, context, client }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button" || !("action_id" in action) || !body.channel || !body.message) return;
    const teamId = context.teamId ?? body.team?.id ?? "";
    const channel = body.channel.id;
    const message = body.message;
    const direct = isDirectChannel(channel);
    const eventId = `slack:act:${channel}:${message.ts}:${action.action_id}${direct ? "" : `:${body.user.id}`}`;
    const event = baseEvent(teamId, body.user.id, channel, eventId);
    await dispatch(
      { ...event, action: action.value ?? "", ...(await who(teamId, body.user.id)) },
      // In the person's DM the buttons are replaced by the choice, so the question cannot be answered
      // twice. A message in a channel belongs to everyone there: it stays as it is, and the answer
      // goes to the person's DM.
      direct
        ? {
            before: () =>
              client.chat.update({ channel, ts: message.ts, text: message.text ?? "", blocks: answeredBlocks(message.text ?? "", action.text.text) }),
          }
        : {},
    );
  });

  app.action(FORM_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button" || !action.value || !body.channel) return;
    await client.views.open({ trigger_id: body.trigger_id, view: modalOf(JSON.parse(action.value), body.channel.id) });
  });

  app.view(VIEW_CALLBACK, async ({ ack, body, view, context }) => {
    const metadata = JSON.parse(view.private_metadata) as ModalMetadata;
    const { fields, errors } = readSubmission(view.state.values, metadata, deps.numberError);
    // Validation errors go back in the HTTP response; the modal stays open and nothing is dispatched.
    if (Object.keys(errors).length > 0) return ack({ response_action: "errors", errors });
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? "";
    const event = baseEvent(teamId, body.user.id, metadata.channel, `slack:view:${view.id}`);
    await dispatch({ ...event, action: metadata.formId, fields, ...(await who(teamId, body.user.id)) });
  });
}
