// Small helpers shared by the fake platform servers: listen on 127.0.0.1:0, read bodies, answer JSON.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface FakeServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(handler: Handler): Promise<FakeServer> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      Promise.resolve(handler(req, res, Buffer.concat(chunks))).catch((err: unknown) => {
        if (!res.headersSent) json(res, 500, { error: String(err) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Parses a JSON, form-encoded or multipart body into a flat record of strings/objects. */
export function parseBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = req.headers["content-type"] ?? "";
  const text = body.toString("utf8");
  if (type.includes("application/json")) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (boundary) return parseMultipart(body, boundary[1] ?? boundary[2] ?? "");
  return {};
}

/** Minimal multipart/form-data parser: text parts as strings, file parts as { filename, bytes }. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const raw = body.toString("latin1");
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const bytes = Buffer.from(value, "latin1");
    out[name] = filename !== undefined ? { filename, bytes } : bytes.toString("utf8");
  }
  return out;
}

/** Polls a condition (no fixed sleeps): resolves as soon as it holds, rejects after timeoutMs. */
export async function waitFor(cond: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An inbound request to the bot exactly as it went over the wire, kept to replay it unchanged. */
export interface WireRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** POSTs a captured request again, byte for byte (to `url` when given: another process); resolves to the status. */
export async function sendWire(request: WireRequest, url = request.url): Promise<number> {
  const res = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  await res.arrayBuffer();
  return res.status;
}
