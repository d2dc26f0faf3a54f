import { defineConfig } from "vitest/config";

// The long runs (real SIGKILLs, the 10,000-message fuzz, crash points) live in
// vitest.robustness.config.ts (`npm run test:robustness`) so `npm test` stays quick to iterate on.
export const LONG_RUNS = ["test/robustness/sigkill.test.ts", "test/robustness/fuzz-core-*.test.ts", "test/robustness/crash-points.test.ts"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "adapters/**/*.test.ts"],
    exclude: ["test/pg/**", "node_modules/**", ...LONG_RUNS],
    // A test that needs longer says so itself (the JSONL runs spawn the real bot).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Both cores, and test files share a worker's loaded modules instead of each importing Prisma,
    // PGlite and the SDKs afresh: 5 min → 2 min here. Files share no state: each opens its own
    // in-memory database and app, and the text catalogue is the same for all.
    maxWorkers: 2,
    isolate: false,
    setupFiles: ["test/setup.ts"],
  },
});
