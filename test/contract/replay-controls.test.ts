// Controls for the contract's stale-request scenario: the same signing helpers with a fresh enough
// time are accepted, so the 401s there come from the age alone, not from a bad signature.
import { afterEach, describe, expect, it } from "vitest";
import { createScriptedCore, type ScriptedCore } from "../fakes/fake-core.js";
import { sendWire } from "../fakes/http-util.js";
import { messageEvent } from "../fakes/slack-payloads.js";
import type { ContractHarness } from "./contract-suite.js";
import { createSlackHarness, signedAt, type SlackHarness } from "./slack-harness.js";
import { createTeamsHarness, tokenExpiringIn, type TeamsHarness } from "./teams-harness.js";

describe("replay controls", () => {
  let h: ContractHarness | undefined;
  let core: ScriptedCore;
  async function start<T extends ContractHarness>(harness: T): Promise<T> {
    core = createScriptedCore();
    h = harness;
    await harness.start(core);
    return harness;
  }
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("slack: a request signed 4 minutes ago is accepted, 6 minutes ago refused", async () => {
    const s: SlackHarness = await start(createSlackHarness());
    const body = (text: string) => JSON.stringify(messageEvent(s.userId("bob"), { text }));
    expect(await sendWire(signedAt(s.eventsUrl, body("fresh"), 4 * 60))).toBe(200);
    expect(await sendWire(signedAt(s.eventsUrl, body("stale"), 6 * 60))).toBe(401);
    expect(core.events.map((e) => e.text)).toEqual(["fresh"]);
  });

  it("slack: a request stamped 4 minutes ahead is accepted, 6 minutes ahead refused (the window holds both ways)", async () => {
    const s: SlackHarness = await start(createSlackHarness());
    const body = (text: string) => JSON.stringify(messageEvent(s.userId("bob"), { text }));
    expect(await sendWire(signedAt(s.eventsUrl, body("near"), -4 * 60))).toBe(200);
    expect(await sendWire(signedAt(s.eventsUrl, body("future"), -6 * 60))).toBe(401);
    expect(await sendWire(signedAt(s.eventsUrl, body("far future"), -24 * 3600))).toBe(401);
    expect(core.events.map((e) => e.text)).toEqual(["near"]);
  });

  it("teams: the same token issued an hour ago is accepted while unexpired, refused once expired", async () => {
    const t: TeamsHarness = await start(createTeamsHarness("jwt"));
    expect((await t.postActivity("bob", { text: "fresh" }, tokenExpiringIn(t.fake, 600))).status).toBe(200);
    expect((await t.postActivity("bob", { text: "stale" }, tokenExpiringIn(t.fake, -600))).status).toBe(401);
    expect(core.events.map((e) => e.text)).toEqual(["fresh"]);
  });
});
