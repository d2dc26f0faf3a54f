// Slack reports most failures as HTTP 200 with { ok: false, error }, transient server trouble
// included (internal_error, fatal_error, service_unavailable, request_timeout). Those must surface
// as retryable like an HTTP 5xx; a request Slack will never accept (channel_not_found) must not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdapterError, isRetryable } from "../../src/core/errors.js";
import { createScriptedCore } from "../fakes/fake-core.js";
import { waitFor } from "../fakes/http-util.js";
import { createSlackHarness, type SlackHarness } from "./slack-harness.js";

describe("slack: errors in the response body", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = createSlackHarness();
    await h.start(createScriptedCore());
    await h.sendText("alice", "Hej");
    await waitFor(() => h.received("alice").length === 1, 5_000, "first reply");
  });
  afterEach(async () => h.stop());

  const sendOnce = () => h.channel.send({ to: h.identityOf("alice"), text: "check-in" }).catch((e: unknown) => e);

  it.each(["internal_error", "fatal_error", "service_unavailable", "request_timeout"])("%s is a retryable SEND_FAILED", async (error) => {
    h.fake.platformErrorNext(error);
    const err = await sendOnce();
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ platform: "slack", code: "SEND_FAILED" });
    expect(isRetryable(err as AdapterError)).toBe(true);
    await h.channel.send({ to: h.identityOf("alice"), text: "check-in" });
    expect(h.received("alice").map((r) => r.text)).toEqual(["Got: Hej", "check-in"]);
  });

  it("channel_not_found is not retryable", async () => {
    h.fake.platformErrorNext("channel_not_found");
    const err = await sendOnce();
    expect(err).toMatchObject({ platform: "slack", code: "INVALID_INPUT" });
    expect(isRetryable(err as AdapterError)).toBe(false);
  });
});
