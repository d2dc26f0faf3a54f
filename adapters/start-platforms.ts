// Builds the platform adapters the configuration asks for and hosts them on one HTTP server with
// GET /healthz (200 = database reachable and every adapter started). stop() is the graceful half of
// SIGTERM: stop taking updates, let what is in flight finish, then resolve.
import type { Config, PlatformName } from "../src/config.js";
import { enabledPlatforms } from "../src/config.js";
import { MentorbroError } from "../src/core/errors.js";
import type { BotCore, Channel, Platform } from "../src/core/messages.js";
import { createHttpServer, type HealthReport } from "./http/server.js";
import type { ErrorSink, PlatformAdapter, PlatformDescriptor } from "./platform.js";
import { PLATFORMS } from "./platforms.js";

export { TELEGRAM_WEBHOOK_PATH } from "./telegram/descriptor.js";
export { SLACK_EVENTS_PATH } from "./slack/descriptor.js";
export { TEAMS_MESSAGES_PATH } from "./teams/descriptor.js";

export interface PlatformsOptions {
  config: Config;
  core: BotCore;
  /** Is the database reachable? (Database.ping) */
  ping: () => Promise<boolean>;
  onError: ErrorSink;
  /** Per-platform extras by name (e.g. teams: fake auth endpoints in tests; see each descriptor). */
  extras?: Readonly<Record<string, unknown>>;
  /** The platform list; default adapters/platforms.ts. */
  platforms?: readonly PlatformDescriptor[];
  /** Longest wait for the database ping on /healthz. */
  pingTimeoutMs?: number;
}

export interface Platforms {
  readonly names: PlatformName[];
  /** One channel per connected platform, for createApp's channel map. */
  readonly channels: Map<Platform, Channel>;
  /** Listens, then starts every adapter; resolves with the bound port. */
  start(): Promise<number>;
  /** Stops taking updates, waits for requests and events in flight, closes the server. */
  stop(): Promise<void>;
  readonly url: string;
}

type State = "created" | "starting" | "started" | "stopping" | "stopped";

export async function createPlatforms(options: PlatformsOptions): Promise<Platforms> {
  const { config } = options;
  const list = options.platforms ?? PLATFORMS;
  const names = enabledPlatforms(config, list);
  const adapters = new Map<PlatformName, PlatformAdapter>();
  for (const d of list.filter((p) => names.includes(p.name))) {
    adapters.set(d.name, await d.create(config as never, { core: options.core, onError: options.onError, extras: options.extras }));
  }
  const channels = new Map<Platform, Channel>([...adapters].map(([name, a]) => [name, a.channel]));
  let state: State = "created";

  const server = createHttpServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    routes: [...adapters.values()].flatMap((a) => a.routes),
    closeTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    health: async (): Promise<HealthReport> => {
      const database = await withTimeout(options.ping(), options.pingTimeoutMs ?? 2_000).catch(() => false);
      return { ok: database && state === "started", database: database ? "reachable" : "unreachable", adapters: state, platforms: names };
    },
  });

  async function stopAdapters(which: PlatformAdapter[]): Promise<void> {
    await Promise.all(which.map((a) => a.stop().catch((err: unknown) => options.onError(err, `stop ${a.channel.platform}`))));
  }

  return {
    names,
    channels,
    get url() {
      return server.url;
    },
    async start() {
      state = "starting";
      // Listen first: a Telegram webhook registered in start() may be called at once.
      const port = await server.listen();
      const started: PlatformAdapter[] = [];
      for (const [name, adapter] of adapters) {
        try {
          await adapter.start();
          started.push(adapter);
        } catch (cause) {
          await stopAdapters(started);
          await server.close();
          state = "stopped";
          throw new MentorbroError("CONFIG_INVALID", `Could not connect to ${name}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        }
      }
      state = "started";
      return port;
    },
    async stop() {
      if (state === "stopping" || state === "stopped") return;
      state = "stopping";
      // Close first (no new connections; /healthz on open ones says 503), then let adapters stop
      // polling/sockets and drain their events while the server finishes requests in flight.
      const closed = server.close();
      await stopAdapters([...adapters.values()]);
      await closed;
      state = "stopped";
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
