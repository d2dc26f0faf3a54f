// Cold start to first reply: spawns `node --import tsx src/main.ts --jsonl` (what bin/mentorbro
// runs once dependencies are installed), writes one console message and times until the first JSON
// line on stdout. "fresh" = a new empty DATA_DIR (migrations + demo seed); "warm" = the same folder
// again. Also reads "database ready" (open + migrations + seed, in ms) from the log on stderr.
//   npx tsx bench/cold-start.ts [--repeat 3] [--smoke]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { configKeys } from "../src/config.js";
import { PLATFORMS } from "../adapters/platforms.js";
import { parseArgs } from "./lib/args.js";
import { fmt, median, table } from "./lib/stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TIMEOUT_MS = 180_000;

interface Start {
  firstReplyMs: number;
  dbReadyMs: number;
  /** CPU time of the process (all threads) until the first reply; less skewed by other load. */
  cpuMs: number;
}

/** utime + stime of a running process from /proc (Linux; NaN elsewhere), in ms at 100 ticks/s. */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** One start: resolves with the timings once the process has answered and exited. */
function start(dataDir: string): Promise<Start> {
  // Only our settings: a developer's platform tokens in the environment must not start platforms.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !configKeys(PLATFORMS).includes(k)));
  const t0 = performance.now();
  const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--jsonl"], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  proc.stdin.write(`${JSON.stringify({ from: "console:a", text: "hi" })}\n`);
  let dbReadyMs = NaN;
  let firstReplyMs = NaN;
  let cpuMs = NaN;
  let stderrTail = "";
  createInterface({ input: proc.stderr }).on("line", (line) => {
    stderrTail = (stderrTail + line + "\n").slice(-2000);
    if (!line.includes('"database ready"')) return;
    dbReadyMs = (JSON.parse(line) as { ms?: number }).ms ?? NaN;
  });
  createInterface({ input: proc.stdout }).on("line", (line) => {
    if (!Number.isNaN(firstReplyMs) || !line.startsWith("{")) return;
    firstReplyMs = performance.now() - t0;
    cpuMs = cpuOf(proc.pid);
    proc.stdin.end(); // end of input: the console stops and the process shuts down
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => proc.kill("SIGKILL"), TIMEOUT_MS);
    proc.on("error", reject);
    proc.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0 && !Number.isNaN(firstReplyMs)) resolve({ firstReplyMs, dbReadyMs, cpuMs });
      else reject(new Error(`start failed (exit ${code}, reply ${Number.isNaN(firstReplyMs) ? "none" : "ok"}):\n${stderrTail}`));
    });
  });
}

async function main(): Promise<void> {
  const args = parseArgs();
  const repeat = args.num("repeat", args.has("smoke") ? 1 : 3);
  const fresh: Start[] = [];
  const warm: Start[] = [];
  for (let i = 0; i < repeat; i++) {
    const dir = mkdtempSync(join(tmpdir(), "mentorbro-cold-"));
    try {
      fresh.push(await start(dir));
      warm.push(await start(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const row = (name: string, s: Start[]) => {
    const reply = s.map((x) => x.firstReplyMs);
    const db = s.map((x) => x.dbReadyMs);
    const cpu = s.map((x) => x.cpuMs);
    return [name, s.length, fmt(Math.min(...reply), 0), fmt(median(reply), 0), fmt(Math.min(...db), 0), fmt(median(db), 0), fmt(median(cpu), 0)];
  };
  console.log("cold start to first reply: node --import tsx src/main.ts --jsonl, embedded database");
  console.log(table(["start", "runs", "reply min ms", "median ms", "db ready min ms", "median ms", "cpu median ms"], [row("fresh", fresh), row("warm", warm)]));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
