// The hand-over's contact line: what one person of a new pair can use to reach the other, on the
// platform the reader uses. Adapters report each identity's contact (core/messages.ts Contact);
// a contact is shared only inside its space (the same app, workspace or organisation). Otherwise,
// and wherever the platform gives nothing usable, the pair writes through Mentorbro ("besked …").
import { t, type Locale } from "../../core/i18n/index.js";
import type { Contact, Mention } from "../../core/messages.js";
import { platformName } from "../../core/platform-name.js";

export interface ContactIdentity {
  externalId: string;
  platform: string;
  contact: unknown;
  lastSeenAt: Date;
}

/** A text with the place of its mention marked by MARK (exactly once), and who it names. */
export interface ContactLine {
  text: string;
  mention?: { identity: string; label: string };
}

// A private-use character stands where a mention goes until the whole message is assembled; its
// position then is the mention's offset (messages are built from nested templates).
const MARK = "\uE000";

function contactOf(i: ContactIdentity): Contact | undefined {
  const c = i.contact as Partial<Contact> | null;
  return c && typeof c.space === "string" ? (c as Contact) : undefined;
}

/** Where an identity's contact works; identities with no reported contact count by platform. */
const spaceOf = (i: ContactIdentity): string => contactOf(i)?.space ?? i.platform;

/** The identity the person used last: where messages to them go. */
export const latest = (identities: ContactIdentity[]): ContactIdentity | undefined =>
  [...identities].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];

/**
 * The line for `reader` about `other`. Without both consents (`share` false) it is the relay
 * line as before; with them, the other's contact in the reader's space, or the relay with why.
 */
export function contactLine(
  l: Locale,
  share: boolean,
  reader: ContactIdentity | undefined,
  other: { name: string; identities: ContactIdentity[] },
): ContactLine {
  const how = t(l, "intro.relay_how");
  if (!share) return { text: t(l, "intro.relay") };
  const theirs = latest(other.identities);
  if (!reader || !theirs) return { text: t(l, "intro.relay") };
  const near = [...other.identities].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime()).find((i) => spaceOf(i) === spaceOf(reader));
  const platform = platformName(reader.platform);
  if (!near) {
    const key = theirs.platform === reader.platform ? "intro.contact_elsewhere" : "intro.contact_cross";
    return { text: t(l, key, { name: other.name, theirs: platformName(theirs.platform), yours: platform, how }) };
  }
  const contact = contactOf(near);
  if (!contact?.label) return { text: t(l, "intro.contact_none", { name: other.name, platform, how }) };
  const mention = contact.mentionable ? { identity: near.externalId, label: contact.label } : undefined;
  const label = mention ? MARK : contact.label;
  if (contact.url) return { text: t(l, "intro.contact_link", { name: other.name, platform, label, url: contact.url }), ...(mention ? { mention } : {}) };
  return { text: t(l, "intro.contact_label", { name: other.name, platform, label }), ...(mention ? { mention } : {}) };
}

/**
 * Puts the label where the line's mark ended up in the finished message and says where it is. If
 * the mark is not there exactly once (someone's name held the character), no mention is made.
 */
export function placeMention(text: string, mention: ContactLine["mention"]): { text: string; mentions?: Mention[] } {
  if (!mention) return { text };
  const start = text.indexOf(MARK);
  if (start < 0 || text.indexOf(MARK, start + 1) >= 0) return { text: text.split(MARK).join(mention.label) };
  return {
    text: text.slice(0, start) + mention.label + text.slice(start + 1),
    mentions: [{ identity: mention.identity, start, length: mention.label.length }],
  };
}
