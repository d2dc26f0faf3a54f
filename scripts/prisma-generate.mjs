// Generates the Prisma client offline. `prisma generate` needs no schema engine, but the CLI refuses
// to start without one and cannot download it here: point it at any executable when none is installed.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  let hasNative = false;
  try {
    const enginesDir = dirname(require.resolve("@prisma/engines/package.json"));
    hasNative = readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
  } catch {
    hasNative = false;
  }
  if (!hasNative) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const cli = require.resolve("prisma/build/index.js");
if (!existsSync(cli)) throw new Error("prisma CLI not installed");
execFileSync(process.execPath, [cli, "generate"], { stdio: ["ignore", "inherit", "inherit"], env });
