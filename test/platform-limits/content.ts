// The content the platform-limit tests send: what real use produced that the platforms refuse.
import type { OutboundMessage } from "../../src/core/messages.js";

/** 5,000 characters in lines of 49 + a line break: too long for one Telegram message or Slack section. */
export const LONG_TEXT = Array.from({ length: 100 }, (_, i) => `Linje ${String(i).padStart(3, "0")} `.padEnd(49, "x")).join("\n");

/** A 120-character name on a button (long names in the coordinator's lists). */
export const LONG_NAME = `Anna-Margrethe ${"Kristiansdatter-".repeat(7)}Holm`.slice(0, 120);

/** Nine options to choose from. */
export const NINE = Array.from({ length: 9 }, (_, i) => ({ action: `pick:${i + 1}`, label: `Valg ${i + 1}` }));

/** A name with everything markup uses. */
export const MARKUP_NAME = "<b>&_*[]";

/** The result of importing 1,000 rows, one line each, as text (~150 KB as UTF-16). */
export const IMPORT_ROWS = Array.from({ length: 1000 }, (_, i) => `Række ${i + 1}: Mentor ${i + 1}, mentor${i + 1}@eksempel.dk, IT og software — importeret`);
export const IMPORT_TEXT = IMPORT_ROWS.join("\n");

export function importResult(to: string): OutboundMessage {
  return {
    to,
    text: "Importen er færdig: 1000 rækker.",
    file: { name: "import.csv", mime: "text/csv", base64: Buffer.from(IMPORT_TEXT, "utf8").toString("base64") },
  };
}
