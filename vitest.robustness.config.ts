// The long robustness runs: 100 real SIGKILLs, 10,000 hostile messages, 100 crash points.
import { defineConfig } from "vitest/config";
import { LONG_RUNS } from "./vitest.config.js";

export default defineConfig({
  test: {
    include: LONG_RUNS,
    // Each long run declares how long it may take; anything else gets the usual 30 s.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
  },
});
