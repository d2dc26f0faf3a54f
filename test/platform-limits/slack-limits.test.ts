// Slack's limits (adapters/slack/limits.ts): the fake Web API refuses an over-limit payload with
// Slack's own `invalid_blocks`, and the adapter posts the same content in a form Slack takes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScriptedCore } from "../fakes/fake-core.js";
import { unescapeText } from "../fakes/fake-slack.js";
import { waitFor } from "../fakes/http-util.js";
import { createSlackHarness, type SlackHarness } from "../contract/slack-harness.js";
import { IMPORT_TEXT, LONG_NAME, LONG_TEXT, MARKUP_NAME } from "./content.js";

interface Block {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; text: { type: string; text: string } }[];
}

let s: SlackHarness;
beforeEach(async () => {
  s = createSlackHarness();
  await s.start(createScriptedCore());
});
afterEach(() => s.stop());

async function rawPost(blocks: unknown[]): Promise<unknown> {
  const form = new URLSearchParams({ channel: "D1", text: "x", blocks: JSON.stringify(blocks) });
  const res = await fetch(`${s.fake.apiUrl}chat.postMessage`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  return res.json();
}
const section = (text: string) => ({ type: "section", text: { type: "plain_text", text } });
const button = (text: string, i = 0) => ({ type: "button", action_id: `b${i}`, text: { type: "plain_text", text }, value: "v" });
/** What the adapter posted since `from`: each post's blocks. */
const posts = (from: number) =>
  s.fake.calls
    .slice(from)
    .filter((c) => c.method === "chat.postMessage")
    .map((c) => ({ text: String(c.body.text), mrkdwn: c.body.mrkdwn, blocks: JSON.parse(String(c.body.blocks)) as Block[] }));
const sectionText = (p: { blocks: Block[] }) => p.blocks.filter((b) => b.type === "section").map((b) => unescapeText(b.text!.text));

describe("slack limits", () => {
  it("a 5,000-character text: one section is invalid_blocks; the adapter cuts it into sections of at most 3000", async () => {
    expect(await rawPost([section(LONG_TEXT)])).toEqual({
      ok: false,
      error: "invalid_blocks",
      errors: ["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
      response_metadata: { messages: ["[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"] },
    });
    const mark = s.fake.calls.length;
    await s.channel.send({ to: s.identityOf("coord"), text: LONG_TEXT });
    const [post, ...more] = posts(mark);
    expect(more).toEqual([]);
    expect(post!.blocks.every((b) => b.text!.text.length <= 3000)).toBe(true);
    expect(sectionText(post!).join("\n")).toBe(LONG_TEXT);
    expect(s.fake.invalid).toHaveLength(1); // the raw call only
  });

  it("a 120-character name on a button: invalid_blocks raw; the adapter shortens it with an ellipsis", async () => {
    expect(await rawPost([{ type: "actions", elements: [button(LONG_NAME)] }])).toMatchObject({
      error: "invalid_blocks",
      errors: ["must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]"],
    });
    const mark = s.fake.calls.length;
    await s.channel.send({ to: s.identityOf("coord"), text: "Vælg en mentor", buttons: [{ action: "m:1", label: LONG_NAME }] });
    const label = posts(mark)[0]!.blocks.find((b) => b.type === "actions")!.elements![0]!.text.text;
    expect(label.length).toBeLessThanOrEqual(75);
    expect(label.endsWith("…")).toBe(true);
    expect(LONG_NAME.startsWith(label.slice(0, -1))).toBe(true);
    expect(s.fake.invalid).toHaveLength(1);
  });

  it("more than 25 buttons in one actions block is invalid_blocks; the adapter uses one block per 25", async () => {
    const many = Array.from({ length: 30 }, (_, i) => button(`Valg ${i}`, i));
    expect(await rawPost([{ type: "actions", elements: many }])).toMatchObject({ errors: ["no more than 25 items allowed [json-pointer:/blocks/0/elements]"] });
    const mark = s.fake.calls.length;
    const buttons = Array.from({ length: 30 }, (_, i) => ({ action: `pick:${i}`, label: `Valg ${i}` }));
    await s.channel.send({ to: s.identityOf("coord"), text: "Vælg", buttons });
    expect(
      posts(mark)[0]!
        .blocks.filter((b) => b.type === "actions")
        .map((b) => b.elements!.length),
    ).toEqual([25, 5]);
    expect(s.received("coord").at(-1)!.buttons).toEqual(buttons);
    expect(s.fake.invalid).toHaveLength(1);
  });

  it("a 1,000-row import result: over 50 blocks is invalid_blocks; the adapter posts it in parts, every row kept", async () => {
    const sections = Array.from({ length: 60 }, (_, i) => section(`Række ${i}`));
    expect(await rawPost(sections)).toMatchObject({ errors: ["no more than 50 items allowed [json-pointer:/blocks]"] });
    const mark = s.fake.calls.length;
    await s.channel.send({ to: s.identityOf("coord"), text: IMPORT_TEXT, buttons: [{ action: "ok", label: "OK" }] });
    const sent = posts(mark);
    expect(sent.length).toBeGreaterThan(1);
    for (const p of sent) {
      expect(p.blocks.length).toBeLessThanOrEqual(50);
      expect(p.blocks.every((b) => b.type !== "section" || b.text!.text.length <= 3000)).toBe(true);
      // Each post's notification text is its own part, within Slack's 40,000.
      expect(p.text.length).toBeLessThanOrEqual(40_000);
    }
    expect(sent.flatMap(sectionText).join("\n")).toBe(IMPORT_TEXT);
    // The buttons come once, under the last part.
    expect(sent.map((p) => p.blocks.some((b) => b.type === "actions"))).toEqual([...sent.slice(1).map(() => false), true]);
    expect(s.fake.invalid).toHaveLength(1);
  });

  it(`a name with ${MARKUP_NAME}: plain text escaped exactly once, also after the button is pressed`, async () => {
    const text = `Din mentor er ${MARKUP_NAME}`;
    await s.sendText("coord", "Hej");
    await waitFor(() => s.received("coord").length === 1, 5_000, "reply");
    const mark = s.fake.calls.length;
    await s.channel.send({ to: s.identityOf("coord"), text, buttons: [{ action: "choice:yes", label: MARKUP_NAME }] });
    const [post] = posts(mark);
    expect(post!.text).toBe("Din mentor er &lt;b&gt;&amp;_*[]");
    expect(post!.mrkdwn).toBe("false");
    // plain_text: `_` and `*` are never formatting.
    expect(post!.blocks[0]).toEqual({ type: "section", text: { type: "plain_text", text: "Din mentor er &lt;b&gt;&amp;_*[]", emoji: true } });
    expect(post!.blocks[1]!.elements![0]!.text.text).toBe("&lt;b&gt;&amp;_*[]");
    expect(s.received("coord").at(-1)!.text).toBe(text);
    // Slack sends the message and the label back escaped; the answered message must not escape again.
    await s.pressButton("coord", "choice:yes");
    await waitFor(() => s.fake.calls.some((c) => c.method === "chat.update"), 5_000, "chat.update");
    const update = JSON.stringify(s.fake.calls.find((c) => c.method === "chat.update")!.body);
    expect(update).toContain("&lt;b&gt;&amp;_*[]");
    expect(update).not.toContain("&amp;amp;");
    expect(update).not.toContain("&amp;lt;");
    expect(s.fake.invalid).toEqual([]);
  });
});
