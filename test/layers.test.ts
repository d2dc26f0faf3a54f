// The layer rules live in .dependency-cruiser.cjs and run with `npm run lint`. This proves they
// bite: a small tree with one deliberate violation of each rule is cruised with the same config.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mb-layers-"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", allowImportingTsExtensions: true, noEmit: true } }),
  );
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function cruise(dir: string): string {
  try {
    execFileSync(join(ROOT, "node_modules/.bin/depcruise"), ["src", "adapters", "--config", join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "err"], {
      cwd: dir,
      encoding: "utf8",
    });
    return "";
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

describe("layer rules", () => {
  it("fail on each kind of violation, and pass a tree that keeps them", { timeout: 120_000 }, () => {
    const bad = tree({
      "src/capabilities/alpha/internal.ts": "export const a = 1;\n",
      "src/capabilities/alpha/index.ts": 'export { a } from "./internal.js";\n',
      "src/capabilities/beta/index.ts": 'import { a } from "../alpha/internal.js";\nexport const b = a;\n',
      "src/core/conversation/router.ts": 'import { a } from "../../capabilities/alpha/index.js";\nexport const r = a;\n',
      "src/lib/pure.ts": 'import { r } from "../core/conversation/router.js";\nexport const p = r;\n',
      "src/core/uses-adapter.ts": 'import { x } from "../../adapters/slack/index.js";\nexport const y = x;\n',
      "adapters/slack/index.ts": "export const x = 1;\n",
      "adapters/teams/index.ts": 'import { x } from "../slack/index.js";\nexport const t = x;\n',
      "src/core/sdk.ts": 'import { Telegraf } from "telegraf";\nexport const T = Telegraf;\n',
      "adapters/teams/bolt.ts": 'import { App } from "@slack/bolt";\nexport const A = App;\n',
    });
    const out = cruise(bad);
    for (const rule of [
      "capability-public-surface",
      "core-imports-no-capability",
      "lib-is-pure",
      "src-never-imports-adapters",
      "sdk-only-in-its-adapter",
      "slack-sdk-only-in-slack-adapter",
    ])
      expect(out, rule).toContain(`error ${rule}:`);
    const good = tree({
      "src/capabilities/alpha/internal.ts": "export const a = 1;\n",
      "src/capabilities/alpha/index.ts": 'export { a } from "./internal.js";\n',
      "src/capabilities/beta/index.ts": 'import { a } from "../alpha/index.js";\nexport const b = a;\n',
      "src/core/conversation/router.ts": "export const r = 1;\n",
      "adapters/slack/index.ts": 'import { r } from "../../src/core/conversation/router.js";\nexport const x = r;\n',
    });
    expect(cruise(good)).toBe("");
  });
});
