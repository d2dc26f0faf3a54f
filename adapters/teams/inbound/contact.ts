// What others get at a hand-over for a Teams user: their user principal name and a deep link that
// opens a 1:1 chat with them (https://teams.microsoft.com/l/chat/0/0?users=<UPN>). Activities carry
// no UPN; TeamsInfo.getMember asks the connector for it. Cached per user so a conversation costs
// one lookup, bounded so the cache cannot grow forever. A failed lookup reports nothing (the stored
// contact stays as it was); a member without a UPN gets a contact with no label.
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { Contact } from "../../../src/core/messages.js";
import type { ErrorSink } from "../../platform.js";

export const chatLink = (upn: string) => `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn).replace(/%40/g, "@")}`;

export function createContactLookup(onError: ErrorSink, ttlMs = 6 * 3600_000, capacity = 2_000) {
  const cache = new Map<string, { at: number; contact: Contact }>();
  return async function contactOf(ctx: TurnContext): Promise<Contact | undefined> {
    const userId = ctx.activity.from?.id ?? "";
    // A chat link works inside the person's organisation (another one only with external access).
    const space = `teams:${ctx.activity.conversation?.tenantId ?? ""}`;
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.contact;
    let contact: Contact;
    try {
      const upn = (await TeamsInfo.getMember(ctx, userId)).userPrincipalName;
      contact = upn ? { space, label: upn, url: chatLink(upn) } : { space };
    } catch (err) {
      onError(err, "teams member lookup");
      return undefined;
    }
    if (cache.size >= capacity) cache.delete(cache.keys().next().value ?? "");
    cache.set(userId, { at: Date.now(), contact });
    return contact;
  };
}
