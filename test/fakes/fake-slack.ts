// A fake Slack on 127.0.0.1: the Web API (/api/<method>, form-encoded like the real one), the file
// upload URL, Socket Mode (apps.connections.open + a WebSocket sending envelopes), and helpers that
// sign requests to the bot exactly as Slack does. Messages the bot posts are decoded into Rendered.
import { createHmac } from "node:crypto";
import type { Rendered } from "../contract/harness.js";
import { json, listen, parseBody, type WireRequest } from "./http-util.js";
import { blockErrors, refusalBody, viewErrors } from "./slack-rules.js";
import { WebSocketServer, type WebSocket } from "ws";

export interface Call {
  method: string;
  body: Record<string, unknown>;
}
interface Block {
  type: string;
  elements?: { action_id?: string; value?: string; text?: { text: string } }[];
}

export interface FakeSlack {
  readonly url: string;
  readonly apiUrl: string;
  readonly calls: Call[];
  readonly rendered: (Rendered & { ts: string })[];
  readonly acks: Record<string, unknown>[];
  rateLimitNext(seconds: number): void;
  /** The next chat.postMessage/conversations.open answers this HTTP 5xx. */
  failNext(status?: number): void;
  /** The next chat.postMessage answers HTTP 200 with { ok: false, error } (how Slack reports most failures). */
  platformErrorNext(error: string): void;
  /** Statuses of the sends refused by rateLimitNext/failNext, in order (200 for a platform error). */
  readonly refused: number[];
  /** Calls refused as the real Slack would (invalid_blocks, invalid_arguments): method and errors. */
  readonly invalid: { method: string; error: string; errors: string[] }[];
  /** POSTs to the bot signed with `secret`; resolves with status and body text. */
  post(url: string, body: string, contentType: string, secret: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** The last request post() sent, signature and timestamp included (to replay it). */
  readonly lastSent: WireRequest | undefined;
  /** Socket Mode: sends an envelope over the open WebSocket. */
  sendEnvelope(type: "events_api" | "interactive", payload: unknown): string;
  readonly socketOpen: boolean;
  close(): Promise<void>;
}

export const TEAM = "T1";

export const unescapeText = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
export const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function sign(secret: string, ts: string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  const rendered: FakeSlack["rendered"] = [];
  const acks: Record<string, unknown>[] = [];
  // One-off refusal for the next send: a 429 with retry-after, an HTTP 5xx, or an ok:false body.
  let refuse: { status: number; retryAfter?: number; error?: string } | undefined;
  const refused: number[] = [];
  const invalid: FakeSlack["invalid"] = [];
  let ts = 1000;
  let socket: WebSocket | undefined;
  let envelopes = 0;
  let lastSent: WireRequest | undefined;

  function decode(body: Record<string, unknown>): Rendered & { ts: string } {
    const blocks = JSON.parse(String(body.blocks ?? "[]")) as Block[];
    const elements = blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
    const formButton = elements.find((e) => e.action_id === "mentorbro:form");
    const form = formButton?.value ? (JSON.parse(formButton.value) as { fields: { name: string }[] }) : undefined;
    return {
      target: String(body.channel),
      // As a person sees it: Slack shows &amp; &lt; &gt; as & < >.
      text: unescapeText(String(body.text ?? "")),
      buttons: elements
        .filter((e) => e.action_id?.startsWith("mentorbro:btn:"))
        .map((e) => ({ label: unescapeText(e.text?.text ?? ""), action: e.value ?? "" })),
      ...(form ? { formFields: form.fields.map((f) => f.name) } : {}),
      raw: { ...body, blocks },
      ts: `${ts++}.000100`,
    };
  }

  const fake = await listen(async (req, res, raw) => {
    const path = req.url ?? "";
    if (path.startsWith("/upload/")) {
      calls.push({ method: "upload", body: { path, bytes: raw } });
      return json(res, 200, { ok: true });
    }
    const method = path.replace(/^\/api\//, "").split("?")[0] ?? "";
    const body = parseBody(req, raw);
    calls.push({ method, body });
    const ok = (extra: Record<string, unknown> = {}) => json(res, 200, { ok: true, ...extra });
    if ((method === "chat.postMessage" || method === "conversations.open") && refuse !== undefined) {
      const { status, retryAfter, error } = refuse;
      refuse = undefined;
      refused.push(status);
      if (retryAfter !== undefined) return json(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) });
      return json(res, status, { ok: false, error: error ?? (status === 503 ? "service_unavailable" : "internal_error") });
    }
    // What the real Web API refuses, it refuses here, with the same body (HTTP 200, ok: false).
    const errors =
      method === "chat.postMessage" || method === "chat.update"
        ? blockErrors(JSON.parse(String(body.blocks ?? "[]")), "message")
        : method === "views.open"
          ? viewErrors(JSON.parse(String(body.view ?? "{}")) as Record<string, unknown>)
          : [];
    if (errors.length > 0) {
      const error = method === "views.open" ? "invalid_arguments" : "invalid_blocks";
      invalid.push({ method, error, errors });
      return json(res, 200, refusalBody(error, errors));
    }
    switch (method) {
      case "auth.test":
        return ok({ url: "https://t.slack.test/", team: "Test", user: "mentorbro", team_id: TEAM, user_id: "UBOT", bot_id: "BBOT" });
      case "apps.connections.open":
        return ok({ url: `ws://127.0.0.1:${fake.port}/link` });
      case "users.info": {
        const id = String(body.user);
        return ok({ user: { id, name: `user-${id}`, real_name: `Real ${id}`, locale: "da-DK", profile: { display_name: `Display ${id}` } } });
      }
      case "conversations.open":
        return ok({ channel: { id: String(body.users).replace(/^U/, "D") } });
      case "chat.postMessage": {
        const r = decode(body);
        rendered.push(r);
        return ok({ channel: r.target, ts: r.ts, message: { text: r.text } });
      }
      case "files.getUploadURLExternal":
        return ok({ upload_url: `${fake.url}/upload/F${ts}`, file_id: `F${ts++}` });
      case "files.completeUploadExternal":
        return ok({ files: [{ id: "F1" }] });
      default:
        return ok(); // chat.update, views.open, …
    }
  });

  // Socket Mode: apps.connections.open hands out ws://…/link; the fake speaks Slack's envelope protocol over it.
  const wss = new WebSocketServer({ server: fake.server, path: "/link" });
  wss.on("connection", (ws) => {
    socket = ws;
    ws.on("message", (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: { app_id: "A1" } }));
  });

  return {
    url: fake.url,
    apiUrl: `${fake.url}/api/`,
    calls,
    rendered,
    acks,
    get socketOpen() {
      return socket !== undefined;
    },
    refused,
    invalid,
    get lastSent() {
      return lastSent;
    },
    rateLimitNext(seconds) {
      refuse = { status: 429, retryAfter: seconds };
    },
    failNext(status = 500) {
      refuse = { status };
    },
    platformErrorNext(error) {
      refuse = { status: 200, error };
    },
    async post(url, body, contentType, secret, headers = {}) {
      const stamp = String(Math.floor(Date.now() / 1000));
      lastSent = {
        url,
        headers: { "content-type": contentType, "x-slack-request-timestamp": stamp, "x-slack-signature": sign(secret, stamp, body), ...headers },
        body,
      };
      const res = await fetch(url, { method: "POST", headers: lastSent.headers, body });
      return { status: res.status, text: await res.text() };
    },
    sendEnvelope(type, payload) {
      if (!socket) throw new Error("no socket mode connection");
      const envelope_id = `env-${++envelopes}`;
      socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type === "interactive", retry_attempt: 0, retry_reason: "" }));
      return envelope_id;
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await fake.close();
    },
  };
}
