// Drives the core from a terminal (interactive chat) or from JSON lines (scripted, --jsonl).
// `/as <name>` switches identity, `/clock +7d` moves the demo clock and runs what became due.
import { createInterface } from "node:readline";
import { parseDuration, type AdjustableClock } from "../../src/core/clock.js";
import type { BotCore, InboundEvent } from "../../src/core/messages.js";
import type { ConsoleChannel } from "./console-channel.js";

export interface ConsoleRunOptions {
  core: BotCore;
  channel: ConsoleChannel;
  clock: AdjustableClock;
  /** Runs due jobs and sends queued messages. */
  tick: () => Promise<void>;
  input: NodeJS.ReadableStream;
  write: (line: string) => void;
  mode: "text" | "jsonl";
  /** Gives a kind text when handling fails (none when the core already told the person), instead of crashing. */
  onError: (err: unknown) => string | undefined;
}

const HOUR = 3_600_000;

/** Moves the clock in steps of at most an hour so every job sees each moment it cares about. */
export async function advanceClock(clock: AdjustableClock, ms: number, tick: () => Promise<void>): Promise<void> {
  let left = ms;
  while (left > 0) {
    const step = Math.min(HOUR, left);
    clock.advance(step);
    left -= step;
    await tick();
  }
}

async function deliver(opts: ConsoleRunOptions, event: InboundEvent): Promise<void> {
  try {
    if (event.text !== undefined && !event.action) {
      const action = opts.channel.resolveChoice(event.from, event.text);
      if (action) event = { from: event.from, action, eventId: event.eventId };
    }
    await opts.core.handle(event, (r) => opts.channel.send(r));
  } catch (err) {
    const text = opts.onError(err);
    if (text) await opts.channel.send({ to: event.from, text });
  }
}

export async function runConsole(opts: ConsoleRunOptions): Promise<void> {
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
  let me = "console:me";
  if (opts.mode === "text") {
    opts.write("Mentorbro console. Write a message to start. /as <name> switches person (e.g. /as anna, /as coordinator), /clock +7d moves time, /quit ends.");
  }
  for await (const raw of rl) {
    const line = raw.replace(/\r$/, "");
    if (opts.mode === "jsonl") {
      if (line.trim() === "") continue;
      await handleJsonLine(opts, line);
      continue;
    }
    const cmd = /^\/(as|clock|quit)\b\s*(.*)$/i.exec(line.trim());
    if (cmd) {
      const [, name, arg] = cmd;
      if (name!.toLowerCase() === "quit") break;
      if (name!.toLowerCase() === "as") {
        const who = arg!.trim().replace(/^(mentor|mentee|coordinator):/i, "");
        if (who) me = `console:${who.toLowerCase()}`;
        opts.write(`(you are now ${me.slice(8)})`);
        continue;
      }
      const ms = parseDuration(arg!);
      if (ms === undefined) opts.write("(write e.g. /clock +7d, /clock 4h or /clock P1W)");
      else {
        await advanceClock(opts.clock, ms, opts.tick);
        opts.write(`(clock is now ${opts.clock.now().toISOString().slice(0, 16).replace("T", " ")})`);
      }
      continue;
    }
    await deliver(opts, { from: me, text: line });
  }
  await opts.tick();
}

async function handleJsonLine(opts: ConsoleRunOptions, line: string): Promise<void> {
  let ev: unknown;
  try {
    ev = JSON.parse(line);
  } catch {
    opts.write(JSON.stringify({ error: "invalid JSON line" }));
    return;
  }
  const e = ev as { from?: unknown; text?: unknown; action?: unknown; advance?: unknown; eventId?: unknown };
  if (typeof e.advance === "string") {
    const ms = parseDuration(e.advance);
    if (ms === undefined) opts.write(JSON.stringify({ error: "advance needs an ISO-8601 duration such as P7D" }));
    else await advanceClock(opts.clock, ms, opts.tick);
    return;
  }
  if (typeof e.from !== "string" || !/^console:[^\s]+$/.test(e.from) || (typeof e.text !== "string" && typeof e.action !== "string")) {
    opts.write(JSON.stringify({ error: 'expected {"from":"console:<name>","text":"…"} or {"from":…,"action":"…"} or {"advance":"P7D"}' }));
    return;
  }
  await deliver(opts, {
    from: e.from,
    ...(typeof e.action === "string" ? { action: e.action } : { text: e.text as string }),
    ...(typeof e.eventId === "string" ? { eventId: `console:${e.eventId}` } : {}),
  });
}
