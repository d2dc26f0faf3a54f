// Structured logs. Message texts and personal data never go in at info level (or any level:
// call sites log ids, codes and counts only).
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["text", "*.text", "name", "*.name", "displayName", "*.displayName"], censor: "[redacted]" },
    },
    pino.destination({ dest: (destination as { fd?: number }).fd ?? 2, sync: true }),
  );
}
