// Teams harness: a fake Bot Framework (OpenID + JWKS + connector) plus the real CloudAdapter-based
// adapter with real JWT validation, hosted on adapters/http/server.ts as in production.
import type { CredentialsFactory } from "../../adapters/teams/auth/authentication.js";
import { createHttpServer, type HttpServer } from "../../adapters/http/server.js";
import type { PlatformAdapter } from "../../adapters/platform.js";
import { createTeamsAdapter, type TeamsAdapterOptions } from "../../adapters/teams/index.js";
import type { BotCore, Channel } from "../../src/core/messages.js";
import { ISSUER, mintToken, startFakeTeams, type FakeTeams } from "../fakes/fake-teams.js";
import { sendWire, type WireRequest } from "../fakes/http-util.js";
import type { ContractHarness, MediaKind } from "./contract-suite.js";

export const APP_ID = "00000000-0000-0000-0000-0000000b0700";
const ALERT_CONVERSATION = "19:alerts@thread.tacv2";

/** Outbound tokens come from MSAL in production; offline a static token stands in (platforms.md). */
export const staticCredentials = {
  isValidAppId: async (appId: string) => appId === APP_ID,
  isAuthenticationDisabled: async () => false,
  createCredentials: async () => ({
    signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
      request.headers.set("authorization", "Bearer static-outbound-token");
      return request;
    },
  }),
} as unknown as CredentialsFactory;

const MEDIA: Partial<Record<MediaKind, { contentType: string; contentUrl?: string; name?: string; content?: unknown }[]>> = {
  photo: [{ contentType: "image/png", contentUrl: "https://teams.test/img.png" }],
  document: [
    {
      contentType: "application/vnd.microsoft.teams.file.download.info",
      name: "cv.pdf",
      content: { downloadUrl: "https://teams.test/cv.pdf", fileType: "pdf" },
    },
  ],
};

/** A valid token for this bot, issued an hour ago and expiring `expiresInSec` from now (negative: expired). */
export function tokenExpiringIn(fake: FakeTeams, expiresInSec: number): string {
  const now = Math.floor(Date.now() / 1000);
  return mintToken({ iss: ISSUER, aud: APP_ID, serviceurl: fake.serviceUrl, nbf: now - 3600, iat: now - 3600, exp: now + expiresInSec });
}

export interface TeamsHarness extends ContractHarness {
  readonly fake: FakeTeams;
  readonly messagesUrl: string;
  /** Posts an activity from the user, signed with a valid token unless `token` is given. */
  postActivity(key: string, fields: Record<string, unknown>, token?: string | null): Promise<{ status: number; body: string }>;
}

/** Adapter options a test may set beyond the harness's own (tenant restriction, error sink). */
export type TeamsExtras = Pick<TeamsAdapterOptions, "tenantId" | "onError">;

export function createTeamsHarness(authMode: "jwt" | "disabled" = "jwt", extras: TeamsExtras = {}): TeamsHarness {
  let fake: FakeTeams | undefined;
  let adapter: PlatformAdapter | undefined;
  let server: HttpServer | undefined;
  let messagesUrl = "";
  let last: { body: string; token: string | null } | undefined;
  let lastWire: WireRequest | undefined;
  let nextId = 1;

  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("harness not started");
    return v;
  };
  const conversationOf = (key: string) => `a:personal-${key}`;
  const validToken = () => need(fake).mint({ aud: APP_ID, serviceurl: need(fake).serviceUrl });

  async function send(body: string, token: string | null) {
    lastWire = { url: messagesUrl, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body };
    const res = await fetch(messagesUrl, { method: "POST", headers: lastWire.headers, body });
    return { status: res.status, body: await res.text() };
  }

  async function postActivity(key: string, fields: Record<string, unknown>, token?: string | null) {
    const activity = {
      type: "message",
      id: `act-in-${nextId++}`,
      timestamp: new Date().toISOString(),
      channelId: "msteams",
      serviceUrl: need(fake).serviceUrl,
      locale: "da-DK",
      from: { id: `29:${key}`, name: `${key} Test`, aadObjectId: `aad-${key}` },
      conversation: { id: conversationOf(key), conversationType: "personal", tenantId: "tenant-1" },
      recipient: { id: `28:${APP_ID}`, name: "Mentorbro" },
      channelData: { tenant: { id: "tenant-1" } },
      ...fields,
    };
    const body = JSON.stringify(activity);
    const tok = token === undefined ? (authMode === "jwt" ? validToken() : null) : token;
    last = { body, token: tok };
    const res = await send(body, tok);
    if (token === undefined && res.status !== 200) throw new Error(`bot answered ${res.status}: ${res.body}`);
    return res;
  }

  return {
    platform: "teams",
    alertTarget: `teams:channel:${ALERT_CONVERSATION}`,
    mediaKinds: ["photo", "document"],
    get fake() {
      return need(fake);
    },
    get messagesUrl() {
      return messagesUrl;
    },
    get channel(): Channel {
      return need(adapter).channel;
    },
    identityOf: (key) => `teams:aad-${key}`,

    async start(core: BotCore) {
      fake = await startFakeTeams();
      const auth: TeamsAdapterOptions["auth"] =
        authMode === "disabled"
          ? { disabled: true }
          : {
              appId: APP_ID,
              credentialsFactory: staticCredentials,
              endpoints: { openIdMetadataUrl: fake.openIdUrl, tokenIssuer: ISSUER, loginUrl: `${fake.url}/login`, oauthScope: "https://api.botframework.com" },
            };
      adapter = createTeamsAdapter({ core, auth, alertChannel: { serviceUrl: fake.serviceUrl, tenantId: "tenant-1" }, onError: () => undefined, ...extras });
      server = createHttpServer({ port: 0, routes: adapter.routes });
      messagesUrl = `http://127.0.0.1:${await server.listen()}/api/messages`;
      await adapter.start();
    },
    async stop() {
      await adapter?.stop();
      await server?.close();
      await fake?.close();
    },

    postActivity,
    sendText: async (key, text) => void (await postActivity(key, { text })),
    async sendMedia(key, kind) {
      const attachments = MEDIA[kind];
      if (!attachments) throw new Error(`Teams has no native ${kind}`);
      await postActivity(key, { attachments });
    },
    async pressButton(key, action) {
      const found = need(fake)
        .rendered.filter((r) => r.target === conversationOf(key) && r.buttons.some((b) => b.action === action))
        .at(-1);
      if (!found) throw new Error(`no card to ${key} with ${action}`);
      // Action.Submit: a message activity whose value is the action's data, no text. A choice from a
      // long list is the list's submit, with the chosen value merged in as Teams does.
      const fromList = JSON.stringify(found.raw).includes('"mentorbroChoice"');
      await postActivity(key, { value: fromList ? { mentorbroPick: true, mentorbroChoice: action } : { action } });
    },
    async submitForm(key, formId, fields) {
      await postActivity(key, { value: { mentorbroForm: formId, ...fields } });
    },
    async redeliverLast() {
      const l = need(last);
      await send(l.body, l.token);
    },
    async sendForged() {
      const res = await postActivity("mallory", { text: "forged" }, null);
      return res.status;
    },
    lastRequest: () => need(lastWire),
    sendReplayed: (request) => sendWire(request, messagesUrl),
    async sendStale() {
      // The token is a bearer token, not bound to the body: its expiry and audience are what limit a replay.
      const f = need(fake);
      const status = async (token: string) => (await postActivity("mallory", { text: "stale" }, token)).status;
      return {
        "token expired 10 minutes ago (tolerance 5)": await status(tokenExpiringIn(f, -600)),
        "token for another app id": await status(f.mint({ aud: "11111111-2222-3333-4444-555555555555", serviceurl: f.serviceUrl })),
        "token for another serviceUrl": await status(f.mint({ aud: APP_ID, serviceurl: "https://evil.test/" })),
      };
    },
    received(keyOrTarget) {
      const target = keyOrTarget.startsWith("teams:channel:") ? keyOrTarget.slice("teams:channel:".length) : conversationOf(keyOrTarget);
      return need(fake).rendered.filter((r) => r.target === target);
    },
    rateLimitNextSend: (seconds) => need(fake).rateLimitNext(seconds),
    failNextSend: (status) => need(fake).failNext(status),
  };
}
