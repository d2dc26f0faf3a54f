// A bounded set of recently seen delivery ids. Platforms redeliver (Telegram webhook retries, Slack
// retries, Teams resends); the core also dedupes durably, but catching repeats here keeps a
// redelivery from reaching the core at all while the first delivery is still in flight.
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 5_000) {}

  /** Records the id; false if it was already seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      // Sets iterate in insertion order, so the first entry is the oldest.
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  /** Forgets an id so a redelivery is processed (used when processing failed). */
  forget(id: string): void {
    this.ids.delete(id);
  }
}
