import { defineConfig } from "vitest/config";

// The long runs (real SIGKILLs, the 10,000-message fuzz, crash points) live in
// vitest.robustness.config.ts (`npm run test:robustness`) so `npm test` stays quick to iterate on.
export const LONG_RUNS = ["test/robustness/sigkill.test.ts", "test/robustness/fuzz-core-*.test.ts", "test/robustness/crash-points.test.ts"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "adapters/**/*.test.ts"],
    exclude: ["test/pg/**", "node_modules/**", ...LONG_RUNS],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
  },
});
