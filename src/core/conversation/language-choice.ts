// Choosing a language and greeting: what people type to pick Danish or English ("dansk", "English
// please", "på dansk"), and what counts as a greeting. Pure helpers for the router.
import type { Locale } from "../i18n/index.js";
import type { FlowInput } from "../flows/types.js";
import { fold } from "../../lib/text/normalize.js";
import { matchOption } from "../../lib/text/option-match.js";
import { directLanguage } from "./commands.js";

export function languageButtons() {
  return [
    { action: "lang:da", label: "Dansk" },
    { action: "lang:en", label: "English" },
  ];
}

/** What people type to pick a language, beyond the button labels. */
function languageChoices() {
  return [
    { action: "lang:da", label: "Dansk", synonyms: ["danish", "dk"] },
    { action: "lang:en", label: "English", synonyms: ["engelsk", "eng"] },
  ];
}

/** "I don't speak Danish" names a language without choosing it. */
const NEGATION = new Set(["ikke", "ik", "not", "don", "dont", "no", "nej", "never", "aldrig"]);

/**
 * A language the person picked: a language button, or typed ("dansk", "English please", "på dansk",
 * "jeg vil helst skrive på engelsk"). `short`: only a few words count (a first message or a role
 * answer that mentions Danish is usually about something else).
 */
export function chosenLanguage(input: FlowInput, short: boolean): Locale | undefined {
  if (input.kind === "action") return input.action === "lang:da" || input.action === "lang:en" ? (input.action.slice(5) as Locale) : undefined;
  if (input.kind !== "text") return undefined;
  const direct = directLanguage(input.text);
  if (direct) return direct;
  const words = fold(input.text).split(" ");
  if ((short && words.length > 3) || words.some((w) => NEGATION.has(w))) return undefined;
  return matchOption(input.text, languageChoices())?.action.slice(5) as Locale | undefined;
}

const GREETING =
  /^(hej|hejsa|hey|hi|hello|hallo|halloj|davs|goddag|godmorgen|godaften|good (morning|afternoon|evening)|yo|salam|salaam|marhaba)\b[\s!.,:)-]*(\p{L}+)?[\s!.,:)]*$/iu;

/** "hej", "hello Mentorbro!": a greeting gets a greeting, not a guess at what was meant. */
export function isGreeting(input: FlowInput): boolean {
  return input.kind === "text" && GREETING.test(input.text.trim());
}
