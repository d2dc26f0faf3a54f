// The hand-over's contact line (pure) and the Slack adapter's rendering of its mention.
import { describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { contactLine, placeMention, type ContactIdentity } from "../../src/capabilities/matchmaking/contact-line.js";
import { mentionBlock } from "../../adapters/slack/outbound/mentions.js";

const at = (m: number) => new Date(Date.UTC(2026, 10, 24, 9, m));
const id = (externalId: string, contact: unknown, m = 0): ContactIdentity => ({ externalId, platform: externalId.split(":")[0]!, contact, lastSeenAt: at(m) });
const how = t("da", "intro.relay_how");

describe("contactLine", () => {
  const anna = { name: "Anna", identities: [id("slack:T1:U1", { space: "slack:T1", label: "@Anna", mentionable: true })] };

  it("without both consents it is the relay line, whatever the platforms offer", () => {
    expect(contactLine("da", false, id("slack:T1:U2", { space: "slack:T1" }), anna).text).toBe(t("da", "intro.relay"));
  });

  it("marks a mentionable label so the finished message knows where the mention is", () => {
    const line = contactLine("da", true, id("slack:T1:U2", { space: "slack:T1" }), anna);
    const done = placeMention(`Hej <b>!\n${line.text}`, line.mention);
    const start = done.text.indexOf("@Anna");
    expect(done.mentions).toEqual([{ identity: "slack:T1:U1", start, length: 5 }]);
    expect(done.text).toBe(`Hej <b>!\n${t("da", "intro.contact_label", { name: "Anna", platform: "Slack", label: "@Anna" })}`);
  });

  it("another workspace of the same platform gets the relay, not a mention that would not open", () => {
    const line = contactLine("da", true, id("slack:T9:U2", { space: "slack:T9" }), anna);
    expect(line).toEqual({ text: t("da", "intro.contact_elsewhere", { name: "Anna", theirs: "Slack", how }) });
  });

  it("picks the other's identity on the reader's platform even when they wrote last elsewhere", () => {
    const both = {
      name: "Bo",
      identities: [id("telegram:5", { space: "telegram", label: "@bo", url: "https://t.me/bo" }, 1), id("teams:aad-b", { space: "teams:x" }, 9)],
    };
    expect(contactLine("en", true, id("telegram:6", { space: "telegram" }), both).text).toBe(
      t("en", "intro.contact_link", { name: "Bo", platform: "Telegram", label: "@bo", url: "https://t.me/bo" }),
    );
  });
});

describe("Slack mentions", () => {
  it("renders a mention in the recipient's workspace natively, under a text that stays plain", () => {
    const text = "Skriv til <b>&_*[] @Anna nu";
    const start = text.indexOf("@Anna");
    const mentions = [{ identity: "slack:T1:U1", start, length: 5 }];
    expect(mentionBlock({ to: "slack:T1:U2", text, mentions })).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "<@U1>" }] });
    // Another workspace: no mention, the label stays in the text.
    expect(mentionBlock({ to: "slack:T2:U2", text, mentions })).toBeUndefined();
    // A mention cannot smuggle markup in: an identity that is not a Slack user id is ignored.
    expect(mentionBlock({ to: "slack:T1:U2", text, mentions: [{ identity: "slack:T1:!channel", start, length: 5 }] })).toBeUndefined();
  });
});
