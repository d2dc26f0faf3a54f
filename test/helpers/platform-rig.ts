// The real bot's platform wiring (adapters/start-platforms.ts with config from loadConfig) around the
// real core on a test database, with the three fake platforms; plus ways to act as a user on each.
// Telegram runs as a webhook (registered with the fake as a reverse proxy would), Slack over signed
// HTTP, Teams with real JWT validation against the fake's keys.
import pino from "pino";
import { createPlatforms, SLACK_EVENTS_PATH, TEAMS_MESSAGES_PATH, TELEGRAM_WEBHOOK_PATH, type Platforms } from "../../adapters/start-platforms.js";
import { createApp, type App } from "../../src/app.js";
import { DEFAULT_SETTINGS } from "../../src/core/capability.js";
import { appSettings, loadConfig } from "../../src/config.js";
import { PLATFORMS } from "../../adapters/platforms.js";
import { FixedClock } from "../../src/core/clock.js";
import type { InboundEvent } from "../../src/core/messages.js";
import type { Database } from "../../src/infra/db/database.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { staticCredentials, APP_ID } from "../contract/teams-harness.js";
import { startFakeSlack, TEAM, type FakeSlack } from "../fakes/fake-slack.js";
import { ISSUER, startFakeTeams, type FakeTeams } from "../fakes/fake-teams.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/fake-telegram.js";
import { blockAction, dmOf, messageEvent } from "../fakes/slack-payloads.js";
import { T0 } from "./bot-harness.js";

export const TG_TOKEN = "123456:RIG";
export const TG_SECRET = "rig-secret";
export const SLACK_SECRET = "rig-signing-secret";
export const COORDINATOR_CODE = "coord-rig-2026";

export interface PlatformRig {
  tg: FakeTelegram;
  slack: FakeSlack;
  teams: FakeTeams;
  platforms: Platforms;
  app: App;
  clock: FixedClock;
  /** Every event that reached the core. */
  seen: InboundEvent[];
  /** While held, the core waits before handling (to catch a request in flight). */
  hold(): () => void;
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
  telegram: {
    text(user: number, text: string): Promise<number>;
    press(user: number, action: string): Promise<number>;
    pressInGroup(user: number, group: number, action: string): Promise<number>;
    received(user: number): string[];
    /** What Telegram says about this user from now on (a public @username, a first name). */
    profile(user: number, fields: { username?: string; first_name?: string }): void;
  };
  slackUser: {
    text(user: string, text: string): Promise<number>;
    press(user: string, action: string): Promise<number>;
    pressInChannel(user: string, channel: string, action: string): Promise<number>;
    received(user: string): string[];
  };
  teamsUser: {
    text(key: string, text: string, token?: string | null): Promise<number>;
    press(key: string, action: string): Promise<number>;
    pressInChannel(key: string, channel: string, action: string): Promise<number>;
    received(key: string): string[];
  };
  stop(): Promise<void>;
}

export async function startRig(db: Database, env: Record<string, string> = {}): Promise<PlatformRig> {
  await ensureProgramme(db.prisma);
  const [tg, slack, teams] = await Promise.all([startFakeTelegram(TG_TOKEN), startFakeSlack(), startFakeTeams()]);
  const config = loadConfig(
    {
      HTTP_PORT: "0",
      COORDINATOR_INVITE_CODE: COORDINATOR_CODE,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: tg.url,
      SLACK_BOT_TOKEN: "xoxb-rig",
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: "rig-password",
      TEAMS_TENANT_ID: "tenant-1",
      TEAMS_SERVICE_URL: teams.serviceUrl,
      ...env,
    },
    PLATFORMS,
  );
  const seen: InboundEvent[] = [];
  let gate: Promise<void> | undefined;
  const late: { app?: App } = {};
  const platforms = await createPlatforms({
    config,
    core: {
      async handle(event, deliver) {
        seen.push(event);
        await gate;
        return late.app!.core.handle(event, deliver);
      },
    },
    ping: () => db.ping(),
    onError: () => undefined,
    extras: {
      teams: {
        credentialsFactory: staticCredentials,
        endpoints: { openIdMetadataUrl: teams.openIdUrl, tokenIssuer: ISSUER, loginUrl: `${teams.url}/login`, oauthScope: "https://api.botframework.com" },
      },
    },
  });
  const clock = new FixedClock(T0);
  const app = createApp({
    db: db.prisma,
    clock,
    logger: pino({ level: "silent" }),
    channels: platforms.channels,
    defaultLocale: "da",
    codes: { coordinator: COORDINATOR_CODE },
    workerId: "rig",
    settings: appSettings(config, DEFAULT_SETTINGS),
  });
  late.app = app;
  await platforms.start();
  // What a reverse proxy set-up does once: tell Telegram where the webhook is.
  await fetch(`${tg.url}/bot${TG_TOKEN}/setWebhook`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${platforms.url}${TELEGRAM_WEBHOOK_PATH}`, secret_token: TG_SECRET }),
  });

  let updateId = 9000;
  const tgProfiles = new Map<number, { username?: string; first_name?: string }>();
  const tgUser = (id: number) => ({ id, is_bot: false, first_name: `U${id}`, language_code: "da", ...tgProfiles.get(id) });
  const chat = (id: number) => ({ id, type: "private", first_name: `U${id}` });
  const slackUrl = `${platforms.url}${SLACK_EVENTS_PATH}`;
  const slackPost = async (body: string, type: string) => (await slack.post(slackUrl, body, type, SLACK_SECRET)).status;
  let activityId = 1;
  const teamsPost = async (key: string, fields: Record<string, unknown>, token?: string | null) => {
    const activity = {
      type: "message",
      id: `rig-${activityId++}`,
      timestamp: new Date().toISOString(),
      channelId: "msteams",
      serviceUrl: teams.serviceUrl,
      locale: "da-DK",
      from: { id: `29:${key}`, name: `${key} Test`, aadObjectId: `aad-${key}` },
      conversation: { id: `a:personal-${key}`, conversationType: "personal", tenantId: "tenant-1" },
      recipient: { id: `28:${APP_ID}`, name: "Mentorbro" },
      ...fields,
    };
    const tok = token === undefined ? teams.mint({ aud: APP_ID, serviceurl: teams.serviceUrl }) : token;
    const res = await fetch(`${platforms.url}${TEAMS_MESSAGES_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(tok ? { authorization: `Bearer ${tok}` } : {}) },
      body: JSON.stringify(activity),
    });
    await res.text();
    return res.status;
  };

  return {
    tg,
    slack,
    teams,
    platforms,
    app,
    clock,
    seen,
    hold() {
      let release = () => undefined as void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
    async health() {
      const res = await fetch(`${platforms.url}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    telegram: {
      text: (user, text) => tg.deliver({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: chat(user), from: tgUser(user), text } }),
      press(user, action) {
        const msg = [...tg.rendered].reverse().find((r) => r.target === String(user) && r.buttons.some((b) => b.action === action));
        if (!msg) throw new Error(`no Telegram message to ${user} with ${action}`);
        const query = {
          id: `cb${updateId}`,
          from: tgUser(user),
          chat_instance: "ci",
          data: action,
          message: { message_id: msg.messageId, date: 0, chat: chat(user), text: msg.text },
        };
        return tg.deliver({ update_id: updateId++, callback_query: query });
      },
      pressInGroup(user, group, action) {
        const msg = [...tg.rendered].reverse().find((r) => r.target === String(group) && r.buttons.some((b) => b.action === action));
        if (!msg) throw new Error(`no Telegram message in ${group} with ${action}`);
        const groupChat = { id: group, type: "supergroup", title: "Coordinators" };
        const query = {
          id: `cb${updateId}`,
          from: tgUser(user),
          chat_instance: "cg",
          data: action,
          message: { message_id: msg.messageId, date: 0, chat: groupChat, text: msg.text },
        };
        return tg.deliver({ update_id: updateId++, callback_query: query });
      },
      received: (user) => tg.rendered.filter((r) => r.target === String(user)).map((r) => r.text),
      profile: (user, fields) => void tgProfiles.set(user, fields),
    },
    slackUser: {
      text: (user, text) => slackPost(JSON.stringify(messageEvent(user, { text })), "application/json"),
      press(user, action) {
        const msg = [...slack.rendered].reverse().find((r) => r.target === dmOf(user) && r.buttons.some((b) => b.action === action));
        if (!msg) throw new Error(`no Slack message to ${user} with ${action}`);
        const i = msg.buttons.findIndex((b) => b.action === action);
        const payload = blockAction(user, msg, { action_id: `mentorbro:btn:${i}`, value: action, label: msg.buttons[i]?.label ?? "" });
        return slackPost(`payload=${encodeURIComponent(JSON.stringify(payload))}`, "application/x-www-form-urlencoded");
      },
      pressInChannel(user, channel, action) {
        const msg = [...slack.rendered].reverse().find((r) => r.target === channel && r.buttons.some((b) => b.action === action));
        if (!msg) throw new Error(`no Slack message in ${channel} with ${action}`);
        const i = msg.buttons.findIndex((b) => b.action === action);
        const payload = blockAction(user, msg, { action_id: `mentorbro:btn:${i}`, value: action, label: msg.buttons[i]?.label ?? "" }, channel);
        return slackPost(`payload=${encodeURIComponent(JSON.stringify(payload))}`, "application/x-www-form-urlencoded");
      },
      received: (user) => slack.rendered.filter((r) => r.target === dmOf(user)).map((r) => r.text),
    },
    teamsUser: {
      text: (key, text, token) => teamsPost(key, { text }, token),
      press(key, action) {
        if (!teams.rendered.some((r) => r.target === `a:personal-${key}` && r.buttons.some((b) => b.action === action)))
          throw new Error(`no Teams card to ${key} with ${action}`);
        return teamsPost(key, { value: { action } });
      },
      pressInChannel(key, channel, action) {
        if (!teams.rendered.some((r) => r.target === channel && r.buttons.some((b) => b.action === action)))
          throw new Error(`no Teams card in ${channel} with ${action}`);
        // Action.Submit on a card in a channel: the channel conversation (with the card's message id).
        const conversation = { id: `${channel};messageid=1700000000000`, conversationType: "channel", isGroup: true, tenantId: "tenant-1" };
        return teamsPost(key, {
          value: { action },
          conversation,
          channelData: { tenant: { id: "tenant-1" }, channel: { id: channel }, team: { id: channel } },
        });
      },
      received: (key) => teams.rendered.filter((r) => r.target === `a:personal-${key}`).map((r) => r.text),
    },
    async stop() {
      await platforms.stop();
      await Promise.all([tg.close(), slack.close(), teams.close()]);
    },
  };
}

export const slackIdentity = (user: string) => `slack:${TEAM}:${user}`;
