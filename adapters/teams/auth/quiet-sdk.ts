// The Bot Framework SDK writes to the console itself while it checks a token: the whole
// TokenExpiredError with its stack, or "Error finding key for token. Available keys: <PEM key>",
// about 20 lines for every refused request, before the adapter sees the error. Anyone can send
// such requests, so they could flood the log. While a token is being checked (and only then, for
// that request: AsyncLocalStorage follows its awaits), the SDK's console output is dropped; the
// adapter reports the refusal as one line through its error sink instead.
import { AsyncLocalStorage } from "node:async_hooks";

const checking = new AsyncLocalStorage<boolean>();
type Log = (...args: unknown[]) => void;
const wrappers = new WeakSet<Log>();

// Wraps the console's current functions (again, if something replaced them since: a logger set-up,
// a test's spy); outside a token check they behave exactly as before.
function install(): void {
  for (const level of ["error", "warn", "log"] as const) {
    const current = console[level] as Log;
    if (wrappers.has(current)) continue;
    const wrapper: Log = (...args) => {
      if (checking.getStore() !== true) current.apply(console, args);
    };
    wrappers.add(wrapper);
    console[level] = wrapper;
  }
}

/** Runs `check` (the SDK checking a token, then running the turn) with the SDK's console output dropped. */
export function quietly<T>(check: () => Promise<T>): Promise<T> {
  install();
  return checking.run(true, check);
}

/** Leaves the quiet context (the bot's turn runs inside the SDK call but is ours). */
export function loudly<T>(fn: () => T): T {
  return checking.run(false, fn);
}
