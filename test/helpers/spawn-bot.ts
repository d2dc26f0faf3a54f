// Runs the real bot as a child process in --jsonl mode (the README's run command without the
// install step), for end-to-end and crash tests.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export interface BotProcess {
  child: ChildProcess;
  lines: unknown[];
  /** Resolves once `n` JSON lines arrived (or rejects after `ms`). */
  waitForLines(n: number, ms?: number): Promise<unknown[]>;
  /** Resolves with the first line matching `pred` (or rejects after `ms`). */
  waitFor(pred: (line: unknown) => boolean, ms?: number): Promise<unknown>;
  send(event: unknown): void;
  end(): Promise<number>;
  stderr(): string;
}

export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--jsonl"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: unknown[] = [];
  let buf = "";
  let err = "";
  const waiters: (() => void)[] = [];
  child.stdout!.on("data", (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) lines.push(JSON.parse(line));
    }
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number>((res) => child.on("exit", (code) => res(code ?? -1)));
  return {
    child,
    lines,
    waitForLines(n, ms = 240_000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`only ${lines.length} of ${n} lines; stderr: ${err.slice(-500)}`)), ms);
        const check = () => {
          if (lines.length >= n) {
            clearTimeout(timer);
            res(lines.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    waitFor(pred, ms = 240_000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no matching line among ${lines.length}; stderr: ${err.slice(-500)}`)), ms);
        const check = () => {
          const hit = lines.find(pred);
          if (hit !== undefined) {
            clearTimeout(timer);
            res(hit);
          } else waiters.push(check);
        };
        check();
      });
    },
    send(event) {
      child.stdin!.write(`${JSON.stringify(event)}\n`);
    },
    async end() {
      child.stdin!.end();
      return exited;
    },
    stderr: () => err,
  };
}
