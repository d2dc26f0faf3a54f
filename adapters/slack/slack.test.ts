// Slack specifics beyond the shared contract: retries, modal validation, pressed buttons, files.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScriptedCore, type ScriptedCore } from "../../test/fakes/fake-core.js";
import { messageEvent } from "../../test/fakes/slack-payloads.js";
import { createSlackHarness, type SlackHarness } from "../../test/contract/slack-harness.js";

describe("slack adapter", () => {
  let h: SlackHarness;
  let core: ScriptedCore;
  beforeEach(async () => {
    core = createScriptedCore();
    h = createSlackHarness();
    await h.start(core);
  });
  afterEach(() => h.stop());

  it("acknowledges but ignores Slack retries (X-Slack-Retry-Num)", async () => {
    const body = JSON.stringify(messageEvent(h.userId("bob"), { text: "retry" }));
    const res = await h.postSigned(body, "application/json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(res.status).toBe(200);
    expect(core.events).toHaveLength(0);
  });

  it("takes display name and locale from users.info, once per user", async () => {
    await h.sendText("bob", "one");
    await h.sendText("bob", "two");
    expect(core.events[0]).toMatchObject({ displayName: `Display ${h.userId("bob")}`, locale: "da-DK" });
    expect(h.fake.calls.filter((c) => c.method === "users.info")).toHaveLength(1);
  });

  it("ignores channel messages and the bot's own messages", async () => {
    await h.postSigned(JSON.stringify(messageEvent(h.userId("bob"), { text: "x", channel: "C99", channel_type: "channel" })), "application/json");
    await h.postSigned(JSON.stringify(messageEvent(h.userId("bob"), { text: "x", bot_id: "BBOT", subtype: "bot_message" })), "application/json");
    expect(core.events).toHaveLength(0);
  });

  it("replaces pressed buttons with the choice", async () => {
    await h.sendText("bob", "Hej");
    await h.pressButton("bob", "choice:no");
    const update = h.fake.calls.find((c) => c.method === "chat.update");
    const blocks = JSON.parse(String(update?.body.blocks)) as { type: string }[];
    expect(blocks.map((b) => b.type)).toEqual(["section", "context"]);
    expect(JSON.stringify(blocks)).toContain("✓ No");
  });

  it("opens the form as a modal with Block Kit inputs", async () => {
    await h.sendText("bob", "form");
    await h.submitView("bob", { hours: "3", mood: "bad" });
    const open = h.fake.calls.find((c) => c.method === "views.open");
    expect(open?.body.trigger_id).toMatch(/^trig-/);
    const view = JSON.parse(String(open?.body.view)) as { blocks: { block_id: string; element: { type: string } }[] };
    expect(view.blocks.map((b) => [b.block_id, b.element.type])).toEqual([
      ["hours", "number_input"],
      ["note", "plain_text_input"],
      ["mood", "static_select"],
    ]);
    expect(core.events.at(-1)).toMatchObject({ action: "weekly", fields: { hours: "3", mood: "bad" } });
  });

  it("rejects a non-number in a number field inside the modal, without reaching the core", async () => {
    await h.sendText("bob", "form");
    const res = await h.submitView("bob", { hours: "lots", mood: "good" });
    expect(JSON.parse(res.text)).toEqual({ response_action: "errors", errors: { hours: "Skriv et tal / Enter a number" } });
    expect(core.events).toHaveLength(1);
  });

  it("uploads files with files.uploadV2 and opens a DM when there is no conversationRef", async () => {
    await h.channel.send({
      to: h.identityOf("carol"),
      text: "Your report",
      file: { name: "r.csv", mime: "text/csv", base64: Buffer.from("a,b").toString("base64") },
    });
    const methods = h.fake.calls.map((c) => c.method);
    expect(methods).toEqual(
      expect.arrayContaining(["conversations.open", "chat.postMessage", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"]),
    );
    const upload = h.fake.calls.find((c) => c.method === "upload");
    expect(String(upload?.body.bytes)).toContain("a,b");
    const complete = h.fake.calls.find((c) => c.method === "files.completeUploadExternal");
    expect(complete?.body.channel_id).toBe(h.userId("carol").replace(/^U/, "D"));
  });
});
