// Messages 1–5,000 of the 10,000-message fuzz run through the full core and its database
// (generator and checks in fuzz-input.ts): one shard here, one in a worker thread on the other core.
import { describe, expect, it } from "vitest";
import { runCoreShard, runCoreShardInWorker } from "./fuzz-input.js";

describe("fuzzing the full core with its database, messages 1–5,000 of 10,000", () => {
  it("answers each message clearly, never crashes, and leaves the database consistent", { timeout: 900_000 }, async () => {
    const results = await Promise.all([runCoreShard(0), runCoreShardInWorker(1)]);
    // Both shards' problems in one report: each lists the message, its sender and state, and what went wrong.
    expect(results.map((r) => ({ failures: r.failures, inconsistencies: r.inconsistencies }))).toEqual(
      results.map(() => ({ failures: [], inconsistencies: {} })),
    );
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(5000);
  });
});
