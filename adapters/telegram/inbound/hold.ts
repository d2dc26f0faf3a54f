// Long polling acknowledges an update by asking for the next batch, so there is no 5xx to make
// Telegram deliver it again. Instead, an update the core could not take (database down) is tried
// again here with backoff. Meanwhile telegraf does not poll: later updates wait at Telegram, in
// order, until the database is back. stop() ends the waiting (the update is then given up), and
// so does telegraf's handlerTimeout (90 s): polling then goes on while this update keeps trying.
import { isRetryableFailure, type Dispatch } from "../../http/dispatch.js";

export interface Hold {
  dispatch: Dispatch;
  stop(): void;
}

export function holdWhileUnavailable(dispatch: Dispatch, firstDelayMs = 1_000, maxDelayMs = 30_000): Hold {
  let stopped = false;
  const wakers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  return {
    async dispatch(event, options) {
      for (let delay = firstDelayMs; ; delay = Math.min(delay * 2, maxDelayMs)) {
        try {
          return await dispatch(event, options);
        } catch (err) {
          if (stopped || !isRetryableFailure(err)) throw err;
          await pause(delay);
          if (stopped) throw err;
        }
      }
    },
    stop() {
      stopped = true;
      [...wakers].forEach((wake) => wake());
    },
  };
}
