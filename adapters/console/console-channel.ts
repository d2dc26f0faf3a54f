// The local console channel: renders messages for a terminal (numbered buttons) or as JSON lines,
// and translates typed numbers/labels back into button actions.
import type { Button, Channel, OutboundMessage } from "../../src/core/messages.js";
import { fold } from "../../src/lib/text/normalize.js";

export interface ConsoleChannel extends Channel {
  /** Turns "2" or an exact button label into that button's action for this identity. */
  resolveChoice(identity: string, text: string): string | undefined;
}

const SHOWN_CHARS = 6000;

/** A terminal cannot show a file: name and size, and the text itself for CSV and JSON. */
function fileLines(file: NonNullable<OutboundMessage["file"]>): string[] {
  const bytes = Buffer.from(file.base64, "base64");
  const out = [`   [${file.name}, ${file.mime}, ${Math.max(1, Math.round(bytes.length / 1024))} kB]`];
  if (/^(text\/|application\/json)/.test(file.mime)) {
    const text = bytes.toString("utf8").replace(/^\ufeff/, "");
    out.push(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}\n…` : text);
  }
  return out;
}

export function createConsoleChannel(write: (line: string) => void, mode: "text" | "jsonl"): ConsoleChannel {
  const lastButtons = new Map<string, Button[]>();
  return {
    platform: "console",
    async send(message: OutboundMessage) {
      if (message.buttons?.length) lastButtons.set(message.to, message.buttons);
      else lastButtons.delete(message.to);
      if (mode === "jsonl") {
        const file = message.file
          ? { file: { name: message.file.name, mime: message.file.mime, bytes: Buffer.from(message.file.base64, "base64").length } }
          : {};
        write(
          JSON.stringify({
            to: message.to,
            text: message.text,
            ...(message.buttons ? { buttons: message.buttons.map((b) => ({ action: b.action, label: b.label })) } : {}),
            ...file,
          }),
        );
        return;
      }
      const lines = [`[${message.to.replace(/^console:/, "")}] ${message.text}`];
      message.buttons?.forEach((b, i) => lines.push(`   ${i + 1}) ${b.label}`));
      if (message.file) lines.push(...fileLines(message.file));
      write(lines.join("\n"));
    },
    resolveChoice(identity, text) {
      const buttons = lastButtons.get(identity);
      if (!buttons) return undefined;
      const n = Number(text.trim().replace(/[.)]$/, ""));
      if (Number.isInteger(n) && n >= 1 && n <= buttons.length) return buttons[n - 1]!.action;
      // Flow options ("opt:…") are left to the core, which understands typed answers fuzzily and
      // takes a typed list as a whole answer; other buttons (offers, alerts) match by exact label.
      const f = fold(text);
      return buttons.find((b) => !b.action.startsWith("opt:") && fold(b.label) === f && f !== "")?.action;
    },
  };
}
