// One node:http server hosting any combination of adapter routes (Telegram webhook, Slack events,
// Teams /api/messages) plus GET /healthz. Binds 127.0.0.1 by default: a reverse proxy terminates
// TLS in front of it, and nothing should reach the bot except through that proxy.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Route } from "../platform.js";

export interface HealthReport {
  ok: boolean;
  [detail: string]: unknown;
}

export interface HttpServerOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  routes: Route[];
  /** Answers GET /healthz: 200 when ok, 503 otherwise (or when it throws). */
  health?: () => HealthReport | Promise<HealthReport>;
  /** How long close() waits for in-flight requests before cutting connections. */
  closeTimeoutMs?: number;
  /** Overrides of the limits below (tests use small ones). */
  limits?: Partial<HttpLimits>;
}

/**
 * What one client may hold of the server. Platforms send small JSON bodies at once and retry what
 * fails, so a request that dribbles in is an attack, not a slow platform: without these, Node keeps
 * a slow body for 5 minutes and takes any number of connections.
 */
export interface HttpLimits {
  /** The whole request, headers and body, must have arrived within this (then 408 and closed). */
  requestTimeoutMs: number;
  /** The headers must have arrived within this. */
  headersTimeoutMs: number;
  /** Open connections at most; further ones are closed at once (a proxy in front queues them). */
  maxConnections: number;
  /** A larger declared body is answered 413 before any route reads it (each route caps what it reads too). */
  maxBodyBytes: number;
  /** How often Node checks the two timeouts (its default, 30 s, would let a request live up to twice as long). */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  maxConnections: 1_000,
  maxBodyBytes: 1_000_000,
  checkIntervalMs: 1_000,
};

export interface HttpServer {
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops accepting, waits for in-flight requests (up to closeTimeoutMs), then resolves. */
  close(): Promise<void>;
  readonly url: string;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const host = options.host ?? "127.0.0.1";
  const byKey = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r]));
  const paths = new Set(options.routes.map((r) => r.path));
  let port = 0;
  let closing = false;

  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.shouldKeepAlive = false;
    res.on("finish", () => {
      // Once closing, a socket freed by a finished response is dropped at once rather than idling
      // until the keep-alive timeout.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (Number(req.headers["content-length"] ?? 0) > limits.maxBodyBytes) {
      res.shouldKeepAlive = false;
      return end(res, 413, { ok: false });
    }
    void handle(req, res);
  };
  const server = createServer(
    { requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs },
    onRequest,
  );
  server.maxConnections = limits.maxConnections;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    try {
      if (req.method === "GET" && path === "/healthz") return await healthz(res);
      const route = byKey.get(`${req.method ?? ""} ${path}`);
      if (!route) return end(res, paths.has(path) ? 405 : 404, { ok: false });
      // The handler owns the response (Bolt's listener answers asynchronously, after we return).
      await route.handler(req, res);
    } catch (err) {
      // One line, no stack: whatever a request can trigger must not flood the log.
      console.error(`[http] ${req.method} ${path} failed: ${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").slice(0, 300)}`);
      if (!res.headersSent) end(res, 500, { ok: false });
      else if (!res.writableEnded) res.end();
    }
  }

  async function healthz(res: ServerResponse): Promise<void> {
    let report: HealthReport;
    try {
      report = options.health ? await options.health() : { ok: true };
    } catch (err) {
      report = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    end(res, report.ok ? 200 : 503, report);
  }

  return {
    get url() {
      return `http://${host}:${port}`;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, host, () => {
          server.off("error", reject);
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        closing = true;
        // close() stops accepting and (Node >= 19) drops idle keep-alive sockets; busy ones finish.
        const timer = setTimeout(() => server.closeAllConnections(), options.closeTimeoutMs ?? 10_000);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

function end(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
