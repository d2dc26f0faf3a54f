// Shared shapes every adapter factory returns, so one HTTP server (adapters/http/server.ts) can host
// any combination of adapters and the composition root can start/stop them uniformly.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Channel } from "../src/core/messages.js";

export interface Route {
  method: "GET" | "POST";
  /** Exact path, matched against the request path without its query string. */
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

export interface PlatformAdapter {
  readonly channel: Channel;
  /** Connects to the platform (polling, socket, webhook registration). Resolves once ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** HTTP routes to mount; empty for long polling and Socket Mode. */
  readonly routes: Route[];
}

/** Where adapters report failures they cannot surface to the platform (logged by the caller). */
export type ErrorSink = (err: unknown, context: string) => void;

/** One line per failure (no stack): a flood of refused requests must not become a flood of log lines. */
export const defaultErrorSink: ErrorSink = (err, context) => {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  console.error(`[adapter] ${context}: ${message.replace(/\s+/g, " ").slice(0, 300)}`);
};
