// Names on coordinators' screens: a name that mixes alphabets inside a word ("Аnna" with a
// Cyrillic А) may be posing as someone else, so coordinators see it flagged wherever they see it.
import { mixedScripts } from "../../lib/text/names.js";
import { t, type Locale } from "./index.js";

/** `shown` (the full name or a first name), with "⚠ name mixes alphabets (…)" when `fullName` does. */
export function warnedName(l: Locale, fullName: string | null | undefined, shown: string = fullName ?? "–"): string {
  const scripts = mixedScripts(fullName);
  if (scripts.length === 0) return shown;
  return t(l, "name.mixed_scripts", { name: shown, scripts: scripts.map((s) => t(l, `name.script.${s}`)).join(" + ") });
}

/** The short form for button labels: "⚠ Аnna". */
export function markedName(l: Locale, fullName: string | null | undefined, shown: string = fullName ?? "–"): string {
  return mixedScripts(fullName).length ? t(l, "name.mixed_mark", { name: shown }) : shown;
}
