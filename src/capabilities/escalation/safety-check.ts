// The safety pre-check: every free-text message is read by the risk detector before anything
// else happens, and the answer goes by the grade of the risk, in the language the message was
// written in, with nothing else in that turn (the conversation goes on with the next message):
// - clear risk: a warm reply with help lines, and an alert to the coordinators with a short
//   excerpt — one alert per person while it is open, counting the messages that came since;
// - possible risk: a gentle "are you safe?" with three buttons (safety-question.ts records it and
//   acts on the answer; a typed answer counts when it is clear, check-answers.ts).
import { createHash } from "node:crypto";
import { NO_PRE_CHECK, type CapabilityDeps, type PreCheckResult } from "../../core/capability.js";
import { asMentorbroError } from "../../core/errors.js";
import type { InboundEvent } from "../../core/messages.js";
import type { ConvoData } from "../../core/conversation/router.js";
import type { Locale } from "../../core/i18n/index.js";
import { t } from "../../core/i18n/index.js";
import type { Tx } from "../../infra/db/tx.js";
import { detectRisk, type RiskFinding } from "../../lib/safety/detect-risk.js";
import { fold } from "../../lib/text/normalize.js";
import { deliverPending } from "./deliver.js";
import type { EscalationRow } from "./alert-text.js";
import { readCheckAnswer, type CheckAnswer } from "./check-answers.js";
import { answerCheck, askCheck, categoryOfTopic, CHECKING, CLOSED, escalateClear, pendingCheck, type RiskRecord } from "./safety-question.js";
import { checkButtonAnswer, checkQuestion, firstLine, helplinesFor, safetyReply } from "./safety-replies.js";

export { helplineLines, helplinesFor, type HelplineSetting } from "./safety-replies.js";

const HOUR = 3_600_000;
const RELAY_WORDS = new Set(["msg", "besked", "message"]);

/** Reads a message for risk; the default is the rule-based detector (tests inject their own). */
export type RiskDetector = (text: string) => RiskFinding | undefined;

/** Typed text and the text fields of a submitted form; never button presses. */
export function freeText(event: InboundEvent): string | undefined {
  if (event.action && !event.fields) return undefined;
  const parts = [event.action ? undefined : event.text, ...Object.values(event.fields ?? {})].filter(
    (s): s is string => typeof s === "string" && s.trim() !== "",
  );
  // A sentence end between fields, so one rule never joins two answers.
  return parts.length ? parts.join(".\n") : undefined;
}

async function conversationOf(tx: Tx, personId: string): Promise<ConvoData | undefined> {
  const row = await tx.conversation.findUnique({ where: { personId }, select: { data: true } });
  return row?.data as ConvoData | undefined;
}

/** Where the person was when they wrote: the flow, the capability task, or the plain chat. */
async function sourceOf(tx: Tx, personId: string, text: string): Promise<string> {
  // A relayed message is a typed command ("besked Hej Anna…"), not a mode.
  if (RELAY_WORDS.has(fold(text.trim().replace(/^\//, "")).split(" ")[0] ?? "")) return "relay";
  const convo = await conversationOf(tx, personId);
  if (convo?.mode === "flow") {
    const flowId = convo.flow?.flowId ?? "";
    return flowId === "mentee_intake" ? "intake" : flowId === "mentor_onboarding" ? "onboarding" : flowId || "chat";
  }
  if (convo?.mode === "task") {
    const kind = convo.task?.kind ?? "";
    if (/chk|check/i.test(kind)) return "checkin";
    if (/relay|msg|message/i.test(kind)) return "relay";
    return kind || "chat";
  }
  return "chat";
}

/** Idempotent per event: the platform's event id, or the same text from the same person within a minute. */
function riskKey(event: InboundEvent, personId: string, text: string, now: Date): string {
  if (event.eventId) return `risk:${personId}:${event.eventId}`.slice(0, 190);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  return `risk:${personId}:${hash}:${Math.floor(now.getTime() / 60_000)}`;
}

export function makeSafetyCheck(deps: CapabilityDeps, detect: RiskDetector = detectRisk) {
  const { db, clock, logger, settings } = deps;

  /** The person answered the check (a button, or clear typed words): recorded, then acted on. */
  async function onAnswer(personId: string, answer: CheckAnswer, l: Locale, find: (tx: Tx) => Promise<EscalationRow | null>): Promise<PreCheckResult> {
    let topic: string | null = null;
    try {
      const alertId = await db.$transaction(async (tx) => {
        const esc = await find(tx);
        if (!esc || esc.personId !== personId) return undefined;
        topic = esc.topic;
        const id = await answerCheck(tx, esc, answer, clock.now());
        await deliverPending(tx, settings, clock.now());
        return id;
      });
      logger.info({ escalationId: alertId ?? null, answer }, "answer to the safety check");
    } catch (err) {
      // Whatever failed, "not safe" still gets the help lines.
      logger.error({ code: asMentorbroError(err).code }, "recording the answer to the safety check failed");
    }
    if (answer === "safe") return { replies: [{ text: t(l, "esc.check_thanks") }], resume: true };
    return { replies: [safetyReply(l, helplinesFor(settings.helplines, categoryOfTopic(topic)), false)] };
  }

  /** A typed message that is no risk: maybe the answer to a check that waits for one. */
  async function typedAnswer(text: string, personId: string): Promise<PreCheckResult> {
    const bare = readCheckAnswer(text, true);
    if (!bare) return NO_PRE_CHECK;
    const esc = await pendingCheck(db, personId);
    if (!esc) return NO_PRE_CHECK;
    // A bare "ja"/"nej" only right after the check; later it answers something else.
    const typed = readCheckAnswer(text, (await conversationOf(db, personId))?.afterSafety === true);
    if (!typed) return NO_PRE_CHECK;
    return onAnswer(personId, typed.answer, typed.language, (tx) => pendingCheck(tx, personId));
  }

  async function onRisk(event: InboundEvent, personId: string, text: string, finding: RiskFinding): Promise<PreCheckResult> {
    const now = clock.now();
    const l = finding.language;
    const lines = helplinesFor(settings.helplines, finding.category);
    let repeat = false;
    let asked: Awaited<ReturnType<typeof askCheck>> | undefined;
    try {
      const roles = (await db.person.findUnique({ where: { id: personId }, select: { roles: true } }))?.roles ?? [];
      // Coordinators write notes about risk (resolving an alert); they are not the ones at risk.
      if (roles.includes("coordinator")) return NO_PRE_CHECK;
      const dedupeKey = riskKey(event, personId, text, now);
      const since = new Date(now.getTime() - HOUR);
      await db.$transaction(async (tx) => {
        const rec: RiskRecord = {
          dedupeKey,
          personId,
          severity: finding.severity,
          topic: finding.topic,
          source: await sourceOf(tx, personId, text),
          excerpt: finding.excerpt,
        };
        if (finding.grade === "possible") {
          asked = await askCheck(tx, rec, now);
          await deliverPending(tx, settings, now);
          logger.info({ escalationId: asked.id, state: asked.state, category: finding.category, topic: finding.topic }, "possible risk: safety check");
          return;
        }
        // Only a safety reply given before makes this a repeat (a gentle check gave no help lines).
        const earlier = await tx.escalation.count({
          where: {
            personId,
            kind: "risk",
            dedupeKey: { not: dedupeKey },
            status: { notIn: [CHECKING, CLOSED] },
            OR: [{ createdAt: { gte: since } }, { lastSeenAt: { gte: since } }],
          },
        });
        repeat = earlier > 0;
        // One open alert per person: while it is unresolved, later risky messages are counted on
        // it (a higher severity raises it and sends it again) instead of alerting anew each time.
        const raised = await escalateClear(tx, rec, now);
        await deliverPending(tx, settings, now);
        // Never a person id beside the category (health data): the escalation id leads to it for
        // those allowed to look.
        logger.info(
          { escalationId: raised.id, category: finding.category, severity: finding.severity, folded: raised.folded, raisedSeverity: raised.raisedSeverity },
          "risk language: safety reply and alert",
        );
      });
    } catch (err) {
      // The reply matters more than the bookkeeping: reply anyway; the log says what failed.
      logger.error({ code: asMentorbroError(err).code }, "risk escalation failed");
    }
    if (finding.grade === "possible") {
      const first = firstLine(lines);
      // Asked already and not answered yet: not asked again, but never a cheerful reply either.
      if (asked?.state === "pending" && first) return { replies: [{ text: t(l, "esc.check_again", { helplines: first }) }] };
      // Without a record the buttons could not be answered: the safety reply instead of the check.
      return { replies: [asked ? checkQuestion(l, asked.id) : safetyReply(l, lines, false)] };
    }
    return { replies: [safetyReply(l, lines, repeat)] };
  }

  return async (event: InboundEvent, person: { id: string; locale: Locale }): Promise<PreCheckResult> => {
    const pressed = checkButtonAnswer(event.action);
    if (pressed) return onAnswer(person.id, pressed.answer, pressed.language, (tx) => tx.escalation.findUnique({ where: { id: pressed.id } }));
    const text = freeText(event);
    if (!text) return NO_PRE_CHECK;
    const finding = detect(text);
    if (finding) return onRisk(event, person.id, text, finding);
    return event.fields ? NO_PRE_CHECK : typedAnswer(text, person.id);
  };
}
