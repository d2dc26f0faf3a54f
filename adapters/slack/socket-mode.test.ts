// Socket Mode: the same listeners, fed over a WebSocket from the fake instead of signed HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { createScriptedCore } from "../../test/fakes/fake-core.js";
import { startFakeSlack, type FakeSlack } from "../../test/fakes/fake-slack.js";
import { waitFor } from "../../test/fakes/http-util.js";
import { blockAction, dmOf, messageEvent } from "../../test/fakes/slack-payloads.js";
import { MentorbroError } from "../../src/core/errors.js";
import type { BotCore } from "../../src/core/messages.js";
import type { PlatformAdapter } from "../platform.js";
import { createSlackAdapter } from "./index.js";

describe("slack adapter in Socket Mode", () => {
  let fake: FakeSlack | undefined;
  let adapter: PlatformAdapter | undefined;
  afterEach(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it("receives a DM and a button press over the socket, acks each envelope, and replies", async () => {
    fake = await startFakeSlack();
    const core = createScriptedCore();
    adapter = createSlackAdapter({ core, botToken: "xoxb-test", apiUrl: fake.apiUrl, mode: { kind: "socket", appToken: "xapp-test" } });
    expect(adapter.routes).toEqual([]);
    await adapter.start();
    await waitFor(() => fake?.socketOpen === true, 5_000, "socket connection");

    const event = messageEvent("U1", { text: "Hej" });
    const first = fake.sendEnvelope("events_api", event);
    await waitFor(() => fake?.rendered.length === 1, 5_000, "reply");
    expect(core.events[0]).toMatchObject({ from: "slack:T1:U1", text: "Hej", eventId: `slack:ev:${event.event_id}` });
    expect(fake.rendered[0]).toMatchObject({ target: dmOf("U1"), text: "Got: Hej" });
    expect(fake.acks.map((a) => a.envelope_id)).toContain(first);

    const reply = fake.rendered[0];
    if (!reply) throw new Error("no reply");
    fake.sendEnvelope("interactive", blockAction("U1", reply, { action_id: "mentorbro:btn:0", value: "choice:yes", label: "Yes" }));
    await waitFor(() => core.events.length === 2, 5_000, "button press");
    expect(core.events[1]).toMatchObject({ action: "choice:yes" });
    await waitFor(() => fake?.rendered.length === 2, 5_000, "second reply");
  });

  it("holds an event while the database is down (the envelope is acked already) and answers once it is back", async () => {
    fake = await startFakeSlack();
    let tries = 0;
    const core: BotCore = {
      async handle(event, deliver) {
        if (++tries <= 2) throw new MentorbroError("DB_UNAVAILABLE", "Database unavailable");
        const out = [{ to: event.from, text: "back" }];
        for (const m of out) await deliver?.(m);
        return out;
      },
    };
    adapter = createSlackAdapter({
      core,
      botToken: "xoxb-test",
      apiUrl: fake.apiUrl,
      mode: { kind: "socket", appToken: "xapp-test" },
      unavailableRetryMs: 10,
      onError: () => undefined,
    });
    await adapter.start();
    await waitFor(() => fake?.socketOpen === true, 5_000, "socket connection");
    const envelope = fake.sendEnvelope("events_api", messageEvent("U2", { text: "Hej" }));
    await waitFor(() => fake?.rendered.length === 1, 5_000, "reply after the outage");
    expect(tries).toBe(3);
    expect(fake.acks.map((a) => a.envelope_id)).toContain(envelope);
    expect(fake.rendered.map((r) => r.text)).toEqual(["back"]);
  });
});
