// The people a message introduces (OutboundMessage.mentions), as Slack mentions: `<@U…>` shows the
// person's name and opens their profile and a DM. The message text itself stays plain_text (user text
// is never mrkdwn), so the mentions go in a context block of their own under it; the text keeps
// their plain label. A mention across workspaces, or of something that is not a Slack user, is left out.
import type { types } from "@slack/bolt";
import type { OutboundMessage } from "../../../src/core/messages.js";

const teamOf = (to: string): string | undefined => to.split(":")[1];

/** Slack user ids of the valid mentions in the recipient's workspace, in text order, once each. */
export function mentionedUsers(message: Pick<OutboundMessage, "to" | "text" | "mentions">): string[] {
  const users: string[] = [];
  for (const m of [...(message.mentions ?? [])].sort((a, b) => a.start - b.start)) {
    const [platform, team, user, ...rest] = m.identity.split(":");
    if (m.length <= 0 || m.start < 0 || m.start + m.length > message.text.length) continue;
    if (platform !== "slack" || rest.length > 0 || !user || !/^[UW][A-Z0-9]+$/.test(user) || team !== teamOf(message.to)) continue;
    if (!users.includes(user)) users.push(user);
  }
  return users;
}

/** The context block with the mentions, or nothing. Only `<@U…>` built from validated ids is mrkdwn. */
export function mentionBlock(message: Pick<OutboundMessage, "to" | "text" | "mentions">): types.ContextBlock | undefined {
  const users = mentionedUsers(message);
  if (users.length === 0) return undefined;
  return { type: "context", elements: [{ type: "mrkdwn", text: users.map((u) => `<@${u}>`).join("  ") }] };
}
