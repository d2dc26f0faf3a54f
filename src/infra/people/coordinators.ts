// Who the coordinators are, and one way to tell them all something (each in their own language,
// through the outbox, once per key). Shared by every capability that has news for coordinators.
import type { Tx } from "../db/tx.js";
import type { Locale } from "../../core/i18n/index.js";
import { enqueue, type OutboxPayload } from "../outbox/outbox.js";

export async function coordinatorIds(tx: Tx): Promise<string[]> {
  const rows = await tx.person.findMany({ where: { roles: { has: "coordinator" }, deletedAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function notifyCoordinators(
  tx: Tx,
  keyPrefix: string,
  key: string,
  params: Record<string, string | number> | ((locale: Locale) => Record<string, string | number>),
  now: Date,
  buttons?: OutboxPayload["buttons"],
): Promise<void> {
  const coordinators = await tx.person.findMany({ where: { id: { in: await coordinatorIds(tx) } }, select: { id: true, locale: true } });
  await enqueue(
    tx,
    coordinators.map((c) => ({
      dedupeKey: `${keyPrefix}:${c.id}`,
      recipient: c.id,
      kind: "coordinator_notice",
      payload: { key, params: typeof params === "function" ? params(c.locale as Locale) : params, ...(buttons ? { buttons } : {}) },
      dueAt: now,
    })),
  );
}
