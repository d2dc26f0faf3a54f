// Every setting comes from the environment (a .env file is read first), validated once at start-up.
// Combinations are checked too (a Slack bot token without a way to receive events, an alert target
// on a platform that is not connected), so a misconfigured server stops with one clear line.
import { z } from "zod";
import type { AppSettings } from "./core/capability.js";
import { parseHelplines } from "./lib/safety/helplines.js";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" }).transform((v) => v === "true" || v === "1" || v === "yes");

export const DEMO_COORDINATOR_CODE = "koordinator-demo";
/** Shortest invitation code accepted once a platform (reachable by anyone) is connected. */
export const MIN_PLATFORM_CODE_LENGTH = 12;

const schema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "expected a postgres:// URL, or leave it unset for the embedded database" })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LOCALE: z.enum(["da", "en"]).default("da"),
  TIMEZONE: z.string().default("Europe/Copenhagen"),
  // Unset: demo data for the console only, never when a platform is connected.
  DEMO_DATA: bool.optional(),
  COORDINATOR_INVITE_CODE: z.string().min(6, { message: "expected at least 6 characters" }).default(DEMO_COORDINATOR_CODE),
  MENTOR_INVITE_CODE: z.string().min(6, { message: "expected at least 6 characters" }).optional(),
  HELPLINES: z.string().optional(),
  ALERT_TARGET: z.string().optional(),
  SEND_RATE_LIMITS: z
    .string()
    .regex(/^\s*$|^[a-z]+=\d+(\.\d+)?(:\d+)?(,[a-z]+=\d+(\.\d+)?(:\d+)?)*$/, {
      message: 'expected e.g. "telegram=25:5,slack=1:3" (messages per second : burst)',
    })
    .optional(),
  RETENTION_MONTHS: z.coerce.number({ message: "expected a number of months" }).int().min(1).max(240).default(24),
  SCHEDULER_CRON: z.string().default("*/5 * * * *"),
  DB_START_TIMEOUT_MS: z.coerce.number({ message: "expected a number of milliseconds" }).int().positive().default(30_000),
  HTTP_HOST: z.string().default("127.0.0.1"),
  HTTP_PORT: z.coerce.number({ message: "expected a port number" }).int().min(0).max(65535).default(3978),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: "expected a number of milliseconds" }).int().positive().default(10_000),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, { message: "expected the token from BotFather, like 123456:ABC-…" })
    .optional(),
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: "expected 1-256 characters of A-Z a-z 0-9 _ -" })
    .optional(),
  TELEGRAM_WEBHOOK_URL: z.string().url({ message: "expected the public https URL of /telegram/webhook" }).optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, { message: "expected an app-level token starting with xapp-" })
    .optional(),
  SLACK_API_URL: z.string().url().optional(),
  TEAMS_APP_ID: z.string().optional(),
  TEAMS_APP_PASSWORD: z.string().optional(),
  TEAMS_TENANT_ID: z.string().optional(),
  TEAMS_AUTH_DISABLED: bool.default(false),
  TEAMS_SERVICE_URL: z.string().url().default("https://smba.trafficmanager.net/teams/"),
});

export type Config = z.infer<typeof schema>;
/** Every variable the bot reads (.env.example documents each one; a test checks). */
export const CONFIG_KEYS = Object.keys(schema.shape);
export type PlatformName = "telegram" | "slack" | "teams";

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const res = schema.safeParse(cleaned);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
  }
  const problem = combinationProblem(res.data);
  if (problem) throw new ConfigError(`Invalid configuration: ${problem}`);
  return res.data;
}

/** The platforms whose credentials are set, in a fixed order. */
export function enabledPlatforms(c: Config): PlatformName[] {
  const out: PlatformName[] = [];
  if (c.TELEGRAM_BOT_TOKEN) out.push("telegram");
  if (c.SLACK_BOT_TOKEN) out.push("slack");
  if (c.TEAMS_APP_ID || c.TEAMS_AUTH_DISABLED) out.push("teams");
  return out;
}

const ALERT_TARGET = /^(telegram:group:-?\d+|slack:[A-Z0-9]+:[A-Z0-9]+|teams:channel:\S+)$/;

function combinationProblem(c: Config): string | undefined {
  if (c.TELEGRAM_MODE === "webhook" && c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET) {
    return "TELEGRAM_WEBHOOK_SECRET: needed when TELEGRAM_MODE=webhook";
  }
  if (!c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) return "SLACK_BOT_TOKEN: needed with the other SLACK_ variables";
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    return "SLACK_SIGNING_SECRET: needed with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)";
  }
  if (c.TEAMS_APP_ID && !c.TEAMS_APP_PASSWORD && !c.TEAMS_AUTH_DISABLED) return "TEAMS_APP_PASSWORD: needed with TEAMS_APP_ID";
  if (c.HELPLINES !== undefined) {
    try {
      parseHelplines(c.HELPLINES);
    } catch (err) {
      return `HELPLINES: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const platforms = enabledPlatforms(c);
  if (c.ALERT_TARGET !== undefined) {
    if (!ALERT_TARGET.test(c.ALERT_TARGET))
      return "ALERT_TARGET: expected telegram:group:<chat id>, slack:<team id>:<channel id> or teams:channel:<conversation id>";
    const platform = c.ALERT_TARGET.split(":")[0] as PlatformName;
    if (!platforms.includes(platform)) return `ALERT_TARGET: ${platform} is not connected (set its credentials, or unset ALERT_TARGET)`;
  }
  // The demo code is public (README): a connected bot would let anyone become a coordinator.
  if (platforms.length > 0 && c.COORDINATOR_INVITE_CODE === DEMO_COORDINATOR_CODE) {
    return "COORDINATOR_INVITE_CODE: choose your own code before connecting a platform";
  }
  // Tries are limited (src/security/code-guard.ts), but a short code still falls to many accounts
  // guessing at once; on a reachable bot the codes must be long.
  if (platforms.length > 0) {
    for (const name of ["COORDINATOR_INVITE_CODE", "MENTOR_INVITE_CODE"] as const) {
      const code = c[name];
      if (code !== undefined && code.length < MIN_PLATFORM_CODE_LENGTH) {
        return `${name}: use at least ${MIN_PLATFORM_CODE_LENGTH} characters when a platform is connected, so the code cannot be guessed (it has ${code.length})`;
      }
    }
  }
  return undefined;
}

/** What capabilities read from configuration (alert channel, help lines, time zone). */
export function appSettings(c: Config, defaults: AppSettings): AppSettings {
  return {
    ...defaults,
    ...(c.ALERT_TARGET ? { alertTarget: c.ALERT_TARGET } : {}),
    // Unset keeps the defaults object itself (the safety module then uses its own category-aware list).
    ...(c.HELPLINES
      ? { helplines: parseHelplines(c.HELPLINES).map((h) => ({ name: h.name, number: h.phone, ...(h.categories ? { categories: h.categories } : {}) })) }
      : {}),
    timezone: c.TIMEZONE,
    retentionMonths: c.RETENTION_MONTHS,
  };
}

/** Config with secrets masked, safe to log. */
export function redactConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, /TOKEN|SECRET|PASSWORD|CODE|DATABASE_URL/.test(k) && v !== undefined ? "***" : v]));
}
