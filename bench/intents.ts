// npm run bench:intents — how well the understanding component reads what people write.
// Blind: test/understanding/blind/ (committed before the recogniser, never edited, never tuned on).
// Development: the examples the recogniser is trained on (src/lib/understanding/examples/), measured
// by 5-fold cross-validation, and a check set never trained on (src/lib/understanding/check/): what
// tuning looks at. The blind figures of the first run are
// kept in bench/intents-first-run.json and printed beside today's.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRecogniser, loadExamples, type Recogniser } from "../src/lib/understanding/recognise.js";
import { findDays, findHours } from "../src/lib/understanding/quantities.js";
import type { Example } from "../src/lib/understanding/classifier.js";

interface Line {
  text: string;
  lang: "da" | "en";
  role: "mentee" | "mentor";
  intent: string;
  slots?: Record<string, unknown>;
  hours?: number;
  days?: number;
}

const NOW = new Date("2026-12-02T10:00:00Z");
const read = (path: string): Line[] =>
  readFileSync(new URL(path, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);

export interface Figures {
  /** Intent lines understood: the right intent, acted on (clear) or asked about (unsure). */
  understood: number;
  /** Intent lines acted on at once with the right intent. */
  clear: number;
  /** Look-alikes acted on (a false trigger). */
  falseTriggers: number;
  /** Look-alikes answered with a "did you mean …?" question. */
  lookalikesAsked: number;
  perIntent: Record<string, { n: number; understood: number; clear: number }>;
  slots: { checked: number; right: number };
  n: { intents: number; lookalikes: number };
}

function sameSlot(key: string, want: unknown, got: unknown): boolean {
  if (key === "message") return typeof got === "string" && typeof want === "string" && got.length > 0;
  if (key === "days" && typeof want === "number" && typeof got === "number") return Math.abs(want - got) <= Math.max(1, want * 0.15);
  return JSON.stringify(want) === JSON.stringify(got);
}

export function measure(r: Recogniser, intents: Line[], lookalikes: Line[]): Figures {
  const perIntent: Figures["perIntent"] = {};
  let understood = 0;
  let clear = 0;
  let checked = 0;
  let right = 0;
  for (const l of intents) {
    const u = r.recognise(l.text, { role: l.role, openNudge: l.intent === "checkin_answer", now: NOW });
    const s = (perIntent[l.intent] ??= { n: 0, understood: 0, clear: 0 });
    s.n++;
    if (u.intent === l.intent) {
      understood++;
      s.understood++;
      if (u.confidence === "clear") {
        clear++;
        s.clear++;
      }
      for (const [k, v] of Object.entries(l.slots ?? {})) {
        if (k === "when") continue;
        checked++;
        if (sameSlot(k, v, (u.slots as Record<string, unknown>)[k])) right++;
      }
    }
  }
  let falseTriggers = 0;
  let asked = 0;
  for (const l of lookalikes) {
    const u = r.recognise(l.text, { role: l.role, now: NOW });
    if (u.intent !== "none" && u.confidence === "clear") falseTriggers++;
    else if (u.intent !== "none") asked++;
  }
  return {
    understood: understood / intents.length,
    clear: clear / intents.length,
    falseTriggers: falseTriggers / Math.max(1, lookalikes.length),
    lookalikesAsked: asked / Math.max(1, lookalikes.length),
    perIntent,
    slots: { checked, right },
    n: { intents: intents.length, lookalikes: lookalikes.length },
  };
}

function crossValidate(examples: Example[], dev: { intents: Line[]; lookalikes: Line[] }, folds = 5): Figures[] {
  const out: Figures[] = [];
  for (let k = 0; k < folds; k++) {
    const held = new Set(dev.intents.filter((_, i) => i % folds === k).map((l) => l.text));
    const heldLook = new Set(dev.lookalikes.filter((_, i) => i % folds === k).map((l) => l.text));
    const r = createRecogniser(examples.filter((e) => !held.has(e.text) && !heldLook.has(e.text)));
    out.push(
      measure(
        r,
        dev.intents.filter((l) => held.has(l.text)),
        dev.lookalikes.filter((l) => heldLook.has(l.text)),
      ),
    );
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function quantities(lines: Line[]): { n: number; right: number; wrong: string[] } {
  let right = 0;
  const wrong: string[] = [];
  for (const l of lines) {
    const got = l.hours !== undefined ? findHours(l.text)?.hours : findDays(l.text);
    const want = l.hours ?? l.days;
    const ok =
      want !== undefined && got !== undefined && (l.hours !== undefined ? Math.abs(got - want) < 0.13 : Math.abs(got - want) <= Math.max(1, want * 0.15));
    if (ok) right++;
    else wrong.push(`${l.text} → ${got} (want ${want})`);
  }
  return { n: lines.length, right, wrong };
}

function report(title: string, f: Figures): void {
  console.log(`\n${title}: ${f.n.intents} intent lines, ${f.n.lookalikes} look-alikes`);
  console.log(
    `  understood ${pct(f.understood)} (acted on at once ${pct(f.clear)}); false triggers on look-alikes ${pct(f.falseTriggers)} (asked instead: ${pct(f.lookalikesAsked)})`,
  );
  console.log(`  details right ${f.slots.right}/${f.slots.checked}`);
  for (const [intent, s] of Object.entries(f.perIntent).sort())
    console.log(`  ${intent.padEnd(15)} ${pct(s.understood / s.n).padStart(8)} understood, ${pct(s.clear / s.n).padStart(8)} at once (n=${s.n})`);
}

const blindDir = "../test/understanding/blind/";
const blind = { intents: read(`${blindDir}intents.jsonl`), lookalikes: read(`${blindDir}lookalikes.jsonl`) };
const devDir = "../src/lib/understanding/examples/";
const devFiles = (kind: string) => readdirSync(new URL(devDir, import.meta.url)).filter((f) => new RegExp(`^${kind}(-\\d+)?\\.jsonl$`).test(f));
const dev = {
  intents: devFiles("intents").flatMap((f) => read(`${devDir}${f}`)),
  lookalikes: devFiles("lookalikes").flatMap((f) => read(`${devDir}${f}`)),
};
const recogniser = createRecogniser(loadExamples());
const now = measure(recogniser, blind.intents, blind.lookalikes);
const firstRunFile = new URL("./intents-first-run.json", import.meta.url);
if (!existsSync(firstRunFile)) writeFileSync(firstRunFile, `${JSON.stringify({ at: new Date().toISOString(), figures: now }, null, 2)}\n`);
const first = JSON.parse(readFileSync(firstRunFile, "utf8")) as { at: string; figures: Figures };

report(`BLIND, first run (${first.at.slice(0, 10)})`, first.figures);
report("BLIND, now", now);
// The check set: written apart from the training examples, measured while tuning, never trained on.
const checkDir = "../src/lib/understanding/check/";
if (existsSync(new URL(`${checkDir}intents.jsonl`, import.meta.url))) {
  report("CHECK set (tuning, never trained on)", measure(recogniser, read(`${checkDir}intents.jsonl`), read(`${checkDir}lookalikes.jsonl`)));
}
const cv = crossValidate(loadExamples(), dev);
const avg = (pick: (f: Figures) => number) => cv.reduce((s, f) => s + pick(f), 0) / cv.length;
console.log(`\nDEVELOPMENT (5-fold cross-validation on the training examples)`);
console.log(`  understood ${pct(avg((f) => f.understood))} (at once ${pct(avg((f) => f.clear))}); false triggers ${pct(avg((f) => f.falseTriggers))}`);
for (const [name, lines] of [
  ["blind", read(`${blindDir}quantities.jsonl`)],
  ["development", read(`${devDir}quantities.jsonl`)],
] as const) {
  const q = quantities(lines);
  console.log(`\nQuantities (${name}): ${q.right}/${q.n} read right`);
  if (name === "development") for (const w of q.wrong.slice(0, 15)) console.log(`  ✗ ${w}`);
}
if (process.argv.includes("--misses")) {
  // Only for the development set: the blind set's lines are not looked at while tuning.
  const heldOut = new Set([...dev.intents, ...dev.lookalikes].filter((_, i) => i % 5 === 0).map((l) => l.text));
  const r = createRecogniser(loadExamples().filter((e) => !heldOut.has(e.text)));
  for (const l of dev.intents.filter((_, i) => i % 5 === 0)) {
    const u = r.recognise(l.text, { role: l.role, openNudge: l.intent === "checkin_answer", now: NOW });
    if (u.intent !== l.intent) console.log(`  miss ${l.intent} → ${u.intent}/${u.confidence} ${u.p.toFixed(2)}: ${l.text}`);
  }
  for (const l of dev.lookalikes.filter((_, i) => i % 5 === 0)) {
    const u = r.recognise(l.text, { role: l.role, now: NOW });
    if (u.intent !== "none") console.log(`  look-alike → ${u.intent}/${u.confidence} ${u.p.toFixed(2)}: ${l.text}`);
  }
}
