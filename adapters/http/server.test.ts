import { describe, expect, it } from "vitest";
import { createHttpServer } from "./server.js";

describe("createHttpServer", () => {
  it("serves /healthz as 200 or 503 from the health callback, and 404/405 otherwise", async () => {
    let ok = true;
    const server = createHttpServer({
      port: 0,
      routes: [{ method: "POST", path: "/x", handler: (_q, r) => void r.end("x") }],
      health: () => ({ ok, db: ok ? "up" : "down" }),
    });
    await server.listen();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, db: "up" });
    ok = false;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/x`)).status).toBe(405);
    expect(await (await fetch(`${server.url}/x`, { method: "POST" })).text()).toBe("x");
    await server.close();
  });

  it("binds 127.0.0.1 and answers 500 when a handler throws", async () => {
    const server = createHttpServer({ port: 0, routes: [{ method: "POST", path: "/boom", handler: () => Promise.reject(new Error("boom")) }] });
    await server.listen();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect((await fetch(`${server.url}/boom`, { method: "POST" })).status).toBe(500);
    await server.close();
  });

  it("close() stops accepting but lets an in-flight request finish", async () => {
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((r) => (entered = r));
    const server = createHttpServer({
      port: 0,
      routes: [
        {
          method: "POST",
          path: "/slow",
          handler: async (_q, res) => {
            entered();
            await new Promise<void>((r) => (release = r));
            res.end("done");
          },
        },
      ],
    });
    await server.listen();
    const url = server.url;
    const inFlight = fetch(`${url}/slow`, { method: "POST" });
    await inside;
    const closed = server.close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    release();
    expect(await (await inFlight).text()).toBe("done");
    await closed;
  });
});
