// A message's plain text as mrkdwn: everything escaped, and each mention of a person in the
// recipient's workspace (OutboundMessage.mentions) rendered as `<@U…>`, which Slack shows as their
// name and which opens their profile and a DM. A mention across workspaces stays its plain label.
import type { OutboundMessage } from "../../../src/core/messages.js";
import { escapeText } from "./blocks.js";

const teamOf = (to: string): string | undefined => to.split(":")[1];

export function mrkdwnOf(message: Pick<OutboundMessage, "to" | "text" | "mentions">): string {
  const { text } = message;
  let out = "";
  let at = 0;
  for (const m of [...(message.mentions ?? [])].sort((a, b) => a.start - b.start)) {
    const [platform, team, user, ...rest] = m.identity.split(":");
    // Overlapping, out-of-range or foreign mentions are left as the text they cover.
    if (m.start < at || m.length <= 0 || m.start + m.length > text.length) continue;
    if (platform !== "slack" || rest.length > 0 || !user || !/^[UW][A-Z0-9]+$/.test(user) || team !== teamOf(message.to)) continue;
    out += `${escapeText(text.slice(at, m.start))}<@${user}>`;
    at = m.start + m.length;
  }
  return out + escapeText(text.slice(at));
}
