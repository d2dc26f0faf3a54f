// Slack over HTTP while the database is down: the event is answered 500, and Slack's retry of it
// (reason http_error) is processed once the core can take it again.
import { afterEach, describe, expect, it } from "vitest";
import { MentorbroError } from "../../src/core/errors.js";
import type { BotCore, InboundEvent } from "../../src/core/messages.js";
import { createSlackHarness, type SlackHarness } from "../../test/contract/slack-harness.js";
import { messageEvent } from "../../test/fakes/slack-payloads.js";

let h: SlackHarness | undefined;
afterEach(() => h?.stop());

describe("slack adapter, database down", () => {
  it("answers 500, then processes Slack's http_error retry", async () => {
    const events: InboundEvent[] = [];
    let down = true;
    const core: BotCore = {
      async handle(event, deliver) {
        events.push(event);
        if (down) throw new MentorbroError("DB_UNAVAILABLE", "Database unavailable");
        await deliver?.({ to: event.from, text: "back" });
        return [{ to: event.from, text: "back" }];
      },
    };
    h = createSlackHarness();
    await h.start(core);
    const body = JSON.stringify(messageEvent(h.userId("bob"), { text: "hej" }));
    expect((await h.postSigned(body, "application/json")).status).toBe(500);
    down = false;
    const retry = await h.postSigned(body, "application/json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" });
    expect(retry.status).toBe(200);
    expect(events.map((e) => e.text)).toEqual(["hej", "hej"]);
    expect(h.received("bob").map((r) => r.text)).toEqual(["back"]);
  });
});
