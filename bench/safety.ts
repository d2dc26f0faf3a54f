// npm run bench:safety — how well the safety net reads risk in free text, per category.
// Blind: test/safety/blind/ (committed before the second-version detector, never edited, never tuned
// on). Development: test/safety/dev/ when it exists. Each is also run with one random typo per line
// (the same typo as bench/safety-eval.ts). The blind figures of the first run are kept in bench/safety-first-run.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { detectRisk } from "../src/lib/safety/detect-risk.js";
import { oneTypo } from "../test/safety/perturb.js";

interface Line {
  text: string;
  lang: "da" | "en";
  category: string;
  grade?: "clear" | "possible";
}

type Grade = "clear" | "possible" | "none";

/** The detector as it answers today: a high-severity finding is a clear risk, a medium one possible. */
function grade(text: string): Grade {
  const f = detectRisk(text);
  if (!f) return "none";
  return f.severity === "high" ? "clear" : "possible";
}

const read = (path: string): Line[] =>
  existsSync(new URL(path, import.meta.url))
    ? readFileSync(new URL(path, import.meta.url), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Line)
    : [];

export interface SafetyFigures {
  /** Risk lines given any grade (clear or possible). */
  recall: number;
  /** Clear risk graded clear (never lower). */
  clearAsClear: number;
  /** Look-alikes that got a full safety reply (graded clear). */
  falseAlarms: number;
  /** Look-alikes that got any reaction (clear or possible). */
  anyReaction: number;
  perCategory: Record<string, { n: number; found: number }>;
  n: { risk: number; lookalikes: number };
}

function measure(risk: Line[], looks: Line[], mangle: (t: string) => string = (t) => t): SafetyFigures {
  const perCategory: SafetyFigures["perCategory"] = {};
  let found = 0;
  let clear = 0;
  let clearN = 0;
  risk.forEach((l) => {
    const g = grade(mangle(l.text));
    const c = (perCategory[l.category] ??= { n: 0, found: 0 });
    c.n++;
    if (g !== "none") {
      found++;
      c.found++;
    }
    if (l.grade === "clear") {
      clearN++;
      if (g === "clear") clear++;
    }
  });
  let alarms = 0;
  let any = 0;
  looks.forEach((l) => {
    const g = grade(mangle(l.text));
    if (g === "clear") alarms++;
    if (g !== "none") any++;
  });
  return {
    recall: found / Math.max(1, risk.length),
    clearAsClear: clear / Math.max(1, clearN),
    falseAlarms: alarms / Math.max(1, looks.length),
    anyReaction: any / Math.max(1, looks.length),
    perCategory,
    n: { risk: risk.length, lookalikes: looks.length },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function report(title: string, f: SafetyFigures): void {
  console.log(`\n${title}: ${f.n.risk} risk statements, ${f.n.lookalikes} look-alikes`);
  console.log(
    `  recall ${pct(f.recall)}; clear risk graded clear ${pct(f.clearAsClear)}; false alarms ${pct(f.falseAlarms)} (any reaction ${pct(f.anyReaction)})`,
  );
  for (const [c, s] of Object.entries(f.perCategory).sort()) console.log(`  ${c.padEnd(20)} ${pct(s.found / s.n).padStart(8)} (n=${s.n})`);
}

const blind = { risk: read("../test/safety/blind/risk.jsonl"), looks: read("../test/safety/blind/lookalikes.jsonl") };
const now = measure(blind.risk, blind.looks);
const firstRun = new URL("./safety-first-run.json", import.meta.url);
if (!existsSync(firstRun)) writeFileSync(firstRun, `${JSON.stringify({ at: new Date().toISOString(), figures: now }, null, 2)}\n`);
const first = JSON.parse(readFileSync(firstRun, "utf8")) as { at: string; figures: SafetyFigures };
report(`BLIND, first run (${first.at.slice(0, 10)})`, first.figures);
report("BLIND, now", now);
report("BLIND with one typo per line", measure(blind.risk, blind.looks, oneTypo));
const dev = { risk: read("../test/safety/dev/risk.jsonl"), looks: read("../test/safety/dev/lookalikes.jsonl") };
if (dev.risk.length) {
  report("DEVELOPMENT", measure(dev.risk, dev.looks));
  report("DEVELOPMENT with one typo per line", measure(dev.risk, dev.looks, oneTypo));
}
