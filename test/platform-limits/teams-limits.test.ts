// Teams' limits (adapters/teams/limits.ts): the fake Bot Connector refuses what Teams refuses (413
// over 100 KB; 400 for a card the adaptivecards SDK finds invalid against the Teams host config),
// and the adapter sends the same content in a form Teams takes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScriptedCore, type ScriptedCore } from "../fakes/fake-core.js";
import { waitFor } from "../fakes/http-util.js";
import { createTeamsHarness, type TeamsHarness } from "../contract/teams-harness.js";
import { IMPORT_TEXT, importResult, MARKUP_NAME, NINE } from "./content.js";

interface Card {
  version: string;
  body: { type: string; id?: string; style?: string; errorMessage?: string; inlines?: { type: string; text: string }[] }[];
  actions: { title: string; data?: Record<string, unknown> }[];
}

let t: TeamsHarness;
let core: ScriptedCore;
let ref: unknown;
beforeEach(async () => {
  t = createTeamsHarness("jwt");
  core = createScriptedCore();
  await t.start(core);
  await t.sendText("coord", "Hej");
  await waitFor(() => t.received("coord").length === 1, 5_000, "reply");
  ref = JSON.parse(JSON.stringify(core.events[0]?.conversationRef));
});
afterEach(() => t.stop());

async function raw(activity: unknown): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  const res = await fetch(`${t.fake.url}/v3/conversations/a:personal-coord/activities`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}
const cardActivity = (content: Partial<Card>) => ({
  type: "message",
  attachments: [
    { contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard", version: "1.5", body: [], actions: [], ...content } },
  ],
});
const cards = (from: number) =>
  t
    .received("coord")
    .slice(from)
    .map((r) => (r.raw as { attachments?: { content: Card }[] }).attachments?.[0]?.content);

describe("teams limits", () => {
  it("a 9-option choice: 9 actions are refused; the adapter sends a compact choice list and one submit", async () => {
    const nine = NINE.map((o) => ({ type: "Action.Submit", title: o.label, data: { action: o.action } }));
    const refused = await raw(cardActivity({ actions: nine }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("TooManyActions: Maximum number of actions exceeded (6).");
    const mark = t.received("coord").length;
    await t.channel.send({ to: t.identityOf("coord"), text: "Vælg en", buttons: NINE }, ref);
    const [card] = cards(mark);
    expect(card!.actions).toHaveLength(1);
    expect(card!.body.find((b) => b.type === "Input.ChoiceSet")).toMatchObject({ style: "compact", errorMessage: expect.any(String) });
    expect(t.received("coord").at(-1)!.buttons).toEqual(NINE);
    // Choosing the 9th reaches the core as that button's action.
    await t.pressButton("coord", "pick:9");
    await waitFor(() => core.events.length === 2, 5_000, "the choice");
    expect(core.events[1]?.action).toBe("pick:9");
    expect(t.fake.invalid).toHaveLength(1); // the raw call only
  });

  it("the weekly check-in (six hour buttons and a form): the form's submit is always among the shown actions", async () => {
    const hours = ["0", "1", "2", "3", "4", "5+"].map((h) => ({ action: `chk:hours:${h}`, label: `${h} timer` }));
    const form = { id: "chk:form:1", title: "Ugens check-in", submitLabel: "Send", fields: [{ name: "hours", label: "Timer", kind: "number" as const }] };
    const seventh = [
      ...hours.map((h) => ({ type: "Action.Submit", title: h.label, data: { action: h.action } })),
      { type: "Action.Submit", title: "Send", data: {} },
    ];
    expect((await raw(cardActivity({ actions: seventh }))).status).toBe(400);
    const mark = t.received("coord").length;
    await t.channel.send({ to: t.identityOf("coord"), text: "Hvor mange timer?", buttons: hours, form }, ref);
    const sent = cards(mark);
    expect(sent.every((c) => c!.actions.length <= 6)).toBe(true);
    const withForm = sent.find((c) => c!.body.some((b) => b.id === "hours"))!;
    expect(withForm.actions.map((a) => a.title)).toContain("Send");
    expect(t.received("coord").flatMap((r) => r.buttons)).toEqual(expect.arrayContaining(hours));
    expect(t.fake.invalid).toHaveLength(1);
  });

  it("a required input without errorMessage, or a card above version 1.5, is refused; the adapter's form passes", async () => {
    const input = { type: "Input.Number", id: "hours", label: "Timer", isRequired: true };
    expect((await raw(cardActivity({ body: [input] as Card["body"] }))).body.error.message).toContain("RequiredInputsShouldHaveErrorMessage");
    expect((await raw(cardActivity({ version: "1.6" }))).body.error.message).toContain("card version 1.6 is above 1.5");
    const mark = t.received("coord").length;
    const form = { id: "f", title: "Check-in", submitLabel: "Send", fields: [{ name: "hours", label: "Timer", kind: "number" as const }] };
    await t.channel.send({ to: t.identityOf("coord"), text: "Udfyld", form }, ref);
    const [card] = cards(mark);
    expect(card!.version).toBe("1.5");
    expect(card!.body.find((b) => b.id === "hours")!.errorMessage).toBeTruthy();
    expect(t.fake.invalid).toHaveLength(2);
  });

  it("a 1,000-row import result: 413 MessageSizeTooBig in one message; the adapter splits it under 80 KB, every row kept", async () => {
    const refused = await raw({ type: "message", text: IMPORT_TEXT, textFormat: "plain" });
    expect(refused).toEqual({ status: 413, body: { error: { code: "MessageSizeTooBig", message: "Message size too big" } } });
    const mark = t.received("coord").length;
    await t.channel.send(importResult(t.identityOf("coord")), ref);
    const sent = t.received("coord").slice(mark);
    expect(sent.length).toBeGreaterThan(2);
    for (const r of sent) expect(JSON.stringify(r.raw).length * 2).toBeLessThanOrEqual(80 * 1024);
    const file = sent
      .slice(1)
      .map((r) => r.text)
      .join("\n");
    expect(file).toBe(`import.csv\n\n${IMPORT_TEXT}`);
    expect(t.fake.invalid).toHaveLength(1);
  });

  it(`a name with ${MARKUP_NAME}: shown as typed, in TextRuns and a button title (never markdown)`, async () => {
    const mark = t.received("coord").length;
    await t.channel.send({ to: t.identityOf("coord"), text: `Din mentor er ${MARKUP_NAME}`, buttons: [{ action: "ok", label: MARKUP_NAME }] }, ref);
    const [card] = cards(mark);
    expect(card!.body.flatMap((b) => b.inlines ?? [])).toEqual([{ type: "TextRun", text: `Din mentor er ${MARKUP_NAME}` }]);
    expect(card!.body.some((b) => b.type === "TextBlock")).toBe(false);
    expect(card!.actions[0]!.title).toBe(MARKUP_NAME);
    expect(t.fake.invalid).toEqual([]);
  });
});
