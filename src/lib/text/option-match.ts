// Understands a typed answer to a question that was shown with buttons: platforms without
// buttons (and users who type anyway) send the label, a number, or something close to it.
import { editDistance, fold, typoBudget } from "./normalize.js";
import { CONJUNCTIONS } from "./stopwords.js";
import { rawSpan, skeleton, tokenize, type Token } from "./tokens.js";

export interface ChoiceOption {
  action: string;
  label: string;
  synonyms?: readonly string[];
}

export interface OptionMatch {
  action: string;
  /** "exact": label, synonym or number; "fuzzy": typo, or the label inside a longer sentence. */
  confidence: "exact" | "fuzzy";
}

export interface ManyMatch {
  /** Chosen actions in the order given, without duplicates. */
  actions: string[];
  /** Parts of the answer that matched no option, as the user wrote them. */
  unknown: string[];
}

/** Compared form: folded, then æøå spelled either way counts as the same (see skeleton). */
const norm = (s: string): string => skeleton(fold(s));

function phrases(o: ChoiceOption): string[] {
  return [o.label, ...(o.synonyms ?? [])].map(norm).filter((p) => p.length > 0);
}

/** The single action among candidates, "tie" if they disagree, undefined if there are none. */
function single(actions: readonly string[]): string | "tie" | undefined {
  const distinct = new Set(actions);
  if (distinct.size > 1) return "tie";
  return actions[0];
}

/** Best-scoring action where a lower score is better; ties between different actions → "tie". */
function best(scored: readonly { action: string; score: number }[]): string | "tie" | undefined {
  const min = Math.min(...scored.map((s) => s.score));
  return single(scored.filter((s) => s.score === min).map((s) => s.action));
}

const wordsOf = (s: string): string[] => s.split(" ");

export function matchOption(input: string, options: readonly ChoiceOption[]): OptionMatch | undefined {
  const found = classify(input, options, true);
  return found === "tie" ? undefined : found;
}

function classify(input: string, options: readonly ChoiceOption[], loose: boolean): OptionMatch | "tie" | undefined {
  const raw = input.trim();
  if (!raw) return undefined;
  const exact = (a: string | "tie" | undefined): OptionMatch | "tie" | undefined => (a === "tie" || a === undefined ? a : { action: a, confidence: "exact" });
  const fuzzy = (a: string | "tie" | undefined): OptionMatch | "tie" | undefined => (a === "tie" || a === undefined ? a : { action: a, confidence: "fuzzy" });

  // Emoji fold to nothing; an answer that is only emoji is compared with the labels' emoji.
  const text = norm(raw);
  if (!text) {
    const symbols = (s: string): string => s.replace(/[\p{L}\p{N}\s\uFE0F]/gu, "");
    return exact(single(options.filter((o) => [o.label, ...(o.synonyms ?? [])].some((p) => symbols(p) === symbols(raw))).map((o) => o.action)));
  }

  const joined = text.replaceAll(" ", "");
  const byLabel = single(options.filter((o) => phrases(o).some((p) => p === text || p.replaceAll(" ", "") === joined)).map((o) => o.action));
  if (byLabel) return exact(byLabel);

  const numbered = /^(\d{1,3})(?: (.*))?$/.exec(text);
  const chosen = numbered ? options[Number(numbered[1]) - 1] : undefined;
  if (numbered && chosen) {
    // "2 nej" is fine when option 2 is "Nej"; more numbers, or words pointing elsewhere: no guess.
    const rest = numbered[2] ?? "";
    if (/\d/.test(rest)) return "tie";
    const also = rest ? classify(rest, options, false) : undefined;
    if (also === "tie" || (also && also.action !== chosen.action)) return "tie";
    return exact(chosen.action);
  }

  const whole = options.flatMap((o) =>
    phrases(o).map((p) => {
      const budget = typoBudget(p);
      const d = editDistance(text, p, budget);
      return { action: o.action, score: d <= budget ? d : Infinity };
    }),
  );
  const byTypo = best(whole.filter((s) => s.score !== Infinity));
  if (byTypo) return fuzzy(byTypo);
  if (!loose) return undefined;

  // The label inside a sentence: "ja tak". A label inside a longer label that is also there
  // ("ja" in "ja men senere") doesn't count; two unrelated labels ("ja nej") are a tie.
  const within = (outer: string, inner: string): boolean => ` ${outer} `.includes(` ${inner} `);
  const inside = options.flatMap((o) =>
    phrases(o)
      .filter((p) => within(text, p))
      .map((p) => ({ action: o.action, p })),
  );
  const outermost = inside.filter((x) => !inside.some((y) => y.p !== x.p && within(y.p, x.p)));
  const byInside = single(outermost.map((x) => x.action));
  if (byInside) return fuzzy(byInside);

  // …and with a typo: slide a window as long as each label over the words.
  const words = wordsOf(text);
  const windows = options.flatMap((o) =>
    phrases(o).flatMap((p) => {
      const k = wordsOf(p).length;
      if (p.length < 5 || k > words.length) return [];
      const budget = typoBudget(p);
      const out: { action: string; score: number }[] = [];
      for (let i = 0; i + k <= words.length; i++) {
        const d = editDistance(words.slice(i, i + k).join(" "), p, budget);
        if (d <= budget) out.push({ action: o.action, score: d });
      }
      return out;
    }),
  );
  return fuzzy(best(windows));
}

/**
 * Several choices in one answer: "1, 3", "1 3", "1-3", "IT og sundhed", "Handel og service + IT".
 * Labels that contain "og"/"and" still match whole because labels are found before splitting.
 */
export function matchMany(input: string, options: readonly ChoiceOption[]): ManyMatch {
  const actions: string[] = [];
  const unknown: string[] = [];
  const whole = classify(input, options, false);
  if (whole && whole !== "tie") return { actions: [whole.action], unknown };

  const labels = options.flatMap((o) => phrases(o).map((p) => ({ action: o.action, words: wordsOf(p) })));
  labels.sort((a, b) => b.words.length - a.words.length);
  // Strong separators first; within a part, labels are found greedily, the rest is split at
  // "og"/"and"/"&"/"+"/"/" and each leftover chunk gets a second, fuzzy chance.
  for (const part of input.split(/[,;\n\r]+/)) {
    const tokens = tokenize(part);
    let chunk: number[] = [];
    const flush = (): void => {
      if (chunk.length === 0) return;
      const text = rawSpan(part, tokens, chunk[0]!, chunk[chunk.length - 1]!);
      const m = classify(text, options, true);
      if (m && m !== "tie") actions.push(m.action);
      else unknown.push(text);
      chunk = [];
    };
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i]!;
      if (t.breakBefore) flush();
      const picked = numberAt(part, tokens, i, options.length) ?? labelAt(tokens, i, labels);
      if (picked) {
        flush();
        actions.push(...picked.actions.map((a) => (typeof a === "number" ? options[a]!.action : a)));
        i = picked.end;
      } else if (CONJUNCTIONS.has(t.norm)) {
        flush();
        i++;
      } else {
        chunk.push(i++);
      }
    }
    flush();
  }
  return { actions: [...new Set(actions)], unknown };
}

interface Picked {
  /** Option indexes (numbers typed) or actions (labels typed). */
  actions: (number | string)[];
  end: number;
}

function numberAt(part: string, tokens: readonly Token[], i: number, count: number): Picked | undefined {
  const n = asIndex(tokens[i]!.norm, count);
  if (n === undefined) return undefined;
  const next = tokens[i + 1];
  const to = next && asIndex(next.norm, count);
  // "1-3" is a range; any other gap between numbers is a list.
  if (next && to !== undefined && to > n && /^\s*[-–]\s*$/.test(part.slice(tokens[i]!.end, next.start))) {
    return { actions: Array.from({ length: to - n + 1 }, (_, k) => n + k), end: i + 2 };
  }
  return { actions: [n], end: i + 1 };
}

function asIndex(word: string, count: number): number | undefined {
  if (!/^\d{1,3}$/.test(word)) return undefined;
  const n = Number(word) - 1;
  return n >= 0 && n < count ? n : undefined;
}

function labelAt(tokens: readonly Token[], i: number, labels: readonly { action: string; words: string[] }[]): Picked | undefined {
  for (const l of labels) {
    if (l.words.every((w, k) => tokens[i + k] !== undefined && skeleton(tokens[i + k]!.norm) === w)) {
      return { actions: [l.action], end: i + l.words.length };
    }
  }
  return undefined;
}
