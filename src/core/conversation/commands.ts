// Commands that work at every step, typed in Danish or English (with or without "/") or via buttons.
import { fold } from "../../lib/text/normalize.js";

// "export" (my data) is the privacy capability's command (src/privacy/export-command.ts).
export type Command = "help" | "back" | "restart" | "pause" | "language" | "status" | "delete" | "human";

const WORDS: Record<Command, string[]> = {
  help: ["help", "hjaelp", "hjalp", "hjelp", "hjaelp mig", "hvad kan jeg", "commands", "kommandoer", "menu"],
  back: ["back", "tilbage", "tilbag", "go back", "gaa tilbage", "fortryd"],
  restart: ["restart", "forfra", "start forfra", "start over", "begynd forfra", "genstart"],
  pause: ["pause", "stop", "stands", "hold pause", "take a break", "later", "senere"],
  // "dansk"/"english" alone are answers (to "which languages do you speak?"), so only "/dansk" switches.
  language: ["language", "sprog", "change language", "skift sprog", "/english", "/engelsk", "/dansk", "/danish"],
  status: ["status", "hvor er jeg", "where am i", "hvad nu", "what now", "what next", "hvad sker der"],
  delete: ["delete", "delete my data", "slet", "slet mine data", "slet mig", "slet data", "glem mig", "forget me"],
  human: ["coordinator", "koordinator", "human", "menneske", "talk to a human", "tal med et menneske", "contact", "kontakt", "person"],
};

const LOOKUP = new Map<string, Command>();
for (const [cmd, words] of Object.entries(WORDS) as [Command, string[]][]) for (const w of words) LOOKUP.set(w, cmd);

/** A command only when the whole message is the command word: "stop" inside a sentence is an answer. */
export function recogniseCommand(text: string): Command | undefined {
  const trimmed = text.trim();
  const f = fold(trimmed);
  if (f.length === 0 || f.length > 40) return undefined;
  if (trimmed.startsWith("/") && LOOKUP.has(`/${f}`)) return LOOKUP.get(`/${f}`);
  return LOOKUP.get(f);
}

export function commandFromAction(action: string): Command | undefined {
  if (!action.startsWith("cmd:")) return undefined;
  const c = action.slice(4) as Command;
  return c in WORDS ? c : undefined;
}

/** "english"/"dansk" typed as a command directly pick the language. */
export function directLanguage(text: string): "da" | "en" | undefined {
  const f = fold(text.replace(/^\//, ""));
  if (f === "english" || f === "engelsk") return "en";
  if (f === "dansk" || f === "danish") return "da";
  return undefined;
}
