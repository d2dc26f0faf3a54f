// Telegram specifics beyond the shared contract: callback handling, files, forms, webhook auth codes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScriptedCore, FORM } from "../../test/fakes/fake-core.js";
import { createTelegramHarness, type TelegramHarness } from "../../test/contract/telegram-harness.js";
import { updateToEvent } from "./inbound/to-event.js";

describe("telegram adapter", () => {
  let h: TelegramHarness;
  beforeEach(async () => {
    h = createTelegramHarness("webhook");
    await h.start(createScriptedCore());
  });
  afterEach(() => h.stop());

  it("registers the webhook with its secret token", () => {
    expect(h.fake.webhook).toMatchObject({ secret: "s3cret-token" });
    expect(h.fake.webhook?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/telegram\/webhook$/);
  });

  it("answers the callback query and removes the pressed keyboard", async () => {
    await h.sendText("bob", "Hej");
    await h.pressButton("bob", "choice:no");
    const methods = h.fake.calls.map((c) => c.method);
    expect(methods).toContain("answerCallbackQuery");
    const edit = h.fake.calls.find((c) => c.method === "editMessageReplyMarkup");
    expect(edit?.body).toMatchObject({ chat_id: 1001, message_id: 1 });
  });

  it("answers 401 without the secret header and 403 with a wrong one", async () => {
    const update = {
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "x" }, text: "x" },
    };
    expect(await h.fake.deliver(update, { secret: null })).toBe(401);
    expect(await h.fake.deliver(update, { secret: "wrong" })).toBe(403);
  });

  it("renders a form as its text only (the core asks field by field)", async () => {
    await h.channel.send({ to: h.identityOf("bob"), text: "Please fill in", form: FORM });
    expect(h.received("bob").at(-1)).toMatchObject({ text: "Please fill in", buttons: [] });
  });

  it("sends a CSV as a multipart document and a PNG as a photo", async () => {
    const to = h.identityOf("bob");
    await h.channel.send({ to, text: "", file: { name: "report.csv", mime: "text/csv", base64: Buffer.from("a,b\n1,2\n").toString("base64") } });
    await h.channel.send({ to, text: "Chart", file: { name: "chart.png", mime: "image/png", base64: Buffer.from("png").toString("base64") } });
    const doc = h.fake.calls.find((c) => c.method === "sendDocument");
    expect(doc?.body.document).toMatchObject({ filename: "report.csv" });
    expect((doc?.body.document as { bytes: Buffer }).bytes.toString()).toBe("a,b\n1,2\n");
    expect(h.fake.calls.filter((c) => c.method !== "getMe" && c.method !== "setWebhook").map((c) => c.method)).toEqual([
      "sendDocument",
      "sendMessage",
      "sendPhoto",
    ]);
  });

  it("ignores group chatter: groups are alert targets, not conversations", () => {
    const update = {
      update_id: 2,
      message: { message_id: 1, date: 0, chat: { id: -100123, type: "supergroup", title: "c" }, from: { id: 5, is_bot: false, first_name: "x" }, text: "hi" },
    };
    expect(updateToEvent(update as never)).toBeUndefined();
  });
});
