// OutboundMessage → Adaptive Cards 1.5 (limits.ts: what Teams renders). Buttons are Action.Submit
// with data { action }; a form adds inputs (Input.Number/Text/ChoiceSet, id = field name) and a
// submit with data { mentorbroForm: id }, so Teams merges the input values into the same `value`.
// Teams shows at most 6 actions: more buttons than that become one compact Input.ChoiceSet and one
// submit (data { mentorbroPick }), and a form whose buttons would push its submit past the 6th
// action goes in a card of its own, so its submit is always visible.
import type { Attachment } from "botbuilder";
import { t } from "../../../src/core/i18n/index.js";
import type { FormField, OutboundMessage } from "../../../src/core/messages.js";
import { CARD_VERSION, MAX_ACTIONS } from "../limits.js";

export const FORM_KEY = "mentorbroForm";
export const PICK_KEY = "mentorbroPick";
export const PICK_INPUT = "mentorbroChoice";
const CARD_TYPE = "application/vnd.microsoft.card.adaptive";

/** The person's language is unknown here: platform lines go in Danish and English. */
const both = (key: string) => `${t("da", key)} / ${t("en", key)}`;

function inputOf(field: FormField): Record<string, unknown> {
  const required = !(field.optional ?? false);
  // A required input needs a label and an errorMessage (Adaptive Cards input validation).
  const common = { id: field.name, label: field.label, isRequired: required, ...(required ? { errorMessage: both("platform.field_required") } : {}) };
  if (field.kind === "number") return { type: "Input.Number", ...common };
  if (field.kind === "choice") {
    return { type: "Input.ChoiceSet", style: "expanded", choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.action })), ...common };
  }
  return { type: "Input.Text", isMultiline: true, ...common };
}

export function needsCard(message: OutboundMessage): boolean {
  return (message.buttons?.length ?? 0) > 0 || message.form !== undefined;
}

/**
 * Text as RichTextBlocks of TextRuns, one block per line. A TextBlock's text is markdown, so
 * `[Approve here](https://evil)` in a mentor's answer would become a link beside the real buttons,
 * and backslash escapes render differently on desktop and mobile; a TextRun is never parsed as
 * markdown (Adaptive Cards spec), so whatever anyone typed shows as typed. One block per line
 * because markdown was also what turned line breaks into lines.
 */
export function textBlocks(text: string, bold = false): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  let gap = false;
  for (const line of text.split(/\r?\n/)) {
    // A blank line becomes space above the next line (a TextRun cannot be empty).
    if (line.trim() === "") {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push({
      type: "RichTextBlock",
      ...(gap ? { spacing: "Medium" } : {}),
      inlines: [{ type: "TextRun", text: line, ...(bold ? { weight: "Bolder" } : {}) }],
    });
    gap = false;
  }
  return blocks;
}

function card(body: Record<string, unknown>[], actions: Record<string, unknown>[]): Attachment {
  return {
    contentType: CARD_TYPE,
    content: { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: CARD_VERSION, body, actions },
  };
}

/** Buttons as actions, or, beyond what Teams shows, as one compact choice list and one submit. */
function choicesOf(buttons: OutboundMessage["buttons"], room: number): { inputs: Record<string, unknown>[]; actions: Record<string, unknown>[] } {
  const list = buttons ?? [];
  if (list.length <= room) return { inputs: [], actions: list.map((b) => ({ type: "Action.Submit", title: b.label, data: { action: b.action } })) };
  return {
    inputs: [
      {
        type: "Input.ChoiceSet",
        id: PICK_INPUT,
        style: "compact",
        label: both("platform.pick_label"),
        isRequired: true,
        errorMessage: both("platform.pick_label"),
        choices: list.map((b) => ({ title: b.label, value: b.action })),
      },
    ],
    actions: [{ type: "Action.Submit", title: both("platform.pick_submit"), style: "positive", data: { [PICK_KEY]: true } }],
  };
}

/** The message as one card, or two when a form's submit would not be among the actions Teams shows. */
export function cardsOf(message: OutboundMessage): Attachment[] {
  const text = message.text ? textBlocks(message.text) : [];
  const form = message.form;
  const submit = form ? [{ type: "Action.Submit", title: form.submitLabel, style: "positive", data: { [FORM_KEY]: form.id } }] : [];
  const formBody = form ? [...textBlocks(form.title, true), ...form.fields.map(inputOf)] : [];
  const buttons = message.buttons ?? [];
  if (!form || buttons.length + 1 <= MAX_ACTIONS) {
    // The form's submit first: if anything is ever hidden, it is not the submit.
    const picks = choicesOf(buttons, MAX_ACTIONS - submit.length);
    return [card([...text, ...picks.inputs, ...formBody], [...submit, ...picks.actions])];
  }
  // Buttons and form in separate cards: each submit sends only its own card's inputs.
  const picks = choicesOf(buttons, MAX_ACTIONS);
  return [card([...text, ...picks.inputs], picks.actions), card(formBody, submit)];
}

/** Images go inline as data URIs. Teams bots cannot attach other files to a 1:1 chat without the
 * file-consent flow (OneDrive), so text files such as CSV reports are sent inline as plain text
 * (not a markdown code block: a ``` in a name in the report would end the block and what follows
 * would render as markdown); a long one is split over several messages (channel.ts). */
export function fileOf(file: NonNullable<OutboundMessage["file"]>): { attachment?: Attachment; text?: string } {
  if (file.mime.startsWith("image/")) {
    return { attachment: { contentType: file.mime, contentUrl: `data:${file.mime};base64,${file.base64}`, name: file.name } };
  }
  return { text: `${file.name}\n\n${Buffer.from(file.base64, "base64").toString("utf8")}` };
}
