import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "adapters/**/*.test.ts"],
    exclude: ["test/pg/**", "node_modules/**"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
