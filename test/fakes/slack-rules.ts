// The Block Kit refusals the fake Slack applies, worded as Slack words them ("must be less than N
// characters [json-pointer:/blocks/0/text/text]"). The numbers come from adapters/slack/limits.ts,
// where each names its documentation.
import * as L from "../../adapters/slack/limits.js";

type Json = Record<string, unknown>;
const asList = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function textOf(obj: unknown): string | undefined {
  const t = (obj as { text?: unknown } | undefined)?.text;
  return typeof t === "string" ? t : undefined;
}

/** Slack's error strings for blocks that break a documented limit; empty when they would pass. */
export function blockErrors(blocks: unknown, surface: "message" | "modal", root = "/blocks"): string[] {
  const errors: string[] = [];
  const tooLong = (value: string | undefined, max: number, at: string) => {
    if (value !== undefined && value.length > max) errors.push(`must be less than ${max + 1} characters [json-pointer:${at}]`);
    if (value === "") errors.push(`must be more than 0 characters [json-pointer:${at}]`);
  };
  const list = asList(blocks);
  const maxBlocks = surface === "message" ? L.MESSAGE_BLOCKS_MAX : L.MODAL_BLOCKS_MAX;
  if (list.length > maxBlocks) errors.push(`no more than ${maxBlocks} items allowed [json-pointer:${root}]`);
  list.forEach((block, i) => {
    const at = `${root}/${i}`;
    if (block.type === "section") tooLong(textOf(block.text), L.SECTION_TEXT_MAX, `${at}/text/text`);
    if (block.type === "header") tooLong(textOf(block.text), L.HEADER_TEXT_MAX, `${at}/text/text`);
    if (block.type === "context" && asList(block.elements).length > L.CONTEXT_ELEMENTS_MAX) {
      errors.push(`no more than ${L.CONTEXT_ELEMENTS_MAX} items allowed [json-pointer:${at}/elements]`);
    }
    if (block.type === "input") {
      tooLong(textOf(block.label), L.INPUT_LABEL_MAX, `${at}/label/text`);
      errors.push(...elementErrors(block.element as Json, `${at}/element`));
    }
    if (block.type === "actions") {
      const elements = asList(block.elements);
      if (elements.length > L.ACTIONS_ELEMENTS_MAX) errors.push(`no more than ${L.ACTIONS_ELEMENTS_MAX} items allowed [json-pointer:${at}/elements]`);
      const ids = elements.map((e) => e.action_id);
      ids.forEach((id, j) => {
        if (id !== undefined && ids.indexOf(id) !== j) errors.push(`action_id already exists [json-pointer:${at}/elements/${j}/action_id]`);
      });
      elements.forEach((e, j) => errors.push(...elementErrors(e, `${at}/elements/${j}`)));
    }
  });
  return errors;

  function elementErrors(e: Json | undefined, at: string): string[] {
    const before = errors.length;
    if (!e) return [];
    if (typeof e.action_id === "string") tooLong(e.action_id, L.ACTION_ID_MAX, `${at}/action_id`);
    if (e.type === "button") {
      tooLong(textOf(e.text), L.BUTTON_TEXT_MAX, `${at}/text/text`);
      if (typeof e.value === "string") tooLong(e.value, L.BUTTON_VALUE_MAX, `${at}/value`);
    }
    if (e.type === "static_select") {
      const options = asList(e.options);
      if (options.length > L.SELECT_OPTIONS_MAX) errors.push(`no more than ${L.SELECT_OPTIONS_MAX} items allowed [json-pointer:${at}/options]`);
      options.forEach((o, k) => tooLong(textOf(o.text), L.OPTION_TEXT_MAX, `${at}/options/${k}/text/text`));
    }
    // tooLong pushes onto `errors` directly; nothing more to return.
    return errors.splice(before);
  }
}

/** Slack's error strings for a modal view that breaks a documented limit. */
export function viewErrors(view: Json): string[] {
  const errors = blockErrors(view.blocks, "modal", "/view/blocks");
  for (const key of ["title", "submit", "close"]) {
    const text = textOf(view[key]);
    if (text !== undefined && text.length > L.MODAL_TITLE_MAX)
      errors.push(`must be less than ${L.MODAL_TITLE_MAX + 1} characters [json-pointer:/view/${key}/text]`);
  }
  if (typeof view.private_metadata === "string" && view.private_metadata.length > L.PRIVATE_METADATA_MAX) {
    errors.push(`must be less than ${L.PRIVATE_METADATA_MAX + 1} characters [json-pointer:/view/private_metadata]`);
  }
  if (typeof view.callback_id === "string" && view.callback_id.length > L.CALLBACK_ID_MAX) {
    errors.push(`must be less than ${L.CALLBACK_ID_MAX + 1} characters [json-pointer:/view/callback_id]`);
  }
  return errors;
}

/** The body Slack answers (HTTP 200) for a refused call. */
export function refusalBody(error: "invalid_blocks" | "invalid_arguments", errors: string[]): Json {
  return { ok: false, error, errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } };
}
