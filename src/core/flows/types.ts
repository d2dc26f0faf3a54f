// Flows are data: each step is declared once (prompt, input kind, schema, re-prompt, next step)
// and a pure engine walks them. A flow's version is stored with every conversation.
import type { z } from "zod";
import type { Button, OutboundMessage } from "../messages.js";

export type InputKind = "single" | "multi" | "text" | "number" | "date" | "yesno" | "consent" | "scale" | "industries" | "municipality" | "languages";

/** A stored answer: null means the person chose to skip ("prefer not to say"). */
export type AnswerValue = string | number | boolean | string[] | null;
export type Answers = Record<string, AnswerValue>;

export interface StepDef {
  id: string;
  /** Catalogue key of the question. */
  prompt: string;
  kind: InputKind;
  /** Option ids for single/multi; labels are catalogue keys `opt.<optionSet>.<id>`. */
  options?: readonly string[];
  optionSet?: string;
  /** Validates the parsed value (ranges, lengths, counts). */
  schema?: z.ZodType;
  /** Catalogue key shown when the answer cannot be understood. */
  reprompt?: string;
  skippable?: boolean;
  /** For consent steps: the purpose recorded, and whether the flow can go on without it. */
  consent?: { purpose: string; required: boolean; declined: string };
  /** Next step id, "$end" for the summary/completion, or a function of the answers so far. */
  next: string | ((answers: Answers) => string);
}

export interface FlowDef {
  id: string;
  version: number;
  /** Catalogue key naming the flow in status messages. */
  title: string;
  steps: readonly StepDef[];
  /** Show a summary with the chance to change answers before completing. */
  summary: boolean;
}

export type Pending = { kind: "confirm"; value: AnswerValue } | { kind: "multi"; selected: string[] } | { kind: "summary" } | { kind: "edit-pick" };

export interface FlowState {
  flowId: string;
  version: number;
  step: string;
  answers: Answers;
  history: string[];
  pending?: Pending;
  /** Set while changing one answer from the summary: return there afterwards. */
  editing?: boolean;
}

export type FlowInput = { kind: "text"; text: string } | { kind: "action"; action: string } | { kind: "media" };

export interface Reply {
  text: string;
  buttons?: Button[];
  /** A multi-field form the platform may render natively (Slack modal, Adaptive Card). */
  form?: OutboundMessage["form"];
  /** An attachment (a report CSV, a chart, a data export). */
  file?: OutboundMessage["file"];
  /** People named in `text` whom the platform may mention natively. */
  mentions?: OutboundMessage["mentions"];
}

export type Effect =
  | { type: "consent"; purpose: string; granted: boolean }
  | { type: "complete"; flowId: string; answers: Answers }
  | { type: "abandon"; flowId: string };

export interface StepResult {
  /** null when the flow has ended (completed or declined). */
  state: FlowState | null;
  replies: Reply[];
  effects: Effect[];
}
