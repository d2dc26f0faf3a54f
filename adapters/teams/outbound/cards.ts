// OutboundMessage → Adaptive Card 1.5. Buttons are Action.Submit with data { action }; a form adds
// inputs (Input.Number/Text/ChoiceSet, id = field name) and a submit with data { mentorbroForm: id },
// so Teams merges the input values into the same `value` object.
import type { Attachment } from "botbuilder";
import type { FormField, OutboundMessage } from "../../../src/core/messages.js";

export const FORM_KEY = "mentorbroForm";
const CARD_TYPE = "application/vnd.microsoft.card.adaptive";

function inputOf(field: FormField): Record<string, unknown> {
  const common = { id: field.name, label: field.label, isRequired: !(field.optional ?? false) };
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

export function cardOf(message: OutboundMessage): Attachment {
  const body: Record<string, unknown>[] = [];
  if (message.text) body.push(...textBlocks(message.text));
  if (message.form) {
    body.push(...textBlocks(message.form.title, true));
    body.push(...message.form.fields.map(inputOf));
  }
  const actions: Record<string, unknown>[] = (message.buttons ?? []).map((b) => ({ type: "Action.Submit", title: b.label, data: { action: b.action } }));
  if (message.form) actions.push({ type: "Action.Submit", title: message.form.submitLabel, style: "positive", data: { [FORM_KEY]: message.form.id } });
  return {
    contentType: CARD_TYPE,
    content: { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", body, actions },
  };
}

/** Images go inline as data URIs. Teams bots cannot attach other files to a 1:1 chat without the
 * file-consent flow (OneDrive), so text files such as CSV reports are sent inline as plain text
 * (not a markdown code block: a ``` in a name in the report would end the block and what follows
 * would render as markdown). */
export function fileOf(file: NonNullable<OutboundMessage["file"]>): { attachment?: Attachment; text?: string } {
  if (file.mime.startsWith("image/")) {
    return { attachment: { contentType: file.mime, contentUrl: `data:${file.mime};base64,${file.base64}`, name: file.name } };
  }
  return { text: `${file.name}\n\n${Buffer.from(file.base64, "base64").toString("utf8")}` };
}
