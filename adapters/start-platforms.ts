// Builds the platform adapters the configuration asks for and hosts them on one HTTP server with
// GET /healthz (200 = database reachable and every adapter started). stop() is the graceful half of
// SIGTERM: stop taking updates, let what is in flight finish, then resolve.
import type { Config, PlatformName } from "../src/config.js";
import { enabledPlatforms } from "../src/config.js";
import { MentorbroError } from "../src/core/errors.js";
import type { BotCore, Channel, Platform } from "../src/core/messages.js";
import { createHttpServer, type HealthReport } from "./http/server.js";
import type { ErrorSink, PlatformAdapter } from "./platform.js";
import { createSlackAdapter } from "./slack/index.js";
import type { CredentialsFactory, TeamsEndpoints } from "./teams/auth/authentication.js";
import { createTeamsAdapter } from "./teams/index.js";
import { createTelegramAdapter } from "./telegram/index.js";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
export const SLACK_EVENTS_PATH = "/slack/events";
export const TEAMS_MESSAGES_PATH = "/api/messages";

export interface PlatformsOptions {
  config: Config;
  core: BotCore;
  /** Is the database reachable? (Database.ping) */
  ping: () => Promise<boolean>;
  onError: ErrorSink;
  /** Only to point Teams' auth at a fake (tests) or another cloud. */
  teams?: { endpoints?: TeamsEndpoints; credentialsFactory?: CredentialsFactory };
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

export function createPlatforms(options: PlatformsOptions): Platforms {
  const { config } = options;
  const names = enabledPlatforms(config);
  const adapters = new Map<PlatformName, PlatformAdapter>(names.map((name) => [name, build(name, options)]));
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

function build(name: PlatformName, o: PlatformsOptions): PlatformAdapter {
  const c = o.config;
  switch (name) {
    case "telegram":
      return createTelegramAdapter({
        token: c.TELEGRAM_BOT_TOKEN ?? "",
        core: o.core,
        onError: o.onError,
        ...(c.TELEGRAM_API_ROOT ? { apiRoot: c.TELEGRAM_API_ROOT } : {}),
        mode:
          c.TELEGRAM_MODE === "webhook"
            ? {
                kind: "webhook",
                path: TELEGRAM_WEBHOOK_PATH,
                secretToken: c.TELEGRAM_WEBHOOK_SECRET ?? "",
                ...(c.TELEGRAM_WEBHOOK_URL ? { publicUrl: c.TELEGRAM_WEBHOOK_URL } : {}),
              }
            : { kind: "polling" },
      });
    case "slack":
      return createSlackAdapter({
        core: o.core,
        botToken: c.SLACK_BOT_TOKEN ?? "",
        onError: o.onError,
        ...(c.SLACK_API_URL ? { apiUrl: c.SLACK_API_URL } : {}),
        mode: c.SLACK_APP_TOKEN
          ? { kind: "socket", appToken: c.SLACK_APP_TOKEN }
          : { kind: "http", signingSecret: c.SLACK_SIGNING_SECRET ?? "", path: SLACK_EVENTS_PATH },
      });
    case "teams":
      return createTeamsAdapter({
        core: o.core,
        path: TEAMS_MESSAGES_PATH,
        onError: o.onError,
        alertChannel: { serviceUrl: c.TEAMS_SERVICE_URL, ...(c.TEAMS_TENANT_ID ? { tenantId: c.TEAMS_TENANT_ID } : {}) },
        ...(c.TEAMS_TENANT_ID ? { tenantId: c.TEAMS_TENANT_ID } : {}),
        auth: c.TEAMS_AUTH_DISABLED
          ? { disabled: true }
          : {
              appId: c.TEAMS_APP_ID ?? "",
              ...(c.TEAMS_APP_PASSWORD ? { appPassword: c.TEAMS_APP_PASSWORD } : {}),
              ...(c.TEAMS_TENANT_ID ? { tenantId: c.TEAMS_TENANT_ID } : {}),
              ...(o.teams?.endpoints ? { endpoints: o.teams.endpoints } : {}),
              ...(o.teams?.credentialsFactory ? { credentialsFactory: o.teams.credentialsFactory } : {}),
            },
      });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
