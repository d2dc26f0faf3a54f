// Structured logs. Message texts and personal data never go in at info level (or any level:
// call sites log ids, codes and counts only).
import pino from "pino";

export type Logger = pino.Logger;

/** Fields that name a person (or their chat identity). */
const PERSON_KEYS = ["personId", "menteeId", "mentorId", "subjectId", "actorId", "assignedTo", "recipient", "userId", "from", "to"];
/** Fields that say something about a person's health or safety. */
const HEALTH_KEYS = ["category", "severity", "risk", "riskCategory", "grade", "topic", "answer"];

/**
 * A person identifier beside a risk category or severity is health data about that person, and
 * logs are kept and shipped far more loosely than the database. Call sites log the escalation id
 * instead; this is the net under them: such a line loses its person identifiers.
 */
export function withoutPersonBesideHealth(fields: Record<string, unknown>): Record<string, unknown> {
  if (!HEALTH_KEYS.some((k) => k in fields)) return fields;
  if (!PERSON_KEYS.some((k) => k in fields)) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !PERSON_KEYS.includes(k)));
}

/** The options every logger of the bot is made with (tests use them with their own stream). */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: undefined,
    redact: { paths: ["text", "*.text", "name", "*.name", "displayName", "*.displayName"], censor: "[redacted]" },
    formatters: { log: withoutPersonBesideHealth },
  };
}

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(loggerOptions(level), pino.destination({ dest: (destination as { fd?: number }).fd ?? 2, sync: true }));
}
