// Builders for the payloads Slack sends a bot (Events API bodies, interaction payloads), shaped like
// the real ones so Bolt parses them exactly as in production.
import { escapeText, TEAM } from "./fake-slack.js";

export const userIdOf = (key: string, index: number) => `U${1000 + index}${key.toUpperCase().slice(0, 3)}`;
export const dmOf = (userId: string) => userId.replace(/^U/, "D");

let counter = 0;
const next = () => ++counter;

export function messageEvent(userId: string, extra: Record<string, unknown>) {
  const n = next();
  const ts = `${1700000000 + n}.000200`;
  return {
    token: "legacy",
    team_id: TEAM,
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${n}`,
    event_time: 1700000000 + n,
    event: { type: "message", channel: dmOf(userId), channel_type: "im", user: userId, ts, event_ts: ts, text: "", ...extra },
  };
}

const userOf = (userId: string) => ({ id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM });

/** A button press; in the user's DM unless `channel` names a channel (C…) where the message was. */
export function blockAction(
  userId: string,
  message: { ts: string; text: string },
  action: { action_id: string; value: string; label: string },
  channel = dmOf(userId),
) {
  return {
    type: "block_actions",
    user: userOf(userId),
    api_app_id: "A1",
    token: "legacy",
    container: { type: "message", message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    trigger_id: `trig-${next()}`,
    team: { id: TEAM, domain: "test" },
    channel: { id: channel, name: channel.startsWith("D") ? "directmessage" : "coordinators" },
    // Slack sends the message text escaped, as it stores it.
    message: { type: "message", ts: message.ts, text: escapeText(message.text), user: "UBOT" },
    actions: [
      {
        type: "button",
        block_id: "b1",
        action_id: action.action_id,
        value: action.value,
        // Plain text comes back escaped too, as Slack stores it.
        text: { type: "plain_text", text: escapeText(action.label) },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

interface ViewInput {
  block_id: string;
  element: { type: string };
}

/** A view_submission for a modal the bot opened, filled in with `fields`. */
export function viewSubmission(userId: string, view: { callback_id: string; private_metadata: string; blocks: ViewInput[] }, fields: Record<string, string>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const value = fields[block.block_id];
    const type = block.element.type;
    values[block.block_id] = {
      value:
        type === "static_select"
          ? { type, selected_option: value === undefined ? null : { value, text: { type: "plain_text", text: value } } }
          : { type, value: value ?? null },
    };
  }
  return {
    type: "view_submission",
    team: { id: TEAM, domain: "test" },
    user: userOf(userId),
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trig-${next()}`,
    view: {
      id: `V${next()}`,
      team_id: TEAM,
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values },
      hash: "h1",
    },
  };
}

export const formBody = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
