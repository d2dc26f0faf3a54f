// Display name and locale are not in Slack event payloads; users.info (scope users:read) has both.
// Cached per user so a conversation costs one lookup, bounded so the cache cannot grow forever.
import type { webApi } from "@slack/bolt";

export interface Profile {
  displayName?: string;
  locale?: string;
}

export function createProfileLookup(client: webApi.WebClient, ttlMs = 6 * 3600_000, capacity = 2_000) {
  const cache = new Map<string, { at: number; profile: Profile }>();
  return async function profileOf(userId: string): Promise<Profile> {
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.profile;
    let profile: Profile = {};
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      profile = { ...(name ? { displayName: name } : {}), ...(u?.locale ? { locale: u.locale } : {}) };
    } catch {
      // A missing name or locale is not worth failing the message over.
      return profile;
    }
    if (cache.size >= capacity) cache.delete(cache.keys().next().value ?? "");
    cache.set(userId, { at: Date.now(), profile });
    return profile;
  };
}

export type ProfileLookup = ReturnType<typeof createProfileLookup>;
