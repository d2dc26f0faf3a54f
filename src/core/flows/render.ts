// Renders questions, buttons and the summary in the person's language. Pure.
import { t, type Locale } from "../i18n/index.js";
import type { Button } from "../messages.js";
import { industryName } from "../../lib/text/industries.js";
import { municipalityName } from "../../lib/text/municipalities.js";
import { languageName } from "../../lib/text/languages.js";
import type { AnswerValue, FlowDef, Reply, StepDef } from "./types.js";

export function optionButtons(step: StepDef, locale: Locale): Button[] {
  if (step.kind === "scale") return [1, 2, 3, 4, 5].map((n) => ({ action: `opt:${n}`, label: String(n) }));
  return (step.options ?? []).map((id) => ({ action: `opt:${id}`, label: t(locale, `opt.${step.optionSet ?? step.id}.${id}`) }));
}

// Everyday words people type for some options, beyond the button labels in both languages.
const SYNONYMS: Record<string, string[]> = {
  in_person: ["fysisk", "fysisk møde", "in person", "face to face", "ansigt til ansigt", "moedes", "møde"],
  video: ["video", "videomøde", "teams", "zoom", "skype", "online"],
  chat: ["chat", "skrive", "besked", "beskeder", "text", "messages"],
  weekday_day: ["dag", "dagtimer", "formiddag", "eftermiddag", "daytime", "day"],
  weekday_evening: ["aften", "aftener", "evening", "evenings"],
  weekend: ["weekend", "weekender", "lørdag", "søndag", "saturday", "sunday"],
  cv: ["cv", "ansøgning", "ansøgninger", "application", "applications", "resume"],
  interview: ["jobsamtale", "samtaler", "interview", "interviews"],
  network: ["netværk", "network", "kontakter", "contacts"],
  motivation: ["motivation", "selvtillid", "confidence"],
  practical: ["praktisk", "praktiske ting", "practical"],
  language_practice: ["dansk", "sprog", "danish", "language"],
};

/** Buttons plus the other language's label and the option id as synonyms, for typed answers. */
export function optionChoices(step: StepDef, locale: Locale): (Button & { synonyms: string[] })[] {
  const other: Locale = locale === "da" ? "en" : "da";
  return optionButtons(step, locale).map((b) => {
    const id = b.action.slice(4);
    return { ...b, synonyms: [id.replace(/_/g, " "), t(other, `opt.${step.optionSet ?? step.id}.${id}`), ...(SYNONYMS[id] ?? [])] };
  });
}

function stepButtons(step: StepDef, locale: Locale, selected: string[] = []): Button[] {
  const buttons: Button[] = [];
  if (step.kind === "yesno" || step.kind === "consent") {
    buttons.push({ action: "yes", label: t(locale, "common.yes") }, { action: "no", label: t(locale, "common.no") });
  } else if (step.kind === "single" || step.kind === "scale") {
    buttons.push(...optionButtons(step, locale));
  } else if (step.kind === "multi") {
    buttons.push(...optionButtons(step, locale).map((b) => ({ ...b, label: selected.includes(b.action.slice(4)) ? `✓ ${b.label}` : b.label })), {
      action: "multi:done",
      label: t(locale, "common.done"),
    });
  }
  if (step.skippable) buttons.push({ action: "skip", label: t(locale, "common.skip") });
  return buttons;
}

export function askStep(step: StepDef, locale: Locale, prefix?: string, selected: string[] = []): Reply {
  const question = t(locale, step.prompt);
  const text = prefix ? `${prefix}\n\n${question}` : question;
  const buttons = stepButtons(step, locale, selected);
  return buttons.length ? { text, buttons } : { text };
}

/** The labels of a multi-select step's options, as a list in the person's language. */
export function optionLabels(step: StepDef, locale: Locale, ids: readonly string[]): string {
  return ids.map((id) => t(locale, `opt.${step.optionSet ?? step.id}.${id}`)).join(", ");
}

/**
 * What is chosen so far in a multi-select step, with its buttons (the chosen ones ticked). An empty
 * choice says so instead of showing an empty list. `note` comes first on the same line ("Added: …");
 * `prefix` and the question above it, for when the person comes back to the step.
 */
export function multiProgress(step: StepDef, locale: Locale, selected: string[], opts: { note?: string; prefix?: string } = {}): Reply {
  const progress = selected.length ? t(locale, "common.selected", { items: optionLabels(step, locale, selected) }) : t(locale, "common.selected_none");
  const line = opts.note ? `${opts.note} ${progress}` : progress;
  const text = opts.prefix ? `${opts.prefix}\n\n${t(locale, step.prompt)}\n\n${line}` : line;
  return { text, buttons: stepButtons(step, locale, selected) };
}

export function displayValue(step: StepDef, value: AnswerValue, locale: Locale): string {
  if (value === null || value === undefined) return t(locale, "common.skipped");
  const list = Array.isArray(value) ? value : [value];
  switch (step.kind) {
    case "yesno":
    case "consent":
      return t(locale, value ? "common.yes" : "common.no");
    case "single":
    case "multi":
      return optionLabels(step, locale, list.map(String));
    case "industries":
      return list.map((id) => industryName(String(id), locale)).join(", ");
    case "municipality":
      return municipalityName(String(value));
    case "languages":
      return list.map((c) => languageName(String(c), locale)).join(", ");
    default:
      return String(value);
  }
}

/** Steps shown in the summary: questions that were asked on the path, consents excluded. */
export function summarySteps(flow: FlowDef, path: string[]): StepDef[] {
  return flow.steps.filter((s) => path.includes(s.id) && s.kind !== "consent");
}

export function summary(flow: FlowDef, answers: Record<string, AnswerValue>, path: string[], locale: Locale): Reply {
  const lines = summarySteps(flow, path).map((s, i) => `${i + 1}. ${t(locale, `field.${s.id}`)}: ${displayValue(s, answers[s.id] ?? null, locale)}`);
  return {
    text: `${t(locale, "summary.title")}\n${lines.join("\n")}\n\n${t(locale, "summary.ask")}`,
    buttons: [
      { action: "summary:confirm", label: t(locale, "common.confirm") },
      { action: "summary:change", label: t(locale, "common.change") },
    ],
  };
}

export function editPicker(flow: FlowDef, path: string[], locale: Locale): Reply {
  const steps = summarySteps(flow, path);
  return {
    text: t(locale, "summary.which"),
    buttons: steps.map((s, i) => ({ action: `edit:${s.id}`, label: `${i + 1}. ${t(locale, `field.${s.id}`)}` })),
  };
}
