// The README's run command in --jsonl mode: scripted conversations, config errors, and a SIGKILL
// in the middle of an intake that loses nothing committed.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnBot } from "../helpers/spawn-bot.js";

const ROOT = resolve(import.meta.dirname, "../..");
type Line = { to: string; text: string; buttons?: { action: string; label: string }[] };

describe("console --jsonl", () => {
  it("answers a first message with a JSON line and exits 0 at end of input", { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "mb-"));
    const res = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--jsonl"], {
      cwd: ROOT,
      input: '{"from":"console:a","text":"hi"}\nnot json\n{"advance":"P1D"}\n',
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Line & { error?: string });
    expect(lines[0]!.to).toBe("console:a");
    expect(lines[0]!.buttons?.map((b) => b.action)).toEqual(["lang:da", "lang:en"]);
    expect(lines[1]!.error).toMatch(/expected|JSON/);
  });

  it("stops with one clear line naming a bad variable", { timeout: 300_000 }, () => {
    const res = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--jsonl"], {
      cwd: ROOT,
      input: "",
      env: { ...process.env, DATABASE_URL: "mysql://nope", LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(res.status).not.toBe(0);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_URL/);
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("resumes at the same step after SIGKILL, with nothing committed lost", { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "mb-"));
    const a = spawnBot({ DATA_DIR: dir });
    const from = "console:kill";
    const script = [{ text: "hej" }, { action: "lang:en" }, { action: "role:mentee" }, { action: "yes" }, { action: "no" }, { action: "yes" }, { text: "Sam" }];
    for (const step of script) a.send({ from, ...step });
    // The process handles lines in order: once the question after "Sam" is out, all is committed.
    await a.waitFor((l) => /fits you best/.test((l as Line).text));
    a.child.kill("SIGKILL");
    await new Promise((r) => a.child.on("exit", r));

    const b = spawnBot({ DATA_DIR: dir });
    b.send({ from, text: "status" });
    const status = await b.waitFor((l) => /question \d+ of about/.test((l as Line).text));
    // Before it, at most the question that was in flight at the kill (written, not yet confirmed) comes again.
    const before = b.lines.slice(0, b.lines.indexOf(status)) as Line[];
    expect(before.length).toBeLessThanOrEqual(1);
    for (const l of before) expect(l.text).toMatch(/fits you best/);
    expect((status as Line).text).toMatch(/question 5 of about/);
    expect((status as Line).text).toMatch(/fits you best/);
    expect(await b.end()).toBe(0);
  });
});
