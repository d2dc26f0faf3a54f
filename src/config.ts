// Every setting comes from the environment (a .env file is read first), validated once at start-up.
// Combinations are checked too (a Slack bot token without a way to receive events, an alert target
// on a platform that is not connected), so a misconfigured server stops with one clear line.
import { z } from "zod";
import type { AppSettings } from "./core/capability.js";
import { parseHelplines } from "./lib/safety/helplines.js";

export const envBool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const DEMO_COORDINATOR_CODE = "koordinator-demo";
/** Shortest invitation code accepted once a platform (reachable by anyone) is connected. */
export const MIN_PLATFORM_CODE_LENGTH = 12;

const baseSchema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "expected a postgres:// URL, or leave it unset for the embedded database" })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LOCALE: z.enum(["da", "en"]).default("da"),
  TIMEZONE: z.string().default("Europe/Copenhagen"),
  // Unset: demo data for the console only, never when a platform is connected.
  DEMO_DATA: envBool.optional(),
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
});

/**
 * What configuration needs to know of one platform. Each adapter's descriptor (adapters/<name>/)
 * is one of these plus how to create it; the list in adapters/platforms.ts is passed in here, so
 * adding a platform touches nothing in this file.
 */
export interface PlatformSpec<S extends z.ZodRawShape = z.ZodRawShape> {
  /** The prefix of its identities ("telegram:42"). */
  name: string;
  /** Its environment variables (each documented in .env.example). */
  env: S;
  /** Its credentials are set: connect it. */
  enabled(c: z.infer<z.ZodObject<S>>): boolean;
  /** A combination of its variables that cannot work: one line naming the variable. */
  problem?(c: z.infer<z.ZodObject<S>>): string | undefined;
  /** Outbox sends per second (and burst) below the platform's published limit. */
  sendLimit: { perSecond: number; burst?: number };
  /** ALERT_TARGET for a coordinators' channel on this platform. */
  alertTarget: { pattern: RegExp; example: string };
}

export type BaseConfig = z.infer<typeof baseSchema>;
/** The base settings, plus each platform's variables (read by that platform's descriptor). */
export type Config = BaseConfig & { readonly [variable: string]: unknown };
export type PlatformName = string;

function schemaFor(platforms: readonly PlatformSpec[]) {
  return platforms.reduce((schema, p) => schema.extend(p.env), baseSchema as z.ZodObject<z.ZodRawShape>);
}

/** Every variable the bot reads with these platforms (.env.example documents each one; a test checks). */
export function configKeys(platforms: readonly PlatformSpec[]): string[] {
  return Object.keys(schemaFor(platforms).shape);
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, platforms: readonly PlatformSpec[]): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const res = schemaFor(platforms).safeParse(cleaned);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
  }
  const config = res.data as Config;
  const problem = combinationProblem(config, platforms);
  if (problem) throw new ConfigError(`Invalid configuration: ${problem}`);
  return config;
}

/** The platforms whose credentials are set, in the list's order. */
export function enabledPlatforms(c: Config, platforms: readonly PlatformSpec[]): PlatformName[] {
  return platforms.filter((p) => p.enabled(c as never)).map((p) => p.name);
}

function combinationProblem(c: Config, all: readonly PlatformSpec[]): string | undefined {
  for (const p of all) {
    const problem = p.problem?.(c as never);
    if (problem) return problem;
  }
  if (c.HELPLINES !== undefined) {
    try {
      parseHelplines(c.HELPLINES);
    } catch (err) {
      return `HELPLINES: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const platforms = enabledPlatforms(c, all);
  if (c.ALERT_TARGET !== undefined) {
    const target = c.ALERT_TARGET;
    const platform = all.find((p) => p.alertTarget.pattern.test(target));
    if (!platform) {
      const examples = all.map((p) => p.alertTarget.example);
      const list = examples.length > 1 ? `${examples.slice(0, -1).join(", ")} or ${examples.at(-1)}` : (examples[0] ?? "a connected platform's channel");
      return `ALERT_TARGET: expected ${list}`;
    }
    if (!platforms.includes(platform.name)) return `ALERT_TARGET: ${platform.name} is not connected (set its credentials, or unset ALERT_TARGET)`;
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
