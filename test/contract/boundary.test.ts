// Layer rules, checked from source: the core never sees a platform SDK, and each SDK stays inside
// its own adapter folder (so, e.g., botbuilder can be swapped for the Agents SDK in one place).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const SDKS: Record<string, RegExp> = {
  telegram: /^(telegraf)(\/|$)/,
  slack: /^@slack\//,
  teams: /^(botbuilder|botframework-)/,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts|js)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1] ?? "");
}

function violations(dir: string, allowed: string | undefined): string[] {
  return sources(join(ROOT, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => Object.entries(SDKS).some(([platform, re]) => platform !== allowed && re.test(spec)))
      .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
  );
}

describe("import boundaries", () => {
  it("src/ imports no platform SDK", () => {
    expect(violations("src", undefined)).toEqual([]);
  });

  it("each adapter imports only its own platform's SDK, and the shared http folder none", () => {
    expect(violations("adapters/http", undefined)).toEqual([]);
    for (const platform of Object.keys(SDKS)) expect(violations(`adapters/${platform}`, platform)).toEqual([]);
  });
});
