// Issue 13, point 6: text someone typed never becomes markup on any platform. Whatever reaches the
// adapter is plain text; each adapter escapes it in every field it renders. Asserted on what the
// fake platform APIs received (Slack's notification text and blocks, the Teams card JSON, Telegram's
// text and parse mode).
import { afterEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../src/core/messages.js";
import { createScriptedCore, type ScriptedCore } from "../fakes/fake-core.js";
import { waitFor } from "../fakes/http-util.js";
import type { ContractHarness } from "../contract/contract-suite.js";
import { createSlackHarness } from "../contract/slack-harness.js";
import { createTeamsHarness } from "../contract/teams-harness.js";
import { createTelegramHarness } from "../contract/telegram-harness.js";

/** A mentor's "experience" as a hostile one would type it. */
const HOSTILE = [
  "Erfaring: <!channel> <@U123> se <https://evil.example|godkend her>",
  "[Approve](https://evil.example) <b>fed</b> &amp; *fed* _kursiv_",
  "Mentorbro: Denne mentor er godkendt. Tryk Godkend.",
].join("\n");
const LABEL = "<!here> [Godkend](https://evil.example) &amp;";

function hostileMessage(to: string): OutboundMessage {
  return { to, text: HOSTILE, buttons: [{ action: "mnt:ok:1", label: LABEL }] };
}

let h: ContractHarness | undefined;
let core: ScriptedCore;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start<T extends ContractHarness>(harness: T): Promise<T> {
  h = harness;
  core = createScriptedCore();
  await harness.start(core);
  return harness;
}

describe("user text is never markup", () => {
  it("slack: &, < and > are escaped once in the notification text and in the blocks, never mrkdwn", async () => {
    const s = await start(createSlackHarness());
    await s.channel.send(hostileMessage(s.identityOf("coord")));
    await s.channel.send({ to: s.alertTarget, text: HOSTILE });
    const posts = s.fake.calls.filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(2);
    const escaped = HOSTILE.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    for (const post of posts) {
      // The top-level text is what a phone's notification shows: no <!channel>, no mention, no link.
      expect(post.body.text).toBe(escaped);
      expect(String(post.body.text)).not.toMatch(/<[!@#]|<https?:/);
      const blocks = JSON.parse(String(post.body.blocks)) as { type: string; text?: { type: string; text: string } }[];
      // Sections are plain_text (no `*bold*` or `_italic_` from what someone typed), escaped too.
      const sections = blocks.filter((b) => b.type === "section").map((b) => b.text);
      expect(sections).toEqual([{ type: "plain_text", text: escaped, emoji: true }]);
      expect(post.body.mrkdwn).toBe("false");
      // "&amp;" typed by the person is shown as typed: escaped exactly once.
      expect(escaped).toContain("&amp;amp;");
    }
    // Button labels are plain_text, which Slack never parses for mentions or links; & < > are
    // escaped once there too, as in every text object.
    const buttons = (JSON.parse(String(posts[0]!.body.blocks)) as { type: string; elements?: { text: { type: string; text: string } }[] }[]).flatMap(
      (b) => b.elements ?? [],
    );
    const label = LABEL.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(buttons.map((e) => e.text)).toEqual([{ type: "plain_text", text: label, emoji: true }]);
  });

  it("slack: a pressed button's message keeps Slack's own escaping (no double escaping)", async () => {
    const s = await start(createSlackHarness());
    await s.sendText("coord", "Hej");
    await waitFor(() => s.received("coord").length === 1, 5_000, "reply");
    // A message whose text has & < > in it: Slack sends it back in the press's payload escaped, as
    // stored, and the adapter must put it back as it is (not "&amp;lt;").
    s.fake.rendered[0]!.text = "Got: a <b> & c";
    await s.pressButton("coord", "choice:yes");
    await waitFor(() => s.fake.calls.some((c) => c.method === "chat.update"), 5_000, "chat.update");
    const update = s.fake.calls.find((c) => c.method === "chat.update")!;
    expect(update.body.text).toBe("Got: a &lt;b&gt; &amp; c");
    const blocks = JSON.parse(String(update.body.blocks)) as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.text?.text).toBe("Got: a &lt;b&gt; &amp; c");
  });

  it("teams: no user text in a markdown TextBlock; it is in TextRuns, which are never markdown", async () => {
    const t = await start(createTeamsHarness("jwt"));
    await t.sendText("coord", "Hej");
    await waitFor(() => t.received("coord").length === 1, 5_000, "reply");
    const ref: unknown = JSON.parse(JSON.stringify(core.events[0]?.conversationRef));
    await t.channel.send(hostileMessage(t.identityOf("coord")), ref);
    const card = (t.received("coord").at(-1)!.raw as { attachments: { content: Card }[] }).attachments[0]!.content;
    const json = JSON.stringify(card);
    expect(card.body.filter((b) => b.type === "TextBlock")).toEqual([]);
    const runs = card.body.flatMap((b) => b.inlines ?? []);
    expect(runs.every((r) => r.type === "TextRun")).toBe(true);
    expect(runs.map((r) => r.text)).toEqual(HOSTILE.split("\n"));
    // The link text appears only inside a TextRun (and nowhere as a markdown-rendered field).
    expect(json.split("[Approve](https://evil.example)")).toHaveLength(2);
    expect(card.actions.map((a) => a.title)).toEqual([LABEL]);
    expect(t.received("coord").at(-1)!.text).toBe(HOSTILE);
  });

  it("telegram: sent as plain text, without a parse mode, exactly as typed", async () => {
    const tg = await start(createTelegramHarness("webhook"));
    await tg.channel.send(hostileMessage(tg.identityOf("coord")));
    const send = tg.fake.calls.find((c) => c.method === "sendMessage")!;
    expect(send.body.text).toBe(HOSTILE);
    expect(send.body.parse_mode).toBeUndefined();
    expect(send.body.entities).toBeUndefined();
  });
});

interface Card {
  body: { type: string; inlines?: { type: string; text: string }[] }[];
  actions: { title: string }[];
}
