// The shipped Slack manifest asks for exactly the scopes and events the adapter uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync(new URL("../../slack-app-manifest.json", import.meta.url), "utf8")) as {
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
};

describe("slack-app-manifest.json", () => {
  it("requests only the bot scopes the adapter needs", () => {
    // chat:write  post DMs/alerts, chat.update for pressed buttons; im:history  receive DMs;
    // im:write  conversations.open for proactive DMs; users:read  users.info (name, locale);
    // files:write  files.uploadV2 for reports.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(["chat:write", "files:write", "im:history", "im:write", "users:read"]);
  });

  it("subscribes to DMs and routes events and interactivity to /slack/events", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["message.im"]);
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
  });
});
