// The contract every platform adapter must pass: the same scenarios, driven through the real SDK
// against a fake platform server. Each <platform>.test.ts calls runContractSuite with its harness.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdapterError, isRetryable } from "../../src/core/errors.js";
import { createScriptedCore, FORM, type ScriptedCore } from "../fakes/fake-core.js";
import { waitFor, type WireRequest } from "../fakes/http-util.js";
import type { PlatformHarness, Rendered } from "./harness.js";

export type MediaKind = "photo" | "sticker" | "voice" | "document";

/** What the suite needs beyond PlatformHarness (candidates for harness.ts). */
export interface ContractHarness extends PlatformHarness {
  /** The next outbound send on the fake platform answers 429 with this retry-after. */
  rateLimitNextSend(retryAfterSeconds: number): void;
  /** The next outbound send on the fake platform answers this 5xx (the platform's usual error body). */
  failNextSend(status: number): void;
  /** Non-text kinds the platform can deliver natively (Slack has no stickers, Teams no voice notes). */
  readonly mediaKinds: readonly MediaKind[];
  /** The last inbound request exactly as sent (signature, timestamp, token, body); throws without inbound HTTP. */
  lastRequest(): WireRequest;
  /** Sends a captured request unchanged to this harness's endpoint, as an eavesdropper would; resolves to the status. */
  sendReplayed(request: WireRequest): Promise<number>;
  /**
   * Correctly signed requests the adapter must still refuse, label → status: stale credentials (Slack
   * timestamp older than 5 minutes, Teams token expired beyond the clock tolerance) or credentials
   * issued for another bot (Teams audience/serviceUrl).
   */
  sendStale(): Promise<Record<string, number>>;
}

export interface SuiteOptions {
  /** Scenario → reason, for scenarios that do not apply to this platform/mode. */
  skip?: { forged?: string; form?: string; replay?: string; stale?: string };
}

const BUTTON_VIEW = [
  { label: "Yes", action: "choice:yes" },
  { label: "No", action: "choice:no" },
];

export function runContractSuite(name: string, makeHarness: () => ContractHarness, options: SuiteOptions = {}): void {
  describe(`${name} adapter contract`, () => {
    let h: ContractHarness;
    let core: ScriptedCore;

    beforeEach(async () => {
      core = createScriptedCore();
      h = makeHarness();
      await h.start(core);
    });
    afterEach(async () => {
      await h.stop();
    });

    const last = (key: string): Rendered | undefined => h.received(key).at(-1);
    const lastEvent = () => core.events.at(-1);
    async function replyCount(key: string, n: number): Promise<void> {
      await waitFor(() => h.received(key).length >= n, 5_000, `${n} message(s) to ${key}`);
    }

    it("first contact: text reaches the core with the identity, reply rendered with native buttons", async () => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      const event = core.events[0];
      expect(event).toMatchObject({ from: h.identityOf("alice"), text: "Hej" });
      expect(event?.eventId).toMatch(new RegExp(`^${h.platform}:`));
      expect(event?.conversationRef).toBeDefined();
      expect(event?.displayName).toBeTruthy();
      expect(last("alice")).toMatchObject({ text: "Got: Hej", buttons: BUTTON_VIEW });
    });

    it("a choice by button reaches the core as `action`", async () => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      await h.pressButton("alice", "choice:yes");
      await replyCount("alice", 2);
      expect(lastEvent()).toMatchObject({ from: h.identityOf("alice"), action: "choice:yes" });
      expect(lastEvent()?.text).toBeUndefined();
      expect(last("alice")?.text).toBe("Got: choice:yes");
    });

    it("a choice typed by hand reaches the core as text", async () => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      await h.sendText("alice", "Yes");
      await replyCount("alice", 2);
      expect(lastEvent()).toMatchObject({ from: h.identityOf("alice"), text: "Yes" });
      expect(lastEvent()?.action).toBeUndefined();
    });

    it.skipIf(options.skip?.form !== undefined)(
      `a multi-field answer arrives as fields${options.skip?.form ? ` (skipped: ${options.skip.form})` : ""}`,
      async () => {
        await h.sendText("alice", "form");
        await replyCount("alice", 1);
        expect(last("alice")?.formFields).toEqual(FORM.fields.map((f) => f.name));
        if (!h.submitForm) throw new Error("harness has no submitForm");
        const fields = { hours: "5", note: "Went to two interviews", mood: "good" };
        await h.submitForm("alice", FORM.id, fields);
        await waitFor(() => core.events.length === 2, 5_000, "form submission");
        expect(lastEvent()).toMatchObject({ from: h.identityOf("alice"), action: FORM.id, fields });
      },
    );

    it("a proactive message reaches the person through the stored conversationRef", async () => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      // Refs are stored as JSON in the database: they must survive a round trip.
      const ref: unknown = JSON.parse(JSON.stringify(core.events[0]?.conversationRef));
      await h.channel.send({ to: h.identityOf("alice"), text: "Time for your weekly check-in", buttons: BUTTON_VIEW.map((b) => ({ ...b })) }, ref);
      await replyCount("alice", 2);
      expect(last("alice")).toMatchObject({ text: "Time for your weekly check-in", buttons: BUTTON_VIEW });
    });

    it("an alert reaches the coordinators' channel target", async () => {
      await h.channel.send({ to: h.alertTarget, text: "Alert: a match needs attention" });
      await replyCount(h.alertTarget, 1);
      expect(last(h.alertTarget)?.text).toBe("Alert: a match needs attention");
    });

    it.skipIf(options.skip?.forged !== undefined)(
      `a forged request is rejected and never reaches the core${options.skip?.forged ? ` (skipped: ${options.skip.forged})` : ""}`,
      async () => {
        const status = await h.sendForged();
        expect([401, 403]).toContain(status);
        expect(core.events).toHaveLength(0);
      },
    );

    const skipNote = (reason: string | undefined) => (reason ? ` (skipped: ${reason})` : "");

    it.skipIf(options.skip?.stale !== undefined)(
      `a correctly signed but stale or misdirected request is rejected and never reaches the core${skipNote(options.skip?.stale)}`,
      async () => {
        const statuses = await h.sendStale();
        expect(Object.keys(statuses).length).toBeGreaterThan(0);
        for (const [what, status] of Object.entries(statuses)) expect([401, 403], what).toContain(status);
        expect(core.events).toHaveLength(0);
      },
    );

    it.skipIf(options.skip?.replay !== undefined)(
      `an exact replay of a processed request (message, button press) reaches the core at most once${skipNote(options.skip?.replay)}`,
      async () => {
        await h.sendText("alice", "Hej");
        await replyCount("alice", 1);
        const message = h.lastRequest();
        await h.pressButton("alice", "choice:yes");
        await replyCount("alice", 2);
        const press = h.lastRequest();
        // Answered like a redelivery (2xx, so a real platform stops retrying), but dropped.
        for (const request of [message, press, message]) expect(await h.sendReplayed(request)).toBe(200);
        await h.sendText("alice", "after");
        await replyCount("alice", 3);
        expect(core.events.map((e) => e.text ?? e.action)).toEqual(["Hej", "choice:yes", "after"]);
        expect(h.received("alice").map((r) => r.text)).toEqual(["Got: Hej", "Got: choice:yes", "Got: after"]);
      },
    );

    // The in-memory dedupe (adapters/http/recent-ids.ts) lives and dies with one process: a replay
    // to a restarted process or another replica gets through it. What stops it there is the core's
    // durable dedupe on eventId (InboundEvent), so the eventId must come from the request alone.
    it.skipIf(options.skip?.replay !== undefined)(
      `a replay to another process carries the same eventId, for the core's durable dedupe${skipNote(options.skip?.replay)}`,
      async () => {
        await h.sendText("alice", "Hej");
        await replyCount("alice", 1);
        const captured = h.lastRequest();
        const otherCore = createScriptedCore();
        const other = makeHarness();
        await other.start(otherCore);
        try {
          expect(await other.sendReplayed(captured)).toBe(200);
          await waitFor(() => otherCore.events.length === 1, 5_000, "the replay in the other process");
          expect(otherCore.events[0]?.eventId).toBe(core.events[0]?.eventId);
        } finally {
          await other.stop();
        }
      },
    );

    it("a duplicate delivery is processed once", async () => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      await h.redeliverLast();
      await h.sendText("alice", "after");
      await replyCount("alice", 2);
      expect(core.events.map((e) => e.text)).toEqual(["Hej", "after"]);
      expect(h.received("alice").map((r) => r.text)).toEqual(["Got: Hej", "Got: after"]);
    });

    it("media arrives with `media` set and no text", async () => {
      for (const kind of h.mediaKinds) {
        const before = core.events.length;
        await h.sendMedia("alice", kind);
        await waitFor(() => core.events.length === before + 1, 5_000, `${kind} event`);
        expect(lastEvent()).toMatchObject({ from: h.identityOf("alice"), media: kind });
        expect(lastEvent()?.text).toBeUndefined();
      }
      await replyCount("alice", h.mediaKinds.length);
      expect(last("alice")?.text).toBe("I can only read text");
    });

    it("a 429 from the platform surfaces as RATE_LIMITED with retryAfterMs, without looping", async () => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      h.rateLimitNextSend(7);
      const ref = core.events[0]?.conversationRef;
      const err = await h.channel.send({ to: h.identityOf("alice"), text: "check-in" }, ref).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ platform: h.platform, code: "RATE_LIMITED", retryAfterMs: 7000 });
      // The limit was one-off: the outbox's retry goes through.
      await h.channel.send({ to: h.identityOf("alice"), text: "check-in" }, ref);
      await replyCount("alice", 2);
    });

    it.each([500, 503])("a %i from the platform surfaces as a retryable SEND_FAILED at once, and the next send goes through", async (status) => {
      await h.sendText("alice", "Hej");
      await replyCount("alice", 1);
      h.failNextSend(status);
      const ref = core.events[0]?.conversationRef;
      const started = Date.now();
      const err = await h.channel.send({ to: h.identityOf("alice"), text: "check-in" }, ref).catch((e: unknown) => e);
      // The failure is one-off: had the SDK retried it internally, the send would have succeeded.
      // Nor may it sleep on a backoff inside the send: the outbox owns the retries.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ platform: h.platform, code: "SEND_FAILED" });
      expect(isRetryable(err as AdapterError)).toBe(true);
      expect(h.received("alice")).toHaveLength(1);
      await h.channel.send({ to: h.identityOf("alice"), text: "check-in" }, ref);
      await replyCount("alice", 2);
      expect(h.received("alice").map((r) => r.text)).toEqual(["Got: Hej", "check-in"]);
    });
  });
}
