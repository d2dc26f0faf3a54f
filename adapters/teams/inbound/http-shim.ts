// Reads the activity the Bot Framework POSTs to /api/messages from a plain node:http request (size
// capped), in the shape CloudAdapter expects after its own validation (timestamps as Dates).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Activity } from "botbuilder";
import { BodyTooLargeError, readBody } from "../../http/body.js";

/** The activity, or undefined after answering 400 (not an activity) or 413 (too large). */
export async function readActivity(req: IncomingMessage, res: ServerResponse): Promise<Activity | undefined> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString("utf8"));
  } catch (err) {
    res.writeHead(err instanceof BodyTooLargeError ? 413 : 400).end();
    return undefined;
  }
  if (typeof body !== "object" || body === null || typeof (body as { type?: unknown }).type !== "string") {
    res.writeHead(400).end();
    return undefined;
  }
  // As the SDK's validateAndFixActivity does: the raw strings kept, Dates for the SDK.
  const activity = body as Record<string, unknown>;
  for (const field of ["timestamp", "expiration", "localTimestamp"]) {
    const raw = activity[field];
    if (typeof raw === "string") {
      activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = raw;
      activity[field] = new Date(raw);
    }
  }
  return activity as unknown as Activity;
}
