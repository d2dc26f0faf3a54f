// The contact an adapter reported (core/messages.ts Contact) is kept with the identity, from direct
// events only, and written only when it changed: most events carry the same one again.
import type { Prisma } from "../../generated/prisma/client.js";
import type { InboundEvent } from "../messages.js";

/** Flat JSON with its keys sorted: PostgreSQL's jsonb reorders keys, so plain stringify would differ. */
const canonical = (v: unknown): string =>
  v && typeof v === "object" ? JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))) : JSON.stringify(v ?? null);

/** `{ contact }` to write when the event's contact differs from the stored one, else `{}`. */
export function contactChange(event: InboundEvent, direct: boolean, stored?: unknown): { contact?: Prisma.InputJsonValue } {
  if (!direct || !event.contact) return {};
  const contact = { ...event.contact } as unknown as Prisma.InputJsonValue;
  return canonical(stored) === canonical(contact) ? {} : { contact };
}
