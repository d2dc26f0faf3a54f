// The gentle check for a possible risk, as rows in the database: the question ("are you safe?") is
// recorded as the person's risk escalation with status "checking" at once, so a restart loses
// nothing and the unique open key lets two instances ask only once. Coordinators are not told
// while it waits (delivery, reminders and the alert list see only open and acknowledged rows).
// The answer decides: "safe" closes it without an alert; "not safe" or "talk" opens it as an alert;
// no answer within an hour opens it as a low alert (expireChecks, a scheduler job). A clear risk
// meanwhile turns it into a clear alert. Every change is conditional on the status read, so a late
// button press, the timeout job and a second instance never act twice.
import type { Tx } from "../../infra/db/tx.js";
import { raiseEscalation, riskOpenKey, severitiesBelow, type Raised, type Severity } from "../../infra/alerts/raise.js";
import type { RiskCategory, RiskTopic } from "../../lib/safety/detect-risk.js";
import type { CheckAnswer } from "./check-answers.js";
import type { EscalationRow } from "./alert-text.js";

export const CHECKING = "checking";
export const CLOSED = "closed";
/** No answer to the check within this long: the coordinators get a low alert. */
export const CHECK_TIMEOUT_MS = 3_600_000;
const ALERTED = ["open", "acknowledged"];

export interface RiskRecord {
  dedupeKey: string;
  personId: string;
  severity: Severity;
  topic: RiskTopic;
  source: string;
  excerpt: string;
}

/**
 * "not safe": the person says they are in danger — high. "talk": they ask for a person, without
 * saying they are in danger; a coordinator should contact them soon, which is what medium means
 * (src/lib/safety/rule-types.ts), and never less than the risk already recorded.
 */
export const ANSWER_SEVERITY: Record<Exclude<CheckAnswer, "safe">, Severity> = { not_safe: "high", talk: "medium" };

// The help lines of a check's answer follow its topic (the category is not stored); anything
// without a more specific line gets the general crisis line.
const TOPIC_CATEGORY: Partial<Record<RiskTopic, RiskCategory>> = {
  self_harm: "self_harm",
  homeless: "acute_crisis",
  no_food: "acute_crisis",
  violence_home: "abuse",
  threatened: "threat",
  harm_others: "threat",
};
export const categoryOfTopic = (topic: string | null | undefined): RiskCategory => TOPIC_CATEGORY[topic as RiskTopic] ?? "suicide";

const maxSeverity = (a: string, b: Severity): Severity => (severitiesBelow(b).includes(a as Severity) ? b : (a as Severity));

async function audit(tx: Tx, action: string, esc: { id: string; personId: string | null }, now: Date, details: Record<string, string> = {}): Promise<void> {
  await tx.auditLog.create({ data: { action, subjectId: esc.personId, details: { escalationId: esc.id, ...details }, at: now } });
}

export type Asked =
  /** A new check (or this same message again): ask the question. */
  | { state: "asked"; id: string }
  /** A check already waits for an answer: the message is counted on it, the question not asked again. */
  | { state: "pending"; id: string }
  /** An alert is open already (coordinators know): counted on it; the question is asked about that alert. */
  | { state: "alert"; id: string };

/** A possible risk: opens the check, or counts the message on what is open for the person already. */
export async function askCheck(tx: Tx, rec: RiskRecord, now: Date): Promise<Asked> {
  const openKey = riskOpenKey(rec.personId);
  const { count } = await tx.escalation.createMany({
    data: [
      {
        ...rec,
        kind: "risk",
        status: CHECKING,
        grade: "possible",
        openKey,
        createdAt: now,
        lastSeenAt: now,
        lastEventKey: rec.dedupeKey,
      },
    ],
    skipDuplicates: true,
  });
  const same = await tx.escalation.findUnique({ where: { dedupeKey: rec.dedupeKey }, select: { id: true, personId: true } });
  if (count === 1 && same) {
    await audit(tx, "escalation.check_asked", same, now);
    return { state: "asked", id: same.id };
  }
  if (same) return { state: "asked", id: same.id };
  const open = await tx.escalation.findUnique({ where: { openKey } });
  if (open?.status === CHECKING) {
    const n = await tx.escalation.updateMany({
      where: { id: open.id, status: CHECKING, OR: [{ lastEventKey: null }, { lastEventKey: { not: rec.dedupeKey } }] },
      data: {
        occurrences: { increment: 1 },
        lastSeenAt: now,
        lastEventKey: rec.dedupeKey,
        severity: maxSeverity(open.severity, rec.severity),
        // A milder message does not replace the excerpt of a more serious one.
        ...(severitiesBelow(open.severity as Severity).includes(rec.severity) ? {} : { excerpt: rec.excerpt }),
      },
    });
    if (n.count === 1 || open.lastEventKey === rec.dedupeKey) return { state: "pending", id: open.id };
  }
  // An open alert (or the check decided a moment ago): counted on it like any risky message.
  const r = await raiseEscalation(tx, { ...rec, openKey, kind: "risk", grade: "possible" }, now);
  return { state: "alert", id: r.id };
}

/** A clear risk: a check waiting for an answer becomes the alert, then the message is raised on it as before. */
export async function escalateClear(tx: Tx, rec: RiskRecord, now: Date): Promise<Raised> {
  const openKey = riskOpenKey(rec.personId);
  await tx.escalation.updateMany({ where: { openKey, status: CHECKING }, data: { status: "open", grade: "clear", topic: rec.topic } });
  const r = await raiseEscalation(tx, { ...rec, openKey, kind: "risk", grade: "clear" }, now);
  // Folded into an alert of a possible risk: it is a clear one now.
  if (!r.created)
    await tx.escalation.updateMany({ where: { id: r.id, OR: [{ grade: null }, { grade: "possible" }] }, data: { grade: "clear", topic: rec.topic } });
  return r;
}

/**
 * Records the person's answer on the check `esc` and acts on it. Returns the alert that now
 * stands for it (undefined after "safe"). Late answers (after the timeout alert, after a
 * coordinator resolved it) are recorded too: "not safe" then raises the alert or opens a new one.
 */
export async function answerCheck(tx: Tx, esc: EscalationRow, answer: CheckAnswer, now: Date): Promise<string | undefined> {
  const answered = { answer, answeredAt: now };
  const person = { id: esc.id, personId: esc.personId };
  if (answer === "safe") {
    const closed = await tx.escalation.updateMany({ where: { id: esc.id, status: CHECKING }, data: { ...answered, status: CLOSED, openKey: null } });
    // After the timeout alert the coordinators still see it; the card shows the answer.
    if (closed.count === 0) await tx.escalation.updateMany({ where: { id: esc.id }, data: answered });
    if (esc.answer !== answer) await audit(tx, "escalation.check_answered", person, now, { answer });
    return undefined;
  }
  const severity = ANSWER_SEVERITY[answer];
  // The same answer again (a second press, a retried message) is not a new event for the log.
  if (esc.answer !== answer) await audit(tx, "escalation.check_answered", person, now, { answer });
  const opened = await tx.escalation.updateMany({
    where: { id: esc.id, status: CHECKING },
    data: { ...answered, status: "open", severity: maxSeverity(esc.severity, severity) },
  });
  if (opened.count === 1) return esc.id;
  const fresh = await tx.escalation.findUnique({ where: { id: esc.id } });
  if (fresh && ALERTED.includes(fresh.status)) {
    await tx.escalation.updateMany({ where: { id: esc.id }, data: answered });
    // Raised like a more serious message: re-opened if acknowledged, and sent again.
    const up = await tx.escalation.updateMany({
      where: { id: esc.id, severity: { in: severitiesBelow(severity) }, status: { in: ALERTED } },
      data: { severity, severityRaised: true, status: "open" },
    });
    if (up.count === 1) await audit(tx, "escalation.severity_raised", person, now, { answer });
    return esc.id;
  }
  // "I am safe" earlier, or resolved since: a new alert (or counted on another open one).
  if (!esc.personId) return undefined;
  const r = await raiseEscalation(
    tx,
    {
      dedupeKey: `check:${esc.id}:${answer}`,
      openKey: riskOpenKey(esc.personId),
      kind: "risk",
      severity,
      personId: esc.personId,
      source: esc.source ?? undefined,
      grade: esc.grade ?? "possible",
      topic: esc.topic ?? undefined,
    },
    now,
  );
  await tx.escalation.updateMany({ where: { id: r.id }, data: answered });
  return r.id;
}

/** The person's check still waiting for an answer, if any. */
export async function pendingCheck(tx: Tx, personId: string): Promise<EscalationRow | null> {
  const row = await tx.escalation.findUnique({ where: { openKey: riskOpenKey(personId) } });
  return row?.status === CHECKING ? row : null;
}

/**
 * Checks unanswered for an hour become low alerts (delivered by the same tick). Idempotent: each
 * row is claimed by a conditional update, so a second run or a second instance does nothing.
 */
export async function expireChecks(db: Tx, now: Date): Promise<number> {
  const due = await db.escalation.findMany({
    where: { status: CHECKING, createdAt: { lte: new Date(now.getTime() - CHECK_TIMEOUT_MS) } },
    select: { id: true, personId: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  let n = 0;
  for (const esc of due) {
    const claim = await db.escalation.updateMany({ where: { id: esc.id, status: CHECKING }, data: { status: "open", answer: "no_answer", severity: "low" } });
    if (claim.count === 1) {
      await audit(db, "escalation.check_unanswered", esc, now);
      n++;
    }
  }
  return n;
}
