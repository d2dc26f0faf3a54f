// Issue 13, points 11 and 12: with a tenant configured, Teams activities from another tenant are
// refused (403) and never reach the core; and every refused request — a missing, forged or expired
// token, another tenant — writes one log line, not the SDK's stack traces and PEM keys.
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asMentorbroError } from "../../src/core/errors.js";
import { createScriptedCore, type ScriptedCore } from "../fakes/fake-core.js";
import { mintToken, strangerKey } from "../fakes/fake-teams.js";
import { APP_ID, createTeamsHarness, tokenExpiringIn, type TeamsHarness } from "../contract/teams-harness.js";

let h: TeamsHarness | undefined;
let core: ScriptedCore;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.stop();
  h = undefined;
});

/** Everything written: the pino logger the server uses (as src/main.ts wires onError), the console and stdio. */
function captureOutput() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino({ base: undefined }, sink);
  const onError = (err: unknown, context: string) => logger.warn({ code: asMentorbroError(err).code, where: context.split(" ")[0] }, "adapter error");
  for (const level of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(...args.map(String).join(" ").split("\n")));
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      return true;
    }) as typeof stream.write);
  }
  return { lines, onError };
}

async function start(extras: Parameters<typeof createTeamsHarness>[1]): Promise<TeamsHarness> {
  core = createScriptedCore();
  h = createTeamsHarness("jwt", extras);
  await h.start(core);
  return h;
}

const otherTenant = {
  conversation: { id: "a:personal-eve", conversationType: "personal", tenantId: "tenant-evil" },
  channelData: { tenant: { id: "tenant-evil" } },
};

describe("teams: tenant restriction", () => {
  it("refuses an activity from another tenant with 403, logged as one line", async () => {
    const out = captureOutput();
    const t = await start({ tenantId: "tenant-1", onError: out.onError });
    const before = out.lines.length;
    expect((await t.postActivity("eve", { text: "hi", ...otherTenant }, t.fake.mint({ aud: APP_ID, serviceurl: t.fake.serviceUrl }))).status).toBe(403);
    // The tenant in channelData alone is enough to refuse, as is none at all.
    expect(
      (await t.postActivity("eve", { text: "hi", channelData: { tenant: { id: "tenant-evil" } } }, t.fake.mint({ aud: APP_ID, serviceurl: t.fake.serviceUrl })))
        .status,
    ).toBe(403);
    expect(
      (
        await t.postActivity(
          "eve",
          { text: "hi", conversation: { id: "a:x", conversationType: "personal" }, channelData: {} },
          t.fake.mint({ aud: APP_ID, serviceurl: t.fake.serviceUrl }),
        )
      ).status,
    ).toBe(403);
    expect(core.events).toEqual([]);
    expect(t.fake.rendered).toEqual([]);
    const logged = out.lines.slice(before);
    expect(logged).toHaveLength(3);
    for (const line of logged) expect(JSON.parse(line)).toMatchObject({ code: "NOT_ALLOWED", where: "teams", msg: "adapter error" });
    vi.restoreAllMocks();

    // The own tenant is served.
    await t.sendText("bob", "Hej");
    expect(core.events.map((e) => e.text)).toEqual(["Hej"]);
  });

  it("an invoke from another tenant is refused too", async () => {
    const t = await start({ tenantId: "tenant-1", onError: () => undefined });
    const res = await t.postActivity(
      "eve",
      { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", data: { action: "esc:open:1" } } }, ...otherTenant },
      t.fake.mint({ aud: APP_ID, serviceurl: t.fake.serviceUrl }),
    );
    expect(res.status).toBe(403);
    expect(core.events).toEqual([]);
  });
});

describe("teams: a refused token is one log line", () => {
  it.each([
    ["no token", () => null],
    ["an expired token", (t: TeamsHarness) => tokenExpiringIn(t.fake, -600)],
    [
      "a token signed with an unknown key",
      (t: TeamsHarness) => mintToken({ iss: "https://api.botframework.com", aud: APP_ID, serviceurl: t.fake.serviceUrl }, strangerKey),
    ],
    ["a token for another bot", (t: TeamsHarness) => t.fake.mint({ aud: "someone-else", serviceurl: t.fake.serviceUrl })],
  ])("%s: 401 and exactly one line", async (_what, token) => {
    const out = captureOutput();
    const t = await start({ onError: out.onError });
    const before = out.lines.length;
    expect((await t.postActivity("mallory", { text: "x" }, token(t))).status).toBe(401);
    const logged = out.lines.slice(before);
    expect(logged, logged.join("\n")).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ code: "NOT_ALLOWED", where: "teams" });
    expect(core.events).toEqual([]);
  });
});
