// Help lines shown when a message raises a risk. The defaults are Danish national lines whose
// numbers we have verified; deployments can replace the list (e.g. a municipality adds its own
// crisis line) with a configuration value such as "Livslinien:70 201 201;Alarm:112".
// Lines whose numbers we could not verify are deliberately left out: a wrong number here is worse
// than a missing one.
import { MentorbroError } from "../../core/errors.js";
import type { RiskCategory } from "./rule-types.js";

export interface Helpline {
  name: string;
  /** As it should be dialled and shown, e.g. "70 201 201". */
  phone: string;
  /** Risk categories the line is meant for; absent means every category. */
  categories?: readonly RiskCategory[];
}

export const DEFAULT_HELPLINES: readonly Helpline[] = Object.freeze([
  // Suicidal thoughts and life crises; anonymous.
  { name: "Livslinien", phone: "70 201 201", categories: ["suicide", "self_harm", "psychiatric", "substance"] },
  // National hotline for violence in close relationships (Lev Uden Vold), open day and night.
  { name: "Lev Uden Vold", phone: "1888", categories: ["abuse"] },
  // Emergencies: danger to life, violence happening now.
  { name: "Alarm", phone: "112" },
]);

const CATEGORIES: readonly RiskCategory[] = ["suicide", "self_harm", "abuse", "threat", "acute_crisis", "substance", "psychiatric"];
const PHONE = /^\+?\d[\d ]{1,19}$/;

function invalid(entry: string, why: string): MentorbroError {
  return new MentorbroError("CONFIG_INVALID", `Help line "${entry}": ${why}`);
}

/**
 * Parses "Name:phone[:category,category];Name:phone…". Entries are separated by ";" or line
 * breaks, blank entries are ignored. An unset or blank value gives the defaults. A malformed
 * entry throws CONFIG_INVALID: a safety message must never show a garbled number.
 */
export function parseHelplines(envValue?: string): Helpline[] {
  if (envValue === undefined || envValue.trim() === "") return DEFAULT_HELPLINES.map((h) => ({ ...h }));
  const lines: Helpline[] = [];
  for (const raw of envValue.split(/[;\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const [name = "", phone = "", cats, ...rest] = entry.split(":").map((p) => p.trim());
    if (rest.length > 0) throw invalid(entry, "expected Name:phone or Name:phone:categories");
    if (!name || name.length > 60) throw invalid(entry, "name must be 1–60 characters");
    if (!PHONE.test(phone)) throw invalid(entry, "phone must be digits and spaces, optionally starting with +");
    const line: Helpline = { name, phone: phone.replace(/\s+/g, " ") };
    if (cats) {
      const categories = cats.split(",").map((c) => c.trim());
      const unknown = categories.find((c) => !CATEGORIES.includes(c as RiskCategory));
      if (unknown !== undefined) throw invalid(entry, `unknown category "${unknown}"`);
      line.categories = categories as RiskCategory[];
    }
    lines.push(line);
  }
  if (lines.length === 0) throw invalid(envValue, "no help lines given");
  return lines;
}

/** The lines to show for a finding: those meant for its category, plus the general ones. */
export function helplinesFor(category: RiskCategory, lines: readonly Helpline[] = DEFAULT_HELPLINES): Helpline[] {
  return lines.filter((l) => !l.categories || l.categories.includes(category));
}
