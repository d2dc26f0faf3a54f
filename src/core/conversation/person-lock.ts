// Across instances, one person's steps take turns on a transaction-scoped advisory lock: a second
// instance handling the same person waits for the first to commit, then reads what it wrote,
// instead of failing on the conversation's seq. The lock ends with the transaction (commit,
// rollback or a lost connection), so nothing can leave it held. The two-key form keeps these
// locks apart from the single-key ones (migrations, matching); a hash collision between two people
// only makes one wait for the other, never fail.
import type { Tx } from "../../infra/db/tx.js";

const PERSON_LOCK_SPACE = 727_003;

export async function lockPerson(tx: Tx, personId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PERSON_LOCK_SPACE}, hashtext($1))`, personId);
}
