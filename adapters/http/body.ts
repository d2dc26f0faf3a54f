// Reads a request body with a size cap, so a hostile client cannot exhaust memory.
import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new BodyTooLargeError(`body over ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
