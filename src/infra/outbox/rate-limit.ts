// A token bucket per platform for the outbox sender: sends wait for a slot instead of tripping
// the platform's limit, and a platform's retry-after holds that platform (only) off. Elapsed time
// and waiting come from an injected timer, so tests never sleep.

export interface RateLimit {
  /** Sustained sends per second. */
  perSecond: number;
  /** Sends allowed at once after a quiet spell (default 1: evenly spaced). */
  burst?: number;
}

export interface Timer {
  /** Monotonic milliseconds. */
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

export interface RateLimiter {
  /**
   * Waits for a send slot on `platform`. Returns 0 when the caller may send now, or the number of
   * milliseconds the platform asked us to hold off (longer than we wait in-line): put it back.
   */
  acquire(platform: string): Promise<number>;
  /** The platform said "retry after ms": no sends to it until then. */
  holdOff(platform: string, ms: number): void;
}

// Platforms without a configured limit still honour a retry-after.
const UNLIMITED: RateLimit = { perSecond: 1e9, burst: 1e9 };

export const systemTimer: Timer = {
  nowMs: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * Parses "telegram=25,slack=1:3" (perSecond[:burst]) over the defaults (each platform's descriptor
 * gives one below its published limit); bad parts are ignored.
 */
export function parseRateLimits(spec: string | undefined, defaults: Record<string, RateLimit> = {}): Record<string, RateLimit> {
  const out: Record<string, RateLimit> = { ...defaults };
  for (const part of (spec ?? "").split(",")) {
    const m = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?)(?::(\d+))?\s*$/.exec(part);
    if (m && Number(m[2]) > 0) out[m[1]!] = { perSecond: Number(m[2]), ...(m[3] ? { burst: Number(m[3]) } : {}) };
  }
  return out;
}

export function createRateLimiter(limits: Record<string, RateLimit>, timer: Timer = systemTimer, maxInlineWaitMs = 5_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number; heldUntil: number }>();
  // Waiters on one platform queue behind each other so the rate holds with several callers.
  const queues = new Map<string, Promise<unknown>>();

  function bucket(platform: string, limit: RateLimit) {
    let b = buckets.get(platform);
    if (!b) buckets.set(platform, (b = { tokens: limit.burst ?? 1, at: timer.nowMs(), heldUntil: 0 }));
    return b;
  }

  async function take(platform: string, limit: RateLimit): Promise<number> {
    const b = bucket(platform, limit);
    const cap = Math.max(1, limit.burst ?? 1);
    for (;;) {
      const now = timer.nowMs();
      if (b.heldUntil > now) {
        const hold = b.heldUntil - now;
        if (hold > maxInlineWaitMs) return Math.ceil(hold);
        await timer.sleep(hold);
        continue;
      }
      b.tokens = Math.min(cap, b.tokens + ((now - b.at) * limit.perSecond) / 1000);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      await timer.sleep(Math.ceil(((1 - b.tokens) * 1000) / limit.perSecond));
    }
  }

  return {
    acquire(platform) {
      const limit = limits[platform] ?? UNLIMITED;
      const prev = queues.get(platform) ?? Promise.resolve();
      const mine = prev.then(() => take(platform, limit));
      queues.set(
        platform,
        mine.catch(() => undefined),
      );
      return mine;
    },
    holdOff(platform, ms) {
      const b = bucket(platform, limits[platform] ?? UNLIMITED);
      b.heldUntil = Math.max(b.heldUntil, timer.nowMs() + ms);
      b.tokens = 0;
    },
  };
}
