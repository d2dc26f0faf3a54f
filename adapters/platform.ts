// Shared shapes every adapter factory returns, so one HTTP server (adapters/http/server.ts) can host
// any combination of adapters and the composition root can start/stop them uniformly.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { PlatformSpec } from "../src/config.js";
import type { BotCore, Channel } from "../src/core/messages.js";

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

/** What every adapter is given when it is created from configuration. */
export interface AdapterContext {
  core: BotCore;
  onError: ErrorSink;
  /** Per-platform extras by platform name, e.g. the fake endpoints a test points Teams' auth at. */
  extras?: Readonly<Record<string, unknown>>;
}

/**
 * One platform, described once (adapters/<name>/descriptor.ts) and listed in adapters/platforms.ts:
 * its configuration slice, when it is on, its send limit and alert-channel form (PlatformSpec), and
 * how to create it. Everything else (config schema, enabled list, ALERT_TARGET check, send limits,
 * the server's routes) is derived from the list.
 */
export interface PlatformDescriptor<S extends z.ZodRawShape = z.ZodRawShape> extends PlatformSpec<S> {
  /** Loads the SDK only now (a console-only bot starts without them) and creates the adapter. */
  create(config: z.infer<z.ZodObject<S>>, ctx: AdapterContext): Promise<PlatformAdapter>;
}

/** Gives a descriptor its own config type while the list holds them all. */
export function describePlatform<S extends z.ZodRawShape>(d: PlatformDescriptor<S>): PlatformDescriptor {
  return d as unknown as PlatformDescriptor;
}
