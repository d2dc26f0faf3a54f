// Slack harness: a fake Slack plus the real Bolt-based adapter over HTTP (signed requests, hosted by
// adapters/http/server.ts as in production).
import { createHttpServer, type HttpServer } from "../../adapters/http/server.js";
import type { PlatformAdapter } from "../../adapters/platform.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import type { BotCore, Channel } from "../../src/core/messages.js";
import { startFakeSlack, sign, TEAM, type FakeSlack } from "../fakes/fake-slack.js";
import { sendWire, type WireRequest } from "../fakes/http-util.js";
import { blockAction, dmOf, formBody, messageEvent, userIdOf, viewSubmission } from "../fakes/slack-payloads.js";
import type { ContractHarness, MediaKind } from "./contract-suite.js";

export const SIGNING_SECRET = "slack-signing-secret";
const ALERT_CHANNEL = "C99";

const MEDIA: Record<MediaKind, Record<string, unknown>> = {
  photo: { subtype: "file_share", files: [{ id: "F1", mimetype: "image/jpeg", name: "me.jpg" }] },
  voice: { subtype: "file_share", files: [{ id: "F2", mimetype: "audio/webm", subtype: "slack_audio", name: "clip" }] },
  document: { subtype: "file_share", files: [{ id: "F3", mimetype: "application/pdf", name: "cv.pdf" }] },
  sticker: {},
};

/** A request signed exactly as Slack signs it, but stamped `ageSeconds` ago. */
export function signedAt(url: string, body: string, ageSeconds: number): WireRequest {
  const stamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
  return {
    url,
    headers: { "content-type": "application/json", "x-slack-request-timestamp": stamp, "x-slack-signature": sign(SIGNING_SECRET, stamp, body) },
    body,
  };
}

export interface SlackHarness extends ContractHarness {
  readonly fake: FakeSlack;
  readonly eventsUrl: string;
  userId(key: string): string;
  /** Posts a signed body; returns status and response text (modal validation errors come back here). */
  postSigned(body: string, contentType: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Opens the form from the latest form message and submits it; returns the HTTP response. */
  submitView(key: string, fields: Record<string, string>): Promise<{ status: number; text: string }>;
}

export function createSlackHarness(): SlackHarness {
  let fake: FakeSlack | undefined;
  let adapter: PlatformAdapter | undefined;
  let server: HttpServer | undefined;
  let eventsUrl = "";
  let last: { body: string; type: string } | undefined;
  const users = new Map<string, string>();

  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("harness not started");
    return v;
  };
  const userId = (key: string): string => {
    if (!users.has(key)) users.set(key, userIdOf(key, users.size));
    return users.get(key) ?? "";
  };
  async function post(body: string, type: string, headers?: Record<string, string>) {
    last = { body, type };
    const res = await need(fake).post(eventsUrl, body, type, SIGNING_SECRET, headers);
    if (res.status !== 200) throw new Error(`bot answered ${res.status}: ${res.text}`);
    return res;
  }
  const postEvent = (payload: unknown) => post(JSON.stringify(payload), "application/json");
  const postInteraction = (payload: unknown) => post(formBody(payload), "application/x-www-form-urlencoded");
  const latestTo = (key: string, pred: (r: FakeSlack["rendered"][number]) => boolean) => {
    const found = [...need(fake).rendered].reverse().find((r) => r.target === dmOf(userId(key)) && pred(r));
    if (!found) throw new Error(`no matching message to ${key}`);
    return found;
  };

  async function submitView(key: string, fields: Record<string, string>) {
    const msg = latestTo(key, (r) => r.formFields !== undefined);
    const blocks = (msg.raw as { blocks: { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[] }).blocks;
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "mentorbro:form");
    if (!button) throw new Error("form message without form button");
    await postInteraction(blockAction(userId(key), msg, { action_id: button.action_id, value: button.value, label: button.text.text }));
    const open = [...need(fake).calls].reverse().find((c) => c.method === "views.open");
    if (!open) throw new Error("the bot did not open a modal");
    const view = JSON.parse(String(open.body.view)) as Parameters<typeof viewSubmission>[1];
    return post(formBody(viewSubmission(userId(key), view, fields)), "application/x-www-form-urlencoded");
  }

  return {
    platform: "slack",
    alertTarget: `slack:${TEAM}:${ALERT_CHANNEL}`,
    mediaKinds: ["photo", "voice", "document"],
    get fake() {
      return need(fake);
    },
    get eventsUrl() {
      return eventsUrl;
    },
    get channel(): Channel {
      return need(adapter).channel;
    },
    userId,
    identityOf: (key) => `slack:${TEAM}:${userId(key)}`,

    async start(core: BotCore) {
      fake = await startFakeSlack();
      adapter = createSlackAdapter({ core, botToken: "xoxb-test", apiUrl: fake.apiUrl, mode: { kind: "http", signingSecret: SIGNING_SECRET } });
      server = createHttpServer({ port: 0, routes: adapter.routes });
      eventsUrl = `http://127.0.0.1:${await server.listen()}/slack/events`;
      await adapter.start();
    },
    async stop() {
      await adapter?.stop();
      await server?.close();
      await fake?.close();
    },

    postSigned: (body, type, headers) => need(fake).post(eventsUrl, body, type, SIGNING_SECRET, headers),
    sendText: async (key, text) => void (await postEvent(messageEvent(userId(key), { text }))),
    sendMedia: async (key, kind) => void (await postEvent(messageEvent(userId(key), MEDIA[kind]))),
    async pressButton(key, action) {
      const msg = latestTo(key, (r) => r.buttons.some((b) => b.action === action));
      const index = msg.buttons.findIndex((b) => b.action === action);
      await postInteraction(blockAction(userId(key), msg, { action_id: `mentorbro:btn:${index}`, value: action, label: msg.buttons[index]?.label ?? "" }));
    },
    submitView,
    async submitForm(key, _formId, fields) {
      await submitView(key, fields);
    },
    async redeliverLast() {
      const l = need(last);
      await post(l.body, l.type);
    },
    async sendForged() {
      const body = JSON.stringify(messageEvent(userId("mallory"), { text: "forged" }));
      return (await need(fake).post(eventsUrl, body, "application/json", "wrong-secret")).status;
    },
    lastRequest() {
      return need(need(fake).lastSent);
    },
    sendReplayed: (request) => sendWire(request, eventsUrl),
    async sendStale() {
      // Bolt refuses a timestamp more than 5 minutes old, so a captured request cannot be replayed later.
      const body = JSON.stringify(messageEvent(userId("mallory"), { text: "stale" }));
      return { "signed 6 minutes ago": await sendWire(signedAt(eventsUrl, body, 6 * 60)) };
    },
    received(keyOrTarget) {
      const target = keyOrTarget.startsWith("slack:") ? (keyOrTarget.split(":")[2] ?? "") : dmOf(userId(keyOrTarget));
      return need(fake).rendered.filter((r) => r.target === target);
    },
    rateLimitNextSend: (seconds) => need(fake).rateLimitNext(seconds),
    failNextSend: (status) => need(fake).failNext(status),
  };
}
