// The real bot's platform wiring: all three adapters on one server with /healthz, forged requests
// rejected before the core sees them, a graceful stop that finishes a request in flight, and a
// retryable 5xx on every platform while the database is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { mintToken, strangerKey, ISSUER } from "../fakes/fake-teams.js";
import { messageEvent } from "../fakes/slack-payloads.js";
import { waitFor } from "../fakes/http-util.js";
import { APP_ID } from "../contract/teams-harness.js";
import { startRig, type PlatformRig } from "../helpers/platform-rig.js";
import { openTestDb } from "../helpers/test-db.js";

// The platforms tell the language (da), so the first answer is the role question.
const WELCOME = t("da", "welcome.who");

// One database for the file (migrating one takes a while); the last test closes it.
let db: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

describe("start-platforms: healthz and forged requests", () => {
  let rig: PlatformRig;
  beforeAll(async () => {
    rig = await startRig(db);
  });
  afterAll(async () => rig.stop());

  it("answers /healthz 200 with the database reachable and all three adapters started", async () => {
    const { status, body } = await rig.health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, database: "reachable", adapters: "started", platforms: ["telegram", "slack", "teams"] });
    expect([...rig.platforms.channels.keys()]).toEqual(["telegram", "slack", "teams"]);
  });

  it("rejects forged requests on every platform with 401/403, and the core sees nothing", async () => {
    const update = JSON.stringify({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "M" }, text: "forged" },
    });
    const tgUrl = `${rig.platforms.url}/telegram/webhook`;
    const post = (url: string, body: string, headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }).then((r) => r.status);
    expect(await post(tgUrl, update, {})).toBe(401);
    expect(await post(tgUrl, update, { "x-telegram-bot-api-secret-token": "not-the-secret" })).toBe(403);

    const slackBody = JSON.stringify(messageEvent("U666MAL", { text: "forged" }));
    expect((await rig.slack.post(`${rig.platforms.url}/slack/events`, slackBody, "application/json", "wrong-secret")).status).toBe(401);

    expect(await rig.teamsUser.text("mallory", "forged", null)).toBe(401);
    const foreign = mintToken({ iss: ISSUER, aud: APP_ID, serviceurl: rig.teams.serviceUrl }, strangerKey);
    expect([401, 403]).toContain(await rig.teamsUser.text("mallory", "forged", foreign));
    const wrongAudience = rig.teams.mint({ aud: "someone-else", serviceurl: rig.teams.serviceUrl });
    expect([401, 403]).toContain(await rig.teamsUser.text("mallory", "forged", wrongAudience));

    expect(rig.seen).toHaveLength(0);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("a genuine first message on each platform gets the welcome, rendered natively", async () => {
    expect(await rig.telegram.text(4001, "hej")).toBe(200);
    expect(await rig.slackUser.text("U4002ABC", "hej")).toBe(200);
    expect(await rig.teamsUser.text("kim", "hej")).toBe(200);
    expect(rig.telegram.received(4001)).toEqual([WELCOME]);
    expect(rig.slackUser.received("U4002ABC")).toEqual([WELCOME]);
    await waitFor(() => rig.teamsUser.received("kim").length === 1, 5_000, "Teams reply");
    expect(rig.teamsUser.received("kim")).toEqual([WELCOME]);
    expect(await db.prisma.identity.count()).toBe(3);
  });
});

describe("start-platforms: graceful stop", () => {
  it("stops taking new connections but finishes the request in flight, reply included", async () => {
    await db.reset();
    const rig = await startRig(db);
    try {
      const release = rig.hold();
      const inFlight = rig.slackUser.text("U5001ABC", "hej");
      await waitFor(() => rig.seen.length === 1, 5_000, "event at the core");
      let stopped = false;
      const stopping = rig.platforms.stop().then(() => (stopped = true));
      // Closed for new connections at once; the held request is still running.
      await expect(fetch(`${rig.platforms.url}/healthz`)).rejects.toThrow();
      expect(stopped).toBe(false);
      release();
      expect(await inFlight).toBe(200);
      await stopping;
      expect(rig.slackUser.received("U5001ABC")).toEqual([WELCOME]);
      expect(await db.prisma.identity.count()).toBe(1);
    } finally {
      await rig.stop();
    }
  });
});

describe("start-platforms: database gone", () => {
  it("/healthz says 503 and every platform gets a retryable 5xx", async () => {
    const rig = await startRig(db);
    try {
      expect((await rig.health()).status).toBe(200);
      await db.close();
      const health = await rig.health();
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ ok: false, database: "unreachable" });
      expect(await rig.telegram.text(6001, "hej")).toBe(503);
      expect(await rig.slackUser.text("U6002ABC", "hej")).toBe(500);
      expect(await rig.teamsUser.text("pia", "hej")).toBe(503);
      expect(rig.seen).toHaveLength(3);
      // The person is told kindly to wait, once, even when the platform retries.
      const sorry = t("da", "common.unavailable");
      expect(rig.telegram.received(6001)).toEqual([sorry]);
      expect(rig.slackUser.received("U6002ABC")).toEqual([sorry]);
      expect(rig.teamsUser.received("pia")).toEqual([sorry]);
    } finally {
      await rig.stop();
    }
  });
});
