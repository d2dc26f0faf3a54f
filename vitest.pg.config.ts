// PostgreSQL integration suite: needs a server (DATABASE_URL, default the local test database).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/pg/**/*.test.ts"],
    // A test that needs longer says so itself.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
  },
});
