// Long polling while the database is down: the update is held and retried, not lost.
import { afterEach, describe, expect, it } from "vitest";
import { MentorbroError } from "../../src/core/errors.js";
import type { BotCore, InboundEvent } from "../../src/core/messages.js";
import { startFakeTelegram, type FakeTelegram } from "../../test/fakes/fake-telegram.js";
import { waitFor } from "../../test/fakes/http-util.js";
import type { PlatformAdapter } from "../platform.js";
import { createTelegramAdapter } from "./index.js";

const TOKEN = "777:HOLD";
let fake: FakeTelegram | undefined;
let adapter: PlatformAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe("telegram long polling with the database down", () => {
  it("retries the update until the core takes it, then answers", async () => {
    fake = await startFakeTelegram(TOKEN);
    const events: InboundEvent[] = [];
    const core: BotCore = {
      async handle(event, deliver) {
        events.push(event);
        if (events.length <= 2) throw new MentorbroError("DB_UNAVAILABLE", "Database unavailable");
        await deliver?.({ to: event.from, text: "back" });
        return [{ to: event.from, text: "back" }];
      },
    };
    adapter = createTelegramAdapter({ token: TOKEN, core, mode: { kind: "polling" }, apiRoot: fake.url, unavailableRetryMs: 10, onError: () => undefined });
    await adapter.start();
    await fake.deliver({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "A" }, text: "hej" },
    });
    await waitFor(() => fake!.rendered.length === 1, 5_000, "reply");
    expect(events.map((e) => e.text)).toEqual(["hej", "hej", "hej"]);
    expect(fake.rendered[0]?.text).toBe("back");
  });

  it("stop() ends the waiting at once", async () => {
    fake = await startFakeTelegram(TOKEN);
    let calls = 0;
    const core: BotCore = {
      async handle() {
        calls++;
        throw new MentorbroError("DB_UNAVAILABLE", "Database unavailable");
      },
    };
    adapter = createTelegramAdapter({ token: TOKEN, core, mode: { kind: "polling" }, apiRoot: fake.url, unavailableRetryMs: 60_000, onError: () => undefined });
    await adapter.start();
    void fake.deliver({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "A" }, text: "hej" },
    });
    await waitFor(() => calls === 1, 5_000, "first try");
    const started = Date.now();
    await adapter.stop();
    adapter = undefined;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(calls).toBe(1);
  });
});
