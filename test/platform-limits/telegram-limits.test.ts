// Telegram's limits (adapters/telegram/limits.ts): the fake Bot API refuses an over-limit payload
// with Telegram's own 400, and the adapter sends the same content in a form Telegram takes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScriptedCore, type ScriptedCore } from "../fakes/fake-core.js";
import { waitFor } from "../fakes/http-util.js";
import { createTelegramHarness, type TelegramHarness } from "../contract/telegram-harness.js";
import { IMPORT_TEXT, LONG_TEXT, MARKUP_NAME } from "./content.js";

let tg: TelegramHarness;
let core: ScriptedCore;
beforeEach(async () => {
  tg = createTelegramHarness("webhook");
  core = createScriptedCore();
  await tg.start(core);
});
afterEach(() => tg.stop());

async function raw(method: string, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${tg.fake.url}/bot123456:TEST/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
/** The adapter's sendMessage calls since `from` (the raw calls before it are the test's own). */
const sends = (from = 0) =>
  tg.fake.calls
    .slice(from)
    .filter((c) => c.method === "sendMessage")
    .map((c) => c.body);
const chat = () => Number(tg.identityOf("coord").split(":")[1]);

describe("telegram limits", () => {
  it("a 5,000-character text: refused in one message, sent by the adapter as several at line breaks", async () => {
    expect(await raw("sendMessage", { chat_id: chat(), text: LONG_TEXT })).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: message is too long" },
    });
    const mark = tg.fake.calls.length;
    await tg.channel.send({ to: tg.identityOf("coord"), text: LONG_TEXT, buttons: [{ action: "ok", label: "OK" }] });
    const parts = sends(mark);
    expect(parts.length).toBe(2);
    expect(parts.every((p) => String(p.text).length <= 4096)).toBe(true);
    expect(parts.map((p) => p.text).join("\n")).toBe(LONG_TEXT);
    // The buttons sit under the last part only.
    expect(parts.map((p) => p.reply_markup !== undefined)).toEqual([false, true]);
    expect(tg.fake.invalid).toHaveLength(1); // the raw call only
  });

  it("a 1,000-row import result as text: every row arrives, in messages Telegram takes", async () => {
    await tg.channel.send({ to: tg.identityOf("coord"), text: IMPORT_TEXT });
    const parts = sends().map((p) => String(p.text));
    expect(parts.length).toBeGreaterThan(15);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join("\n")).toBe(IMPORT_TEXT);
    expect(tg.fake.invalid).toEqual([]);
  });

  it("callback data over 64 bytes: BUTTON_DATA_INVALID raw; the adapter sends a short key and the press reaches the core as the long id", async () => {
    const long = `chk:answer:${"æ".repeat(40)}`; // 91 bytes in UTF-8
    const keyboard = { inline_keyboard: [[{ text: "Ja", callback_data: long }]] };
    expect(await raw("sendMessage", { chat_id: chat(), text: "Hej", reply_markup: keyboard })).toMatchObject({
      status: 400,
      body: { description: "Bad Request: BUTTON_DATA_INVALID" },
    });
    await tg.channel.send({ to: tg.identityOf("coord"), text: "Hej", buttons: [{ action: long, label: "Ja" }] });
    const sent = tg.fake.rendered.at(-1)!.buttons[0]!.action;
    expect(Buffer.byteLength(sent, "utf8")).toBeLessThanOrEqual(64);
    await tg.pressButton("coord", sent);
    await waitFor(() => core.events.length === 1, 5_000, "the press");
    expect(core.events[0]?.action).toBe(long);
    expect(tg.fake.invalid).toHaveLength(1); // the raw call only
  });

  it(`a name with ${MARKUP_NAME}: refused as HTML, sent by the adapter as plain text and shown as typed`, async () => {
    const text = `Din mentor er ${MARKUP_NAME}`;
    expect(await raw("sendMessage", { chat_id: chat(), text, parse_mode: "HTML" })).toMatchObject({
      status: 400,
      body: { description: expect.stringMatching(/^Bad Request: can't parse entities: /) },
    });
    expect(await raw("sendMessage", { chat_id: chat(), text, parse_mode: "MarkdownV2" })).toMatchObject({ status: 400 });
    const mark = tg.fake.calls.length;
    await tg.channel.send({ to: tg.identityOf("coord"), text, buttons: [{ action: "ok", label: MARKUP_NAME }] });
    const sent = sends(mark).at(-1)!;
    expect(sent.text).toBe(text);
    expect(sent.parse_mode).toBeUndefined();
    expect(tg.fake.rendered.at(-1)!.buttons[0]!.label).toBe(MARKUP_NAME);
    expect(tg.fake.invalid).toHaveLength(2); // the raw calls only
  });
});
