// The one understanding component: free text in, an intent with its details and a confidence out.
// A classifier trained at start-up on our own labelled utterances (examples/) decides which intent
// is likeliest; rules as data (rules.ts) confirm it or veto a look-alike; slots.ts reads the details.
// clear → act; unsure → ask "did you mean …?"; none → the caller's menu. Pure after creation.
import { readdirSync, readFileSync } from "node:fs";
import { fold } from "../text/normalize.js";
import { trainClassifier, type Classifier, type Example } from "./classifier.js";
import { writtenIn } from "./language.js";
import { INTENTS, RULES, type Intent } from "./rules.js";
import { findHours } from "./quantities.js";
import { metAnswer, readSlots, type Slots } from "./slots.js";

export type { Intent } from "./rules.js";
export type { Slots } from "./slots.js";

export type Confidence = "clear" | "unsure" | "none";

export interface Understanding {
  intent: Intent | "none";
  confidence: Confidence;
  /** The classifier's probability for the intent (0–1). */
  p: number;
  slots: Slots;
  /** The language the message is written in, when it can tell: answer in it. */
  lang?: "da" | "en";
}

export interface RecogniseContext {
  role?: "mentee" | "mentor" | "coordinator";
  /** A check-in question is waiting for this person's answer: "ja", "nej", "1,5 time" answer it. */
  openNudge?: boolean;
  now: Date;
}

export interface Thresholds {
  /** Probability from which the classifier alone is clear. */
  clear: number;
  /** Probability from which a rule cue makes it clear. */
  cued: number;
  /** Probability from which we ask instead of falling back. */
  unsure: number;
  /** "None" on top below this: an intent behind it may still be asked about… */
  noneSure: number;
  /** …when it has at least this probability. */
  runnerUp: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  clear: 0.9,
  cued: 0.35,
  unsure: 0.45,
  noneSure: 0.6,
  runnerUp: 0.2,
};

export interface Recogniser {
  recognise(text: string, ctx: RecogniseContext): Understanding;
}

const NONE: Omit<Understanding, "lang"> = { intent: "none", confidence: "none", p: 0, slots: {} };
const MAX_CHARS = 600;

/** Our labelled utterances (intents + look-alikes labelled "none"), shipped beside the code. */
export function loadExamples(): Example[] {
  const dir = new URL("./examples/", import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => /^(intents|lookalikes)(-\d+)?\.jsonl$/.test(f))
    .sort();
  return files.flatMap((name) =>
    readFileSync(new URL(name, dir), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; intent: string })
      .map((e) => ({ text: e.text, label: e.intent })),
  );
}

export function createRecogniser(
  examples: readonly Example[] = loadExamples(),
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  training: Parameters<typeof trainClassifier>[1] = {},
): Recogniser {
  const classifier: Classifier = trainClassifier(examples, training);
  return {
    recognise(text, ctx) {
      const lang = writtenIn(text);
      const base = { ...NONE, ...(lang ? { lang } : {}) };
      const f = fold(text);
      if (!f || text.length > MAX_CHARS) return base;
      const allowed = (i: Intent) => {
        const roles = RULES[i].roles;
        return !roles || !ctx.role || roles.includes(ctx.role);
      };
      const vetoed = (i: Intent) => (RULES[i].vetoes ?? []).some((re) => re.test(f));
      const cued = (i: Intent) => RULES[i].cues.some((re) => re.test(f));
      const result = (intent: Intent, confidence: Confidence, p: number): Understanding => ({
        intent,
        confidence,
        p,
        slots: readSlots(intent, text, ctx.now),
        ...(lang ? { lang } : {}),
      });

      // An open check-in question: a short yes/no or a length is its answer before anything else.
      const words = f.split(" ").length;
      if (ctx.openNudge && words <= 8 && (metAnswer(f) !== undefined || (findHours(text) && words <= 5))) return result("checkin_answer", "clear", 1);

      const usableIntent = (i: Intent) => allowed(i) && !vetoed(i) && (i !== "checkin_answer" || !!ctx.openNudge);
      const pred = classifier.predict(text);
      const label = pred.label as Intent | "none";
      if (label !== "none" && INTENTS.includes(label)) {
        const usable = allowed(label) && !vetoed(label) && (label !== "checkin_answer" || ctx.openNudge);
        if (usable) {
          if (pred.p >= thresholds.clear || (pred.p >= thresholds.cued && cued(label))) return result(label, "clear", pred.p);
          if (pred.p >= thresholds.unsure) return result(label, "unsure", pred.p);
        }
      }
      // "None" on top, but an intent close behind: ask rather than fall back to the menu.
      const best = pred.ranked.find((r) => r.label !== "none" && INTENTS.includes(r.label as Intent) && usableIntent(r.label as Intent));
      if (
        label === "none" &&
        best &&
        pred.p < thresholds.noneSure &&
        best.p >= thresholds.runnerUp &&
        (cued(best.label as Intent) || best.p >= thresholds.cued)
      ) {
        return result(best.label as Intent, cued(best.label as Intent) && best.p >= thresholds.cued ? "clear" : "unsure", best.p);
      }
      // The classifier says none or is unsure, but a rule is sure and the classifier does not rule it out.
      const ruled = INTENTS.filter((i) => i !== "checkin_answer" && allowed(i) && !vetoed(i) && cued(i));
      if (ruled.length === 1 && (label !== "none" || pred.p < thresholds.clear)) return result(ruled[0]!, "unsure", pred.p);
      return base;
    },
  };
}
