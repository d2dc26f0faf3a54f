// One matching run for a programme: load the pool, solve optimally, and turn new pairs into
// proposals — for a coordinator to approve or straight to the mentor, per programme. Runs under a
// transaction-scoped advisory lock so two instances never hand out the same capacity twice.
import type { Db } from "../../infra/db/database.js";
import { enqueue } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import { locality } from "../../lib/text/municipalities.js";
import { assign } from "../../lib/matching/assign.js";
import { DEFAULT_WEIGHTS, type MatchWeights } from "../../lib/matching/types.js";
import { coordinatorIds } from "../../infra/people/coordinators.js";
import type { Locale } from "../../core/i18n/index.js";
import { warnedName } from "../../core/i18n/name-warning.js";
import { loadPool } from "./pool.js";
import { reasonsText } from "./describe.js";
import { queueOffer } from "./offers.js";
import type { Reason } from "../../lib/matching/types.js";

const MATCHING_LOCK = 727_002;

export async function runMatchingAll(db: Db, now: Date): Promise<number> {
  const programmes = await db.programme.findMany({ select: { id: true } });
  let n = 0;
  for (const p of programmes) n += await runMatching(db, p.id, now);
  return n;
}

/** Returns the number of new proposals. */
export async function runMatching(db: Db, programmeId: string, now: Date): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${MATCHING_LOCK})`);
      const programme = await tx.programme.findUniqueOrThrow({ where: { id: programmeId } });
      const pool = await loadPool(tx, programmeId, now);
      if (pool.mentees.length === 0 || pool.mentors.length === 0) return 0;
      const weights: MatchWeights = { ...DEFAULT_WEIGHTS, ...((programme.weights ?? {}) as Partial<MatchWeights>) };
      const result = assign(
        pool.mentees,
        pool.mentors,
        { weights, locality: (a, b) => (a && b ? locality(a, b) : "other"), excluded: (m, r) => pool.excluded.has(`${m}|${r}`) },
        now,
      );
      for (const pair of result.pairs) {
        const proposal = await tx.proposal.create({
          data: {
            programmeId,
            menteeId: pair.menteeId,
            mentorId: pair.mentorId,
            score: pair.score,
            reasons: pair.reasons as unknown as object[],
            status: programme.approvalMode === "direct" ? "offered" : "proposed",
            createdAt: now,
            offeredAt: programme.approvalMode === "direct" ? now : null,
          },
        });
        await tx.menteeProfile.update({ where: { personId: pair.menteeId }, data: { status: "proposed" } });
        if (programme.approvalMode === "direct") await queueOffer(tx, proposal.id, now);
        else await queueProposalToCoordinators(tx, proposal.id, now);
      }
      return result.pairs.length;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

export async function queueProposalToCoordinators(tx: Tx, proposalId: string, now: Date): Promise<void> {
  const p = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const people = await tx.person.findMany({ where: { id: { in: [p.menteeId, p.mentorId] } }, select: { id: true, displayName: true } });
  const name = (id: string, l: Locale) => {
    const full = people.find((x) => x.id === id)?.displayName;
    return warnedName(l, full, full ?? "?");
  };
  const coordinators = await tx.person.findMany({ where: { id: { in: await coordinatorIds(tx) } }, select: { id: true, locale: true } });
  await enqueue(
    tx,
    coordinators.map((c) => ({
      dedupeKey: `proposal:${p.id}:${c.id}`,
      recipient: c.id,
      kind: "proposal",
      payload: {
        key: "proposal.to_coordinator",
        params: {
          mentee: name(p.menteeId, c.locale as Locale),
          mentor: name(p.mentorId, c.locale as Locale),
          score: Math.round(p.score),
          reasons: reasonsText(p.reasons as unknown as Reason[], c.locale as Locale),
        },
        buttons: [
          { action: `prop:ok:${p.id}`, labelKey: "proposal.approve" },
          { action: `prop:hold:${p.id}`, labelKey: "proposal.hold" },
          { action: `prop:alt:${p.id}`, labelKey: "proposal.other" },
        ],
      },
      dueAt: now,
    })),
  );
}
