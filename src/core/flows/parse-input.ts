// Turns what a person typed or pressed into a step's answer, per input kind. Pure.
import { fold } from "../../lib/text/normalize.js";
import { matchMany, matchOption } from "../../lib/text/option-match.js";
import { interpretIndustries } from "../../lib/text/industries.js";
import { findMunicipality } from "../../lib/text/municipalities.js";
import { interpretLanguages } from "../../lib/text/languages.js";
import { parseDate } from "../../lib/text/dates.js";
import type { Locale } from "../i18n/index.js";
import type { AnswerValue, FlowInput, StepDef } from "./types.js";
import { optionChoices } from "./render.js";

export const MAX_TEXT = 500;

export type ParseResult =
  | { ok: true; value: AnswerValue }
  | { ok: false; reason: "reprompt" | "too_long" | "empty" | "media" }
  | { ok: "confirm"; value: AnswerValue }
  | { ok: "toggle"; option: string }
  | { ok: "multi-done" }
  /** Options typed in a multi-select step (added to what was pressed), the parts that matched none, and whether "done" was typed too. */
  | { ok: "multi-add"; options: string[]; unknown: string[]; done: boolean };

// What people type to finish a multi-select step, folded (æ→ae, ø→oe, å→aa).
const DONE = new Set([
  "faerdig",
  "feerdig",
  "faerdi",
  "fardig",
  "ferdig",
  "faerdig nu",
  "jeg er faerdig",
  "det er alt",
  "det var alt",
  "det var det",
  "det er det",
  "ikke mere",
  "ikke andet",
  "slut",
  "videre",
  "gaa videre",
  "naeste",
  "done",
  "im done",
  "i m done",
  "i am done",
  "all done",
  "finish",
  "finished",
  "thats all",
  "that s all",
  "that is all",
  "nothing else",
  "nothing more",
  "next",
  "continue",
  "ok",
  "okay",
]);

export function isDoneWord(text: string): boolean {
  return DONE.has(fold(text));
}

const YES = new Set([
  "ja",
  "j",
  "yes",
  "y",
  "jo",
  "jep",
  "yep",
  "ok",
  "okay",
  "gerne",
  "sure",
  "selvfolgelig",
  "jeg accepterer",
  "i agree",
  "accepter",
  "accept",
  "enig",
  "agree",
]);
const NO = new Set(["nej", "n", "no", "nope", "naeh", "ikke", "not", "nej tak", "no thanks", "afvis", "decline"]);

export function parseYesNo(text: string): boolean | undefined {
  const f = fold(text);
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  const first = f.split(" ")[0] ?? "";
  if (YES.has(first) && !NO.has(f)) return true;
  if (NO.has(first)) return false;
  return undefined;
}

export function parseNumber(text: string): number | undefined {
  const m = /^\s*(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:t|timer|h|hours?|stk|mentees?)?\s*$/i.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]!.replace(",", "."));
}

export function parseAnswer(step: StepDef, input: FlowInput, locale: Locale, now: Date): ParseResult {
  if (input.kind === "media") return { ok: false, reason: "media" };
  if (input.kind === "action") return parseAction(step, input.action);
  const text = input.text.trim();
  if (text === "") return { ok: false, reason: "empty" };
  if (text.length > MAX_TEXT && step.kind === "text") return { ok: false, reason: "too_long" };
  const short = text.slice(0, MAX_TEXT);
  switch (step.kind) {
    case "text":
      return { ok: true, value: text };
    case "yesno":
    case "consent": {
      const yn = parseYesNo(short);
      return yn === undefined ? { ok: false, reason: "reprompt" } : { ok: true, value: yn };
    }
    case "number":
    case "scale": {
      const n = parseNumber(short);
      return n === undefined ? { ok: false, reason: "reprompt" } : { ok: true, value: n };
    }
    case "single": {
      const m = matchOption(short, optionChoices(step, locale));
      return m ? { ok: true, value: m.action.slice(4) } : { ok: false, reason: "reprompt" };
    }
    case "multi": {
      if (isDoneWord(short)) return { ok: "multi-done" };
      const { actions, unknown } = matchMany(short, optionChoices(step, locale));
      // "netværk og færdig": the done word is part of the answer, not an unknown option.
      const rest = unknown.filter((u) => !isDoneWord(u) && fold(u) !== "");
      return { ok: "multi-add", options: [...new Set(actions.map((a) => a.slice(4)))], unknown: rest, done: rest.length < unknown.length };
    }
    case "industries": {
      const r = interpretIndustries(short);
      if (r.matches.length === 0) return { ok: false, reason: "reprompt" };
      const ids = [...new Set(r.matches.map((m) => m.id))].slice(0, 3);
      return r.matches.some((m) => m.confidence === "unsure") ? { ok: "confirm", value: ids } : { ok: true, value: ids };
    }
    case "municipality": {
      const m = findMunicipality(short);
      if (!m) return { ok: false, reason: "reprompt" };
      return m.confidence === "unsure" ? { ok: "confirm", value: m.id } : { ok: true, value: m.id };
    }
    case "languages": {
      const r = interpretLanguages(short);
      return r.codes.length === 0 ? { ok: false, reason: "reprompt" } : { ok: true, value: [...new Set(r.codes)] };
    }
    case "date": {
      const d = parseDate(short, now, locale);
      return d ? { ok: true, value: d.date } : { ok: false, reason: "reprompt" };
    }
  }
}

function parseAction(step: StepDef, action: string): ParseResult {
  if (action === "yes" || action === "no") {
    if (step.kind === "yesno" || step.kind === "consent") return { ok: true, value: action === "yes" };
    return { ok: false, reason: "reprompt" };
  }
  if (action === "multi:done") return step.kind === "multi" ? { ok: "multi-done" } : { ok: false, reason: "reprompt" };
  if (action.startsWith("opt:")) {
    const id = action.slice(4);
    if (step.kind === "scale" && /^[1-5]$/.test(id)) return { ok: true, value: Number(id) };
    if (!step.options?.includes(id)) return { ok: false, reason: "reprompt" };
    if (step.kind === "multi") return { ok: "toggle", option: id };
    if (step.kind === "single") return { ok: true, value: id };
  }
  return { ok: false, reason: "reprompt" };
}
