// Configuration: .env.example documents every variable with its default, and combinations that
// cannot work stop the bot with one line naming the variable.
import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../src/core/capability.js";
import { appSettings, configKeys, enabledPlatforms, loadConfig as load } from "../src/config.js";
import { PLATFORMS } from "../adapters/platforms.js";

const loadConfig = (env: NodeJS.ProcessEnv) => load(env, PLATFORMS);
const CONFIG_KEYS = configKeys(PLATFORMS);

const example = parse(readFileSync(new URL("../.env.example", import.meta.url)));
const base = { COORDINATOR_INVITE_CODE: "own-code-2026" };

describe(".env.example", () => {
  it("lists every variable, and every value shown is the default", () => {
    expect(Object.keys(example).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});

describe("loadConfig", () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return "";
    } catch (err) {
      return (err as Error).message;
    }
  };

  it.each([
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ TELEGRAM_BOT_TOKEN: "12:ab", TELEGRAM_MODE: "webhook" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: "not a token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TEAMS_APP_ID: "00000000-0000-0000-0000-000000000001" }, "TEAMS_APP_PASSWORD"],
    [{ ALERT_TARGET: "slack:T1:C9" }, "ALERT_TARGET: slack is not connected"],
    [{ TELEGRAM_BOT_TOKEN: "12:ab", ALERT_TARGET: "#alerts" }, "ALERT_TARGET: expected"],
    [{ HELPLINES: "Livslinien" }, "HELPLINES"],
  ])("%o → names %s", (env, expected) => {
    const message = problem({ ...base, ...env });
    expect(message).toContain(expected);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("refuses to connect a platform with the public demo coordinator code", () => {
    expect(problem({ TELEGRAM_BOT_TOKEN: "12:ab" })).toContain("COORDINATOR_INVITE_CODE");
    expect(problem({ ...base, TELEGRAM_BOT_TOKEN: "12:ab" })).toBe("");
  });

  it("refuses invitation codes shorter than 12 characters once a platform is connected, naming the variable and why", () => {
    const tg = { TELEGRAM_BOT_TOKEN: "12:ab" };
    const coordinator = problem({ ...tg, COORDINATOR_INVITE_CODE: "a".repeat(11) });
    expect(coordinator).toMatch(/^Invalid configuration: COORDINATOR_INVITE_CODE: .*at least 12 characters.*guessed/);
    expect(coordinator.split("\n")).toHaveLength(1);
    expect(problem({ ...tg, COORDINATOR_INVITE_CODE: "a".repeat(12) })).toBe("");
    expect(problem({ ...tg, ...base, MENTOR_INVITE_CODE: "mentor-2026" })).toMatch(/^Invalid configuration: MENTOR_INVITE_CODE: .*at least 12 characters/);
    expect(problem({ ...tg, ...base, MENTOR_INVITE_CODE: "mentor-code-26" })).toBe("");
    // The local console is reachable by no one else: a short code is fine there.
    expect(problem({ COORDINATOR_INVITE_CODE: "a".repeat(11) })).toBe("");
  });

  it("knows which platforms are configured", () => {
    expect(enabledPlatforms(loadConfig({}), PLATFORMS)).toEqual([]);
    const all = loadConfig({ ...base, TELEGRAM_BOT_TOKEN: "12:ab", SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", TEAMS_AUTH_DISABLED: "true" });
    expect(enabledPlatforms(all, PLATFORMS)).toEqual(["telegram", "slack", "teams"]);
  });

  it("turns ALERT_TARGET and HELPLINES into the capabilities' settings", () => {
    expect(appSettings(loadConfig({}), DEFAULT_SETTINGS).helplines).toBe(DEFAULT_SETTINGS.helplines);
    const s = appSettings(
      loadConfig({
        ...base,
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_SIGNING_SECRET: "s",
        ALERT_TARGET: "slack:T1:C9",
        HELPLINES: "Kommunen:+45 11 22 33 44;Alarm:112",
      }),
      DEFAULT_SETTINGS,
    );
    expect(s.alertTarget).toBe("slack:T1:C9");
    expect(s.helplines).toEqual([
      { name: "Kommunen", number: "+45 11 22 33 44" },
      { name: "Alarm", number: "112" },
    ]);
  });
});
