// The escalation capability: the safety pre-check (with the gentle check's timeout), alert delivery and reminders, the stalled-
// mentorship scan, and the coordinators' alert buttons and "alerts" command.
import type { CapabilityFactory } from "../../core/capability.js";
import { asMentorbroError } from "../../core/errors.js";
import { makeAlertActions } from "./alert-actions.js";
import { makeAlertsCommand } from "./alerts-command.js";
import { deliverPending, renotifyDue } from "./deliver.js";
import { makeSafetyCheck, type RiskDetector } from "./safety-check.js";
import { CHECKING, CLOSED, expireChecks } from "./safety-question.js";
import { scanSignals } from "./scan-signals.js";
import { loadThresholds } from "./thresholds.js";
import { escalationDa } from "./texts-da.js";
import { escalationEn } from "./texts-en.js";

export interface EscalationOptions {
  /** The risk detector of the safety pre-check (default: the rules of src/lib/safety). */
  detect?: RiskDetector;
}

export const makeEscalationCapability =
  (opts: EscalationOptions = {}): CapabilityFactory =>
  (deps) => {
    const { db, clock, logger, settings } = deps;
    const { action, task } = makeAlertActions(settings.timezone);

    async function deliver(now: Date): Promise<void> {
      const sent = await db.$transaction((tx) => deliverPending(tx, settings, now));
      const th = await loadThresholds(db);
      const again = await db.$transaction((tx) => renotifyDue(tx, settings, th, now));
      if (sent || again) logger.info({ sent, reminders: again }, "escalation alerts queued");
    }

    return {
      name: "escalation",
      texts: { da: escalationDa, en: escalationEn },
      actions: [action],
      tasks: [task],
      commands: [makeAlertsCommand(settings.timezone)],
      preCheck: makeSafetyCheck(deps, opts.detect),
      jobs: [
        async (now) => {
          // Safety checks unanswered for an hour become low alerts, sent by the delivery below.
          const unanswered = await db.$transaction((tx) => expireChecks(tx, now));
          if (unanswered) logger.info({ unanswered }, "safety checks without an answer: low alerts raised");
          const raised = await scanSignals(db, now);
          if (raised) logger.info({ raised }, "stalled-mentorship signals raised");
          await deliver(now);
        },
      ],
      // An erased person's check waiting for an answer is closed: nobody is left to alert about.
      async onErase(tx, personId) {
        await tx.escalation.updateMany({ where: { personId, status: CHECKING }, data: { status: CLOSED, openKey: null } });
      },
      // After each message: anything raised in that message's transaction (a check-in's "I need
      // help", "talk to a coordinator") goes out now, not on the next tick.
      async afterCommit() {
        try {
          await db.$transaction((tx) => deliverPending(tx, settings, clock.now()));
        } catch (err) {
          logger.error({ code: asMentorbroError(err).code }, "escalation delivery after commit failed");
        }
      },
    };
  };

export const escalationCapability: CapabilityFactory = makeEscalationCapability();
