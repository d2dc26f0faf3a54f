// Teams specifics beyond the shared contract: token checks, Action.Execute, cards, auth-disabled mode.
import { afterEach, describe, expect, it } from "vitest";
import { AdapterError } from "../../src/core/errors.js";
import { createScriptedCore, FORM, type ScriptedCore } from "../../test/fakes/fake-core.js";
import { mintToken, strangerKey } from "../../test/fakes/fake-teams.js";
import { APP_ID, createTeamsHarness, type TeamsHarness } from "../../test/contract/teams-harness.js";

describe("teams adapter", () => {
  let h: TeamsHarness | undefined;
  let core: ScriptedCore;
  async function start(mode: "jwt" | "disabled" = "jwt"): Promise<TeamsHarness> {
    core = createScriptedCore();
    h = createTeamsHarness(mode);
    await h.start(core);
    return h;
  }
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("rejects tokens with the wrong audience, a foreign serviceUrl, or an unknown key", async () => {
    const t = await start();
    const s = t.fake.serviceUrl;
    expect((await t.postActivity("eve", { text: "x" }, t.fake.mint({ aud: "someone-else", serviceurl: s }))).status).toBe(401);
    expect((await t.postActivity("eve", { text: "x" }, t.fake.mint({ aud: APP_ID, serviceurl: "https://evil.test/" }))).status).toBe(401);
    // A bad signature surfaces from jsonwebtoken as a plain Error, which the SDK would answer with
    // 500; the route turns a failure before any turn into 401.
    const forged = await t.postActivity("eve", { text: "x" }, mintToken({ iss: "https://api.botframework.com", aud: APP_ID, serviceurl: s }, strangerKey));
    expect(forged.status).toBe(401);
    expect((await t.postActivity("eve", { text: "x" }, null)).status).toBe(401);
    expect(core.events).toHaveLength(0);
  });

  it("accepts Action.Execute invokes and answers with an InvokeResponse", async () => {
    const t = await start();
    const res = await t.postActivity("bob", {
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "choose", data: { action: "choice:no" } } },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
    expect(core.events[0]).toMatchObject({ from: "teams:aad-bob", action: "choice:no" });
    expect(t.received("bob").at(-1)?.text).toBe("Got: choice:no");
  });

  it("renders Adaptive Card 1.5 with Action.Submit buttons and typed inputs for a form", async () => {
    const t = await start();
    await t.sendText("bob", "Hej");
    await t.channel.send({ to: t.identityOf("bob"), text: "Fill in", form: FORM }, core.events[0]?.conversationRef);
    const card = (
      t.received("bob").at(-1)?.raw as {
        attachments: { content: { version: string; body: { type: string; id?: string }[]; actions: { type: string; data: unknown }[] } }[];
      }
    ).attachments[0]?.content;
    expect(card?.version).toBe("1.5");
    expect(card?.body.filter((b) => b.id).map((b) => [b.id, b.type])).toEqual([
      ["hours", "Input.Number"],
      ["note", "Input.Text"],
      ["mood", "Input.ChoiceSet"],
    ]);
    expect(card?.actions).toEqual([expect.objectContaining({ type: "Action.Submit", data: { mentorbroForm: "weekly" } })]);
    const buttons = (t.received("bob")[0]?.raw as { attachments: { content: { actions: unknown[] } }[] }).attachments[0]?.content.actions;
    expect(buttons).toEqual([
      expect.objectContaining({ type: "Action.Submit", data: { action: "choice:yes" } }),
      expect.objectContaining({ data: { action: "choice:no" } }),
    ]);
  });

  it("ignores channel chatter and falls back to from.id without an aadObjectId", async () => {
    const t = await start();
    await t.postActivity("bob", { text: "hi all", conversation: { id: "19:x@thread.tacv2", conversationType: "channel" } });
    expect(core.events).toHaveLength(0);
    await t.postActivity("bob", { text: "hi", from: { id: "29:bob", name: "Bob" } });
    expect(core.events[0]?.from).toBe("teams:29:bob");
  });

  it("sends images inline, CSV as text, and needs a stored reference for people", async () => {
    const t = await start();
    await t.sendText("bob", "Hej");
    const ref = core.events[0]?.conversationRef;
    const to = t.identityOf("bob");
    await t.channel.send({ to, text: "", file: { name: "chart.png", mime: "image/png", base64: "iVBORw0KGgo=" } }, ref);
    await t.channel.send({ to, text: "", file: { name: "r.csv", mime: "text/csv", base64: Buffer.from("a,b\n1,2").toString("base64") } }, ref);
    const [img, csv] = t
      .received("bob")
      .slice(-2)
      .map((r) => r.raw as { text?: string; attachments?: { contentUrl?: string }[] });
    expect(img?.attachments?.[0]?.contentUrl).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect(csv?.text).toContain("a,b\n1,2");
    const err = await t.channel.send({ to: "teams:aad-nobody", text: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ code: "NOT_FOUND" });
  });

  it("with auth explicitly disabled, accepts unsigned activities and still sends proactively", async () => {
    const t = await start("disabled");
    await t.sendText("bob", "Hej");
    expect(core.events[0]).toMatchObject({ from: "teams:aad-bob", text: "Hej", locale: "da-DK", displayName: "bob Test" });
    await t.channel.send({ to: t.identityOf("bob"), text: "Check-in" }, JSON.parse(JSON.stringify(core.events[0]?.conversationRef)));
    expect(t.received("bob").map((r) => r.text)).toEqual(["Got: Hej", "Check-in"]);
  });
});
