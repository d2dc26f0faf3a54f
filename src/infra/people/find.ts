// Finding people by name or id for the coordinators' tools (person, matches, export), and the audit
// trail of every coordinator read of a person's data. Neutral ground: more than one capability uses it.
import type { Tx } from "../db/tx.js";
import { nameSkeleton } from "../../lib/text/names.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (s: string): boolean => UUID.test(s.trim());

/** Records that a coordinator saw these people's data, and where (view). */
export async function auditRead(tx: Tx, actorId: string, subjectIds: string[], view: string, now: Date): Promise<void> {
  const ids = [...new Set(subjectIds)].filter((id) => !id.startsWith("anon-"));
  if (ids.length === 0) return;
  await tx.auditLog.createMany({ data: ids.map((subjectId) => ({ actorId, action: "coordinator.read", subjectId, details: { view }, at: now })) });
}

export interface Found {
  id: string;
  displayName: string | null;
  roles: string[];
}

const SHOWN = 10;
const PAGE = 500;

/**
 * People matching an id, or whose name contains the query, optionally with a role. Names are
 * compared as skeletons (case, accents and look-alike letters folded: "Anna" finds "Аnna" with a
 * Cyrillic А), which the database cannot do, so names are read in pages until ten are found.
 */
export async function findPeople(tx: Tx, query: string, role?: "mentee" | "mentor"): Promise<Found[]> {
  const q = query.trim();
  if (!q) return [];
  const base = { deletedAt: null, ...(role ? { roles: { has: role } } : {}) };
  const orderBy = [{ displayName: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  const select = { id: true, displayName: true, roles: true };
  if (isId(q)) return tx.person.findMany({ where: { ...base, id: q }, orderBy, take: SHOWN, select });
  const wanted = nameSkeleton(q);
  if (!wanted) return [];
  const found: Found[] = [];
  for (let skip = 0; found.length < SHOWN; skip += PAGE) {
    const page = await tx.person.findMany({ where: { ...base, displayName: { not: null } }, orderBy, skip, take: PAGE, select });
    found.push(...page.filter((p) => nameSkeleton(p.displayName ?? "").includes(wanted)));
    if (page.length < PAGE) break;
  }
  return found.slice(0, SHOWN);
}
