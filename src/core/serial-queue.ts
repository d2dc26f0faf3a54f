// One person's messages are handled one at a time, in the order they arrived at this instance.
// A person who types quickly (or a platform that delivers a burst at once) would otherwise run
// several steps on the same conversation in parallel: each reads the same state, and all but one
// lose the race. A chain of promises per key is all it takes; a key's entry is dropped as soon as
// its last task settles, so idle people cost no memory.

export interface SerialQueues {
  /** Runs `task` after every task queued earlier under the same key has settled (FIFO). */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Keys with work queued or running (for tests: it returns to 0 when all is done). */
  readonly size: number;
}

export function createSerialQueues(): SerialQueues {
  const tails = new Map<string, Promise<void>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      // A failed task must not stop the ones behind it; its caller sees the failure.
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
}
