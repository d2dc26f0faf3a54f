// Teams: a connector 503 may carry Retry-After (Azure's convention; the SDK's own retry policy,
// which the adapter removes, would have slept on it). The adapter passes it on to the outbox
// instead of sleeping, and a 5xx without it leaves the backoff to the outbox.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdapterError, isRetryable } from "../../src/core/errors.js";
import { createScriptedCore, type ScriptedCore } from "../fakes/fake-core.js";
import { waitFor } from "../fakes/http-util.js";
import { createTeamsHarness, type TeamsHarness } from "./teams-harness.js";

describe("teams: 5xx with and without Retry-After", () => {
  let h: TeamsHarness;
  let core: ScriptedCore;
  beforeEach(async () => {
    core = createScriptedCore();
    h = createTeamsHarness("jwt");
    await h.start(core);
    await h.sendText("alice", "Hej");
    await waitFor(() => h.received("alice").length === 1, 5_000, "first reply");
  });
  afterEach(async () => h.stop());

  const sendOnce = () => h.channel.send({ to: h.identityOf("alice"), text: "check-in" }, core.events[0]?.conversationRef).catch((e: unknown) => e);

  it("a 503 with Retry-After is a retryable SEND_FAILED carrying retryAfterMs, not slept on", async () => {
    h.fake.failNext(503, 9);
    const started = Date.now();
    const err = await sendOnce();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ platform: "teams", code: "SEND_FAILED", retryAfterMs: 9000 });
    expect(isRetryable(err as AdapterError)).toBe(true);
    expect(h.fake.refused).toEqual([503]);
    expect(h.received("alice")).toHaveLength(1);
  });

  it("a 500 without Retry-After leaves the wait to the outbox", async () => {
    h.fake.failNext(500);
    const err = await sendOnce();
    expect(err).toMatchObject({ platform: "teams", code: "SEND_FAILED", retryAfterMs: undefined });
  });
});
