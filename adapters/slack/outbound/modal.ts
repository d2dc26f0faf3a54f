// A form as a Slack modal: each field is an input block (block_id = field name, action_id "value").
// private_metadata keeps the form id, the field kinds (validated on submit) and the DM channel.
import type { types } from "@slack/bolt";
import type { FormField, OutboundMessage } from "../../../src/core/messages.js";

export const VIEW_CALLBACK = "mentorbro:form";
type Form = NonNullable<OutboundMessage["form"]>;

export interface ModalMetadata {
  formId: string;
  numbers: string[];
  channel: string;
}

const plain = (text: string, max = 150): types.PlainTextElement => ({ type: "plain_text", text: text.slice(0, max) });

function elementOf(field: FormField): types.InputBlock["element"] {
  if (field.kind === "number") return { type: "number_input", action_id: "value", is_decimal_allowed: true };
  if (field.kind === "choice") {
    return {
      type: "static_select",
      action_id: "value",
      options: (field.options ?? []).map((o) => ({ text: plain(o.label, 75), value: o.action })),
    };
  }
  return { type: "plain_text_input", action_id: "value", multiline: true };
}

export function modalOf(form: Form, channel: string): types.ModalView {
  const metadata: ModalMetadata = { formId: form.id, numbers: form.fields.filter((f) => f.kind === "number").map((f) => f.name), channel };
  return {
    type: "modal",
    callback_id: VIEW_CALLBACK,
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    private_metadata: JSON.stringify(metadata),
    blocks: form.fields.map((f) => ({
      type: "input",
      block_id: f.name,
      label: plain(f.label, 2000),
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
