// A form as a Slack modal: each field is an input block (block_id = field name, action_id "value").
// private_metadata keeps the form id, the field kinds (validated on submit) and the DM channel.
import type { types } from "@slack/bolt";
import type { FormField, OutboundMessage } from "../../../src/core/messages.js";
import { shorten } from "../../delivery/split-text.js";
import { INPUT_LABEL_MAX, MODAL_TITLE_MAX, OPTION_TEXT_MAX, SELECT_OPTIONS_MAX } from "../limits.js";

export const VIEW_CALLBACK = "mentorbro:form";
type Form = NonNullable<OutboundMessage["form"]>;

export interface ModalMetadata {
  formId: string;
  numbers: string[];
  channel: string;
}

// Shortened with an ellipsis to Slack's limits (limits.ts); a cut-off title still reads as one.
const plain = (text: string, max: number): types.PlainTextElement => ({ type: "plain_text", text: shorten(text, max) });

function elementOf(field: FormField): types.InputBlock["element"] {
  if (field.kind === "number") return { type: "number_input", action_id: "value", is_decimal_allowed: true };
  if (field.kind === "choice") {
    return {
      type: "static_select",
      action_id: "value",
      options: (field.options ?? []).slice(0, SELECT_OPTIONS_MAX).map((o) => ({ text: plain(o.label, OPTION_TEXT_MAX), value: o.action })),
    };
  }
  return { type: "plain_text_input", action_id: "value", multiline: true };
}

export function modalOf(form: Form, channel: string): types.ModalView {
  const metadata: ModalMetadata = { formId: form.id, numbers: form.fields.filter((f) => f.kind === "number").map((f) => f.name), channel };
  return {
    type: "modal",
    callback_id: VIEW_CALLBACK,
    title: plain(form.title, MODAL_TITLE_MAX),
    submit: plain(form.submitLabel, MODAL_TITLE_MAX),
    private_metadata: JSON.stringify(metadata),
    blocks: form.fields.map((f) => ({
      type: "input",
      block_id: f.name,
      label: plain(f.label, INPUT_LABEL_MAX),
      optional: f.optional ?? false,
      element: elementOf(f),
    })),
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** Reads submitted values; returns field → error text for numbers that are not numbers. */
export function readSubmission(
  values: StateValues,
  metadata: ModalMetadata,
  numberError: string,
): { fields: Record<string, string>; errors: Record<string, string> } {
  const fields: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [name, actions] of Object.entries(values)) {
    const input = actions.value;
    const value = input?.selected_option?.value ?? input?.value ?? "";
    if (value === "") continue;
    if (metadata.numbers.includes(name) && !Number.isFinite(Number(value.replace(",", ".")))) errors[name] = numberError;
    fields[name] = value;
  }
  return { fields, errors };
}
