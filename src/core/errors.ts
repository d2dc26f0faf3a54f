// Coded errors: the core raises MentorbroError with a stable code; adapters raise AdapterError
// naming their platform. One top-level handler maps both to a kind reply and a log line.

export type ErrorCode =
  | "CONFIG_INVALID"
  | "DB_UNAVAILABLE"
  | "DB_START_TIMEOUT"
  | "FLOW_UNKNOWN"
  | "FLOW_STATE_STALE"
  | "CONCURRENT_UPDATE"
  | "NOT_ALLOWED"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "SEND_FAILED"
  | "RATE_LIMITED"
  | "INTERNAL";

export class MentorbroError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MentorbroError";
  }
}

export class AdapterError extends MentorbroError {
  constructor(
    readonly platform: string,
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(code, `[${platform}] ${message}`, options);
    this.name = "AdapterError";
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

export function asMentorbroError(err: unknown): MentorbroError {
  if (err instanceof MentorbroError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // Connection loss as pg, Prisma (P1001 can't reach, P1017 server closed, P2024 pool timeout) and PGlite word it.
  if (
    /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection.*closed|terminating connection|server closed the connection|Can't reach database|the database system is (starting|shutting) up|not queryable|P1001|P1017|P2024|PGlite is closed/i.test(
      message,
    )
  ) {
    return new MentorbroError("DB_UNAVAILABLE", "Database unavailable", { cause: err });
  }
  // A transaction that lost to another one (deadlock, serialization failure, lock timeout, Prisma's
  // P2034) wrote nothing and succeeds when tried again: the same as a lost seq check.
  const code = typeof (err as { code?: unknown } | null)?.code === "string" ? (err as { code: string }).code : "";
  if (
    /^(P2034|40001|40P01|55P03)$/.test(code) ||
    /write conflict or a deadlock|deadlock detected|could not serialize access|could not obtain lock|lock timeout/i.test(message)
  ) {
    return new MentorbroError("CONCURRENT_UPDATE", "Transaction conflict", { cause: err });
  }
  // Prisma's interactive transaction could not start or outlived its timeout (P2028): overloaded.
  if (code === "P2028" || /Transaction API error|Transaction already closed|Unable to start a transaction/i.test(message)) {
    return new MentorbroError("DB_UNAVAILABLE", "Database busy", { cause: err });
  }
  return new MentorbroError("INTERNAL", message, { cause: err });
}

/** Errors worth retrying later (the platform should redeliver, the outbox should try again). */
export function isRetryable(err: MentorbroError): boolean {
  return err.code === "DB_UNAVAILABLE" || err.code === "RATE_LIMITED" || err.code === "SEND_FAILED" || err.code === "CONCURRENT_UPDATE";
}
