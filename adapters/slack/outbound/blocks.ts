// OutboundMessage → Block Kit messages. Buttons: actions blocks; action_id unique per button
// ("mentorbro:btn:<i>"), value = the core's action id. A form renders as one button
// ("mentorbro:form") that opens a modal; its value carries the form definition (Slack's 2,000-char
// button value limit), so a press needs no server-side state and survives restarts.
// Text is plain_text (never mrkdwn: `*x*` or `_x_` someone typed stays as typed) with &, < and >
// escaped once, as Slack asks for every text object. Long text is cut into sections of at most
// 3000 characters, and into several messages of at most 50 blocks (limits.ts).
import type { types } from "@slack/bolt";
import { AdapterError } from "../../../src/core/errors.js";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { mentionBlock } from "./mentions.js";
import { shorten, splitText } from "../../delivery/split-text.js";
import { ACTIONS_ELEMENTS_MAX, BUTTON_TEXT_MAX, BUTTON_VALUE_MAX, MESSAGE_BLOCK_TEXT_BUDGET, MESSAGE_BLOCKS_MAX, SECTION_TEXT_MAX } from "../limits.js";

export const BUTTON_ACTION = /^mentorbro:btn:\d+$/;
export const FORM_ACTION = "mentorbro:form";

/** Slack treats &, < and > as control characters in text objects and in a message's `text`. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack sends &, < and > escaped (message text, and texts of blocks in interaction payloads). */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

const escapedLength = (s: string) => escapeText(s).length;

/** Plain text, escaped once and shortened with an ellipsis to `max` characters as Slack counts them. */
export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: escapeText(shorten(text, max, escapedLength)), emoji: true };
}

/** Sections of at most 3000 characters each, escaped. */
export function sectionsOf(text: string): types.SectionBlock[] {
  if (text.trim() === "") return [];
  return splitText(text, SECTION_TEXT_MAX, escapedLength).map((part) => ({
    type: "section",
    text: { type: "plain_text", text: escapeText(part), emoji: true },
  }));
}

/** One chat.postMessage: the notification text (escaped) and its blocks. */
export interface SlackPost {
  text: string;
  blocks: types.KnownBlock[];
}

function buttonsOf(message: OutboundMessage, openFormLabel: string): types.Button[] {
  const buttons: types.Button[] = (message.buttons ?? []).map((b, i) => ({
    type: "button",
    action_id: `mentorbro:btn:${i}`,
    text: plainText(b.label, BUTTON_TEXT_MAX),
    value: b.action,
  }));
  if (message.form) {
    const value = JSON.stringify(message.form);
    if (value.length > BUTTON_VALUE_MAX) {
      throw new AdapterError("slack", "INVALID_INPUT", `form ${message.form.id} is too large for a Slack button`);
    }
    buttons.push({ type: "button", action_id: FORM_ACTION, style: "primary", text: plainText(message.form.title || openFormLabel, BUTTON_TEXT_MAX), value });
  }
  return buttons;
}

/**
 * The message as one or more posts: text parts grouped so no post has more than 50 blocks or more
 * than ~12,000 characters of text; the buttons go under the last part.
 */
export function postsOf(message: OutboundMessage, openFormLabel: string): SlackPost[] {
  const buttons = buttonsOf(message, openFormLabel);
  const actions: types.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += ACTIONS_ELEMENTS_MAX) actions.push({ type: "actions", elements: buttons.slice(i, i + ACTIONS_ELEMENTS_MAX) });
  const parts = message.text.trim() === "" ? [] : splitText(message.text, SECTION_TEXT_MAX, escapedLength);
  const posts: { parts: string[]; size: number }[] = [];
  for (const part of parts) {
    const open = posts.at(-1);
    const size = escapedLength(part);
    if (open && open.parts.length < MESSAGE_BLOCKS_MAX - actions.length - 1 && open.size + size <= MESSAGE_BLOCK_TEXT_BUDGET) {
      open.parts.push(part);
      open.size += size;
    } else posts.push({ parts: [part], size });
  }
  if (posts.length === 0) posts.push({ parts: [], size: 0 });
  return posts.map((p, i) => {
    const text = p.parts.join("\n\n");
    const blocks: types.KnownBlock[] = p.parts.map((part) => ({ type: "section", text: { type: "plain_text", text: escapeText(part), emoji: true } }));
    if (i === posts.length - 1) {
      const mentions = mentionBlock(message);
      if (mentions) blocks.push(mentions);
      blocks.push(...actions);
    }
    return { text: escapeText(text), blocks };
  });
}

/** Blocks of a single post (tests and callers that know the message is short). */
export function blocksOf(message: OutboundMessage, openFormLabel: string): types.KnownBlock[] {
  return postsOf(message, openFormLabel).flatMap((p) => p.blocks);
}

/**
 * The message after a button was pressed: same text, buttons replaced by the chosen label. Both come
 * from Slack's payload, where they are already escaped: they are unescaped and escaped again, so
 * they are escaped exactly once whatever Slack sent.
 */
export function answeredBlocks(text: string | undefined, chosenLabel: string): types.KnownBlock[] {
  return [
    ...sectionsOf(unescapeText(text ?? "")),
    { type: "context", elements: [{ type: "plain_text", text: `✓ ${escapeText(shorten(unescapeText(chosenLabel), SECTION_TEXT_MAX - 2))}`, emoji: true }] },
  ];
}
