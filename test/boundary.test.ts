// The core must never depend on a platform SDK: only adapters/ may import them.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "generated") return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const FORBIDDEN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](telegraf|@slack\/[\w-]+|botbuilder[\w-]*|botframework-[\w-]+)["']/;

describe("ports and adapters boundary", () => {
  const sources = files("src");
  it("finds the core's sources", () => expect(sources.length).toBeGreaterThan(10));
  it.each(sources)("%s imports no platform SDK", (file) => {
    expect(readFileSync(file, "utf8")).not.toMatch(FORBIDDEN);
  });
  it("the check itself catches an SDK import", () => {
    expect(`import { Telegraf } from "telegraf";`).toMatch(FORBIDDEN);
    expect(`const b = await import('@slack/bolt')`).toMatch(FORBIDDEN);
    expect(`import { CloudAdapter } from 'botbuilder'`).toMatch(FORBIDDEN);
  });
});
