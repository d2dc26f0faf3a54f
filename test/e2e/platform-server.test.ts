// The real bot process with a platform configured: `src/main.ts` starts Telegram (long polling
// against a fake Bot API) instead of the console, serves /healthz, answers a message, and on
// SIGTERM stops cleanly with exit code 0.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { startFakeTelegram } from "../fakes/fake-telegram.js";
import { waitFor } from "../fakes/http-util.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TOKEN = "4242:E2E";

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function healthz(port: number): Promise<number | undefined> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.status,
    () => undefined,
  );
}

describe("main.ts with a platform configured", () => {
  it("runs Telegram instead of the console, serves /healthz, and exits 0 on SIGTERM", async () => {
    const fake = await startFakeTelegram(TOKEN);
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: mkdtempSync(join(tmpdir(), "mb-srv-")),
        LOG_LEVEL: "info",
        HTTP_PORT: String(port),
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.url,
        COORDINATOR_INVITE_CODE: "e2e-coordinator",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    try {
      await waitFor(() => out.includes("platforms started"), 120_000, `start-up; stderr: ${err.slice(-300)}`);
      expect(await healthz(port)).toBe(200);
      // A message through Telegram gets the bot's answer (no console: stdin is ignored).
      await fake.deliver({
        update_id: 1,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 77, type: "private" },
          from: { id: 77, is_bot: false, first_name: "A", language_code: "da" },
          text: "hej",
        },
      });
      await waitFor(() => fake.rendered.some((r) => r.target === "77"), 20_000, "reply");
      expect(fake.rendered.find((r) => r.target === "77")?.text).toBe(t("da", "welcome.who"));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(await healthz(port)).toBeUndefined();
      // A server logs JSON lines to stdout, never message texts; no demo mentors with a platform.
      const lines = out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { msg: string });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["starting", "platforms started", "stopping"]));
      expect(out).not.toContain("hej");
      // Configuration secrets are never printed, not even in the start-up line that lists the config.
      for (const secret of [TOKEN, "e2e-coordinator"]) expect(out + err, secret).not.toContain(secret);
      expect(out).toMatch(/"COORDINATOR_INVITE_CODE":"\*\*\*"/);
      expect(err).toBe("");
    } finally {
      child.kill("SIGKILL");
      await fake.close();
    }
    // A whole bot start-up on a busy machine; the waits above return as soon as they can.
  }, 180_000);
});
