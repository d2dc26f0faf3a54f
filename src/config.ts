// Every setting comes from the environment (a .env file is read first), validated once at start-up.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "expected a postgres:// URL, or leave it unset for the embedded database" })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LOCALE: z.enum(["da", "en"]).default("da"),
  TIMEZONE: z.string().default("Europe/Copenhagen"),
  DEMO_DATA: bool.default(true),
  COORDINATOR_INVITE_CODE: z.string().min(6, { message: "expected at least 6 characters" }).default("koordinator-demo"),
  MENTOR_INVITE_CODE: z.string().min(6, { message: "expected at least 6 characters" }).optional(),
  HELPLINES: z.string().optional(),
  ALERT_TARGET: z.string().optional(),
  SCHEDULER_CRON: z.string().default("*/5 * * * *"),
  DB_START_TIMEOUT_MS: z.coerce.number({ message: "expected a number of milliseconds" }).int().positive().default(30_000),
  HTTP_HOST: z.string().default("127.0.0.1"),
  HTTP_PORT: z.coerce.number({ message: "expected a port number" }).int().min(0).max(65535).default(3978),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_WEBHOOK_SECRET: z.string().optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  TEAMS_APP_ID: z.string().optional(),
  TEAMS_APP_PASSWORD: z.string().optional(),
  TEAMS_TENANT_ID: z.string().optional(),
  TEAMS_AUTH_DISABLED: bool.default(false),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const res = schema.safeParse(cleaned);
  if (res.success) return res.data;
  const issue = res.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
}

/** Config with secrets masked, safe to log. */
export function redactConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      /TOKEN|SECRET|PASSWORD|CODE|DATABASE_URL/.test(k) && v !== undefined ? "***" : v,
    ]),
  );
}
