// Runs every benchmark at its smoke size, one after another, and exits non-zero if any fails. For CI
// (.ci/run): it proves the benchmarks still run and their built-in checks hold; the figures of a
// smoke run mean little. Benchmarks that are not in the repository yet are skipped.
//   npx tsx bench/smoke.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { table } from "./lib/stats.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(HERE, "..");

const RUNS: { file: string; args: string[] }[] = [
  { file: "match.ts", args: ["--sizes", "100x30,500x125"] },
  { file: "fanout.ts", args: ["--matches", "500"] },
  { file: "telegram-throughput.ts", args: ["--smoke"] },
  { file: "memory.ts", args: ["--smoke"] },
  { file: "cold-start.ts", args: ["--smoke"] },
  { file: "safety-eval.ts", args: [] },
];
const TIMEOUT_MS = 5 * 60_000;

const rows: string[][] = [];
let failed = 0;
for (const { file, args } of RUNS) {
  if (!existsSync(join(HERE, file))) {
    rows.push([file, "skipped (missing)", "-"]);
    continue;
  }
  console.log(`\n=== bench/${file} ${args.join(" ")}`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join("bench", file), ...args], { cwd: ROOT, stdio: "inherit", timeout: TIMEOUT_MS });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (!ok) failed++;
  rows.push([file, ok ? "ok" : run.error ? `FAILED (${run.error.message})` : `FAILED (exit ${run.status ?? run.signal})`, seconds]);
}
console.log(`\n${table(["benchmark", "result", "seconds"], rows)}`);
process.exitCode = failed > 0 ? 1 : 0;
