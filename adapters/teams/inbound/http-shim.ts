// CloudAdapter.process expects express/restify-style req/res (parsed body; status/header/send/end).
// This shim adapts plain node:http so the Teams route runs on our shared server without express.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";
import { BodyTooLargeError, readBody } from "../../http/body.js";

export async function toBotRequest(req: IncomingMessage, res: ServerResponse): Promise<Request | undefined> {
  try {
    const body = JSON.parse((await readBody(req)).toString("utf8")) as Record<string, unknown>;
    return { method: req.method, headers: req.headers, body };
  } catch (err) {
    res.writeHead(err instanceof BodyTooLargeError ? 413 : 400).end();
    return undefined;
  }
}

/** `override` may replace the status the SDK sets (a failure it did not see, or misjudged). */
export function toBotResponse(res: ServerResponse, override?: (code: number) => number | undefined): Response {
  let body: unknown;
  const shim = {
    socket: res.socket,
    status(code: number) {
      res.statusCode = override?.(code) ?? code;
      return shim;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return shim;
    },
    send(payload: unknown) {
      body = payload;
      return shim;
    },
    end() {
      if (body === undefined) return void res.end();
      const text = typeof body === "string" ? body : JSON.stringify(body);
      if (!res.hasHeader("content-type")) res.setHeader("content-type", typeof body === "string" ? "text/plain" : "application/json");
      res.end(text);
    },
  };
  return shim as unknown as Response;
}
