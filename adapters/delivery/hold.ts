// Transports that acknowledge before (or without) an HTTP answer cannot get a redelivery from a
// 5xx: Telegram long polling acknowledges by asking for the next batch, Slack Socket Mode acks the
// envelope first. There an event the core could not take (database down) is tried again here with
// backoff. (Telegram: meanwhile telegraf does not poll, so later updates wait at Telegram in order;
// telegraf's handlerTimeout of 90 s lets polling go on while this update keeps trying.) stop() ends
// the waiting, and the event is then given up.
import { isRetryableFailure, type Dispatch } from "./dispatch.js";

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
