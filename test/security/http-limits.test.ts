// Issue 13, point 10: one client cannot hold the webhook server. A body that dribbles in is cut
// off at the request deadline, connections over the cap are closed at once, and a declared body
// over the cap is refused before any route reads it. Small limits are injected; nothing here waits
// longer than a deadline of a few hundred milliseconds.
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, DEFAULT_LIMITS, type HttpServer } from "../../adapters/http/server.js";
import { readBody } from "../../adapters/http/body.js";

let server: HttpServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.forEach((s) => s.destroy());
  sockets.length = 0;
  await server?.close();
  server = undefined;
});

async function start(limits: Parameters<typeof createHttpServer>[0]["limits"]): Promise<number> {
  server = createHttpServer({
    port: 0,
    closeTimeoutMs: 100,
    limits,
    routes: [{ method: "POST", path: "/hook", handler: async (req, res) => void res.end(`read ${(await readBody(req)).length}`) }],
  });
  return server.listen();
}

/** A raw connection; resolves with everything the server sent once it closes the connection. */
function open(port: number): { socket: Socket; closed: Promise<{ data: string; at: number }> } {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  let data = "";
  socket.on("data", (d) => (data += d.toString()));
  socket.on("error", () => undefined);
  const closed = new Promise<{ data: string; at: number }>((resolve) => socket.on("close", () => resolve({ data, at: Date.now() })));
  return { socket, closed };
}

describe("webhook server limits", () => {
  it("production defaults: 30 s for a request, 10 s for headers, 1,000 connections, 1 MB", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnections: 1_000, maxBodyBytes: 1_000_000 });
  });

  it("cuts off a body that never finishes at the request deadline (408)", async () => {
    const port = await start({ requestTimeoutMs: 300, headersTimeoutMs: 200, checkIntervalMs: 50 });
    const { socket, closed } = open(port);
    const started = Date.now();
    // Headers promise 1,000 bytes; 10 arrive, then nothing more (a slow-body client).
    socket.write('POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":12345');
    const { data, at } = await closed;
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(at - started).toBeGreaterThanOrEqual(250);
    expect(at - started).toBeLessThan(2_000);
  });

  it("cuts off headers that never finish at the headers deadline", async () => {
    const port = await start({ requestTimeoutMs: 1_000, headersTimeoutMs: 200, checkIntervalMs: 50 });
    const { socket, closed } = open(port);
    const started = Date.now();
    socket.write("POST /hook HTTP/1.1\r\nHost: x\r\n");
    const { data, at } = await closed;
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(at - started).toBeLessThan(1_000);
  });

  it("closes connections over the cap at once, and serves again when one is free", async () => {
    const port = await start({ maxConnections: 2 });
    const held = [open(port), open(port)];
    await Promise.all(held.map(({ socket }) => new Promise((r) => socket.once("connect", r))));
    // The server accepts in arrival order: the third is over the cap and closed without an answer.
    const third = open(port);
    const { data } = await third.closed;
    expect(data).toBe("");
    held[0]!.socket.destroy();
    await held[0]!.closed;
    // The server frees the slot when it sees the close; the next request is served.
    const served = async (): Promise<string> => {
      for (let i = 0; ; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: "{}", headers: { connection: "close" } }).catch(() => undefined);
        if (res) return res.text();
        if (i > 100) throw new Error("never served");
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    expect(await served()).toBe("read 2");
  });

  it("refuses a declared body over the cap with 413 before the route reads it", async () => {
    const port = await start({ maxBodyBytes: 100 });
    const res = await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: "x".repeat(101) });
    expect(res.status).toBe(413);
    expect((await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: "x".repeat(100) })).status).toBe(200);
  });
});
