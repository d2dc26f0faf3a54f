// Names as people give them: one check and clean-up for every place a name enters (the sign-up
// flows, coordinator sign-up, the CSV import), a skeleton for finding names whatever look-alike
// letters they use, and the mixed-alphabet check that warns coordinators about look-alikes.
// Pure. Unicode TR39 in spirit: the confusables here are the common Cyrillic/Greek look-alikes of
// Latin letters; compatibility forms (fullwidth, mathematical letters) are folded by NFKC.
import { z } from "zod";
import { fold } from "./normalize.js";

export const NAME_MAX = 60;
/**
 * Combining marks kept per letter, counted decomposed (NFD): enough for the accents and points of
 * real names (Vietnamese "ệ" has 2, pointed Hebrew up to 3), not for "Zalgo" text.
 */
export const MAX_MARKS = 3;

export type NameProblem = "invisible" | "not_a_name" | "too_long";
export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

// Default-ignorable code points draw nothing (zero-width spaces and joiners, Hangul fillers, bidi
// and other format controls, variation selectors, soft hyphens); U+2800 is a blank braille cell.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/u;
const JOINER = /[\u200c\u200d]/u;
// Zero-width (non-)joiners shape letters in Arabic-script and Indic names; between two letters of
// such a script they stay. Latin, Greek and Cyrillic never need them.
const PLAIN_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const ALLOWED = /^\p{L}[\p{L}\p{M}'’ .-]*$/u;
const JOINERS = /\u200c|\u200d/gu;

function stripInvisible(s: string): string {
  const chars = [...s];
  return chars
    .filter((c, i) => {
      if (!INVISIBLE.test(c)) return true;
      const before = chars[i - 1] ?? "";
      const after = chars[i + 1] ?? "";
      return JOINER.test(c) && LETTER.test(before) && LETTER.test(after) && !PLAIN_SCRIPT.test(before) && !PLAIN_SCRIPT.test(after);
    })
    .join("");
}

/** At most MAX_MARKS combining marks after each character; the rest is dropped. */
function capMarks(s: string): string {
  let run = 0;
  let out = "";
  for (const c of s) {
    if (MARK.test(c)) {
      if (++run > MAX_MARKS) continue;
    } else run = 0;
    out += c;
  }
  return out;
}

/**
 * The name to store, or why it cannot be one. NFKC first (fullwidth and other compatibility
 * letters made plain), invisible characters out, marks capped (decomposed, then composed again
 * where they can be), spaces collapsed. A name without a visible
 * letter is "invisible"; visible characters a name cannot have make it "not_a_name".
 */
export function cleanName(raw: string): NameCheck {
  const name = capMarks(stripInvisible(raw.normalize("NFKC")).normalize("NFD"))
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .trim();
  if (!LETTER.test(name)) return { ok: false, problem: name.replace(/[\p{M}\s]/gu, "") === "" ? "invisible" : "not_a_name" };
  // The joiners left in are between letters (see stripInvisible).
  if (!ALLOWED.test(name.replace(JOINERS, ""))) return { ok: false, problem: "not_a_name" };
  if ([...name].length > NAME_MAX) return { ok: false, problem: "too_long" };
  return { ok: true, name };
}

/** For writing a name that was checked earlier (a flow's answer): cleaned again, or null if it cannot be one. */
export function storedName(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const r = cleanName(raw);
  return r.ok ? r.name : null;
}

/** The catalogue text that tells the person what to change. */
export function nameProblemKey(problem: NameProblem): string {
  return problem === "invisible" ? "name.invisible" : problem === "too_long" ? "name.too_long" : "common.name_reprompt";
}

/** The flows' name step: the cleaned name, or an issue whose message is the catalogue key to answer with. */
export const nameSchema = z.string().transform((raw, ctx) => {
  const r = cleanName(raw);
  if (r.ok) return r.name;
  ctx.addIssue({ code: "custom", message: nameProblemKey(r.problem) });
  return z.NEVER;
});

// Look-alikes of Latin letters, both cases: Cyrillic first, then Greek, then a few Latin variants.
const CONFUSABLE_FROM = "АВСЕНІЈКМОРЅТХУҮӀԚԜѴаеорсхуѕіјԁһԛԝӏүѵгпьквнмтΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹͿαορικτυχγεηϲνϳıɑɡ";
const CONFUSABLE_TO = "ABCEHIJKMOPSTXYYlQWVaeopcxysijdhqwlyvrnbkbhmtABEZHIKMNOPTYXCJaopiktuxyencvjiag";
const CONFUSABLE = new Map([...CONFUSABLE_FROM].map((c, i) => [c, [...CONFUSABLE_TO][i]!]));

/**
 * What a name looks like, for comparing: compatibility forms folded (NFKC), invisible characters
 * dropped, look-alike letters mapped to the Latin ones, then the usual folding (case, accents,
 * æøå). "Аnna" (Cyrillic А) and "Anna" have the same skeleton.
 */
export function nameSkeleton(s: string): string {
  const mapped = [...s.normalize("NFKC").replace(new RegExp(INVISIBLE.source, "gu"), "").normalize("NFD")].map((c) => CONFUSABLE.get(c) ?? c).join("");
  return fold(mapped.normalize("NFC"));
}

// Scripts whose letters are mistaken for one another. Mixing others in one word is normal
// (Japanese kanji with kana) and not a look-alike.
const LOOKALIKE_SCRIPTS = ["Latin", "Cyrillic", "Greek", "Armenian", "Cherokee"] as const;
export type LookalikeScript = (typeof LOOKALIKE_SCRIPTS)[number];
const SCRIPT_RE = Object.fromEntries(LOOKALIKE_SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, "u")])) as Record<LookalikeScript, RegExp>;

/**
 * The alphabets mixed inside one word of the name ("Аnna": Latin + Cyrillic), or [] when every
 * word is written in one. A name with a Latin first name and a Cyrillic surname is not flagged.
 */
export function mixedScripts(name: string | null | undefined): LookalikeScript[] {
  const found = new Set<LookalikeScript>();
  for (const word of (name ?? "").normalize("NFC").split(/[\s'’.-]+/u)) {
    const here = LOOKALIKE_SCRIPTS.filter((s) => [...word].some((c) => SCRIPT_RE[s].test(c)));
    if (here.length > 1) for (const s of here) found.add(s);
  }
  return LOOKALIKE_SCRIPTS.filter((s) => found.has(s));
}
