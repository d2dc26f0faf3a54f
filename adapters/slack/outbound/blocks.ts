// OutboundMessage → Block Kit. Buttons: one actions block; action_id unique per button
// ("mentorbro:btn:<i>"), value = the core's action id. A form renders as one button
// ("mentorbro:form") that opens a modal; its value carries the form definition (Slack's 2,000-char
// button value limit), so a press needs no server-side state and survives restarts.
import type { types } from "@slack/bolt";
import { AdapterError } from "../../../src/core/errors.js";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { mrkdwnOf } from "./mentions.js";

export const BUTTON_ACTION = /^mentorbro:btn:\d+$/;
export const FORM_ACTION = "mentorbro:form";
const VALUE_LIMIT = 2000;

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function blocksOf(message: OutboundMessage, openFormLabel: string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (message.text) blocks.push({ type: "section", text: { type: "mrkdwn", text: mrkdwnOf(message) } });
  const buttons: types.Button[] = (message.buttons ?? []).map((b, i) => ({
    type: "button",
    action_id: `mentorbro:btn:${i}`,
    text: { type: "plain_text", text: b.label, emoji: true },
    value: b.action,
  }));
  if (message.form) {
    const value = JSON.stringify(message.form);
    if (value.length > VALUE_LIMIT) {
      throw new AdapterError("slack", "INVALID_INPUT", `form ${message.form.id} is too large for a Slack button`);
    }
    buttons.push({ type: "button", action_id: FORM_ACTION, style: "primary", text: { type: "plain_text", text: message.form.title || openFormLabel }, value });
  }
  // An actions block holds at most 25 elements.
  for (let i = 0; i < buttons.length; i += 25) blocks.push({ type: "actions", elements: buttons.slice(i, i + 25) });
  return blocks;
}

/** The message after a button was pressed: same text, buttons replaced by the chosen label. */
export function answeredBlocks(text: string | undefined, chosenLabel: string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (text) blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `✓ ${escapeText(chosenLabel)}` }] });
  return blocks;
}
