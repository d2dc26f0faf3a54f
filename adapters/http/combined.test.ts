// One server process hosting all three adapters' routes plus /healthz, as deployed.
import { afterEach, describe, expect, it } from "vitest";
import { createScriptedCore } from "../../test/fakes/fake-core.js";
import { startFakeSlack, type FakeSlack } from "../../test/fakes/fake-slack.js";
import { startFakeTeams, ISSUER, type FakeTeams } from "../../test/fakes/fake-teams.js";
import { startFakeTelegram, type FakeTelegram } from "../../test/fakes/fake-telegram.js";
import { messageEvent } from "../../test/fakes/slack-payloads.js";
import { APP_ID, staticCredentials } from "../../test/contract/teams-harness.js";
import { createSlackAdapter } from "../slack/index.js";
import { createTeamsAdapter } from "../teams/index.js";
import { createTelegramAdapter } from "../telegram/index.js";
import { createHttpServer, type HttpServer } from "./server.js";

describe("one HTTP server for every adapter", () => {
  let server: HttpServer | undefined;
  const fakes: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await server?.close();
    await Promise.all(fakes.map((f) => f.close()));
  });

  it("routes Telegram, Slack and Teams requests to their adapters and answers /healthz", async () => {
    const core = createScriptedCore();
    const tg: FakeTelegram = await startFakeTelegram("1:T");
    const slack: FakeSlack = await startFakeSlack();
    const teams: FakeTeams = await startFakeTeams();
    fakes.push(tg, slack, teams);
    const telegram = createTelegramAdapter({ token: "1:T", core, apiRoot: tg.url, mode: { kind: "webhook", path: "/telegram/webhook", secretToken: "sec" } });
    const slackAdapter = createSlackAdapter({ core, botToken: "xoxb", apiUrl: slack.apiUrl, mode: { kind: "http", signingSecret: "ss" } });
    const teamsAdapter = createTeamsAdapter({
      core,
      auth: {
        appId: APP_ID,
        credentialsFactory: staticCredentials,
        endpoints: { openIdMetadataUrl: teams.openIdUrl, tokenIssuer: ISSUER, loginUrl: `${teams.url}/login`, oauthScope: ISSUER },
      },
    });
    server = createHttpServer({
      port: 0,
      routes: [...telegram.routes, ...slackAdapter.routes, ...teamsAdapter.routes],
      health: () => ({ ok: true, adapters: 3 }),
    });
    await server.listen();
    await Promise.all([telegram.start(), slackAdapter.start(), teamsAdapter.start()]);

    const tgRes = await fetch(`${server.url}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "sec" },
      body: JSON.stringify({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 7, type: "private" }, from: { id: 7, is_bot: false, first_name: "T" }, text: "tg" },
      }),
    });
    const slackRes = await slack.post(`${server.url}/slack/events`, JSON.stringify(messageEvent("U7", { text: "slack" })), "application/json", "ss");
    const teamsRes = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${teams.mint({ aud: APP_ID, serviceurl: teams.serviceUrl })}` },
      body: JSON.stringify({
        type: "message",
        id: "a1",
        channelId: "msteams",
        serviceUrl: teams.serviceUrl,
        text: "teams",
        from: { id: "29:x", aadObjectId: "aad-x", name: "X" },
        recipient: { id: `28:${APP_ID}` },
        conversation: { id: "a:x", conversationType: "personal" },
      }),
    });
    expect([tgRes.status, slackRes.status, teamsRes.status]).toEqual([200, 200, 200]);
    expect(core.events.map((e) => [e.from, e.text])).toEqual([
      ["telegram:7", "tg"],
      ["slack:T1:U7", "slack"],
      ["teams:aad-x", "teams"],
    ]);
    expect(tg.rendered).toHaveLength(1);
    expect(slack.rendered).toHaveLength(1);
    expect(teams.rendered).toHaveLength(1);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, adapters: 3 });
  });
});
