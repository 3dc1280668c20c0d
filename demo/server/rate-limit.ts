/**
 * Per-client rate limit for registrations: a token bucket per address that holds `perMinute`
 * tokens and refills at `perMinute` per minute, so a burst of `perMinute` passes and then one
 * request every `60 / perMinute` seconds. In memory: a restart forgets, which is fine for a limit.
 */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #sweeper: NodeJS.Timeout | undefined;

  /** `perMinute` 0 turns the limit off. */
  constructor(perMinute: number, private readonly now: () => number = Date.now) {
    this.#perMinute = perMinute;
    if (perMinute > 0) {
      // Forget clients whose bucket has refilled: the map stays as small as the active clients.
      this.#sweeper = setInterval(() => this.#sweep(), 60_000);
      this.#sweeper.unref();
    }
  }

  /** Takes one token for `client`: `0` when allowed, else the whole seconds to wait (for `Retry-After`). */
  take(client: string): number {
    if (this.#perMinute === 0) return 0;
    const now = this.now();
    const bucket = this.#refilled(client, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    const perMs = this.#perMinute / 60_000;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  stop(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
  }

  #refilled(client: string, now: number) {
    let bucket = this.#buckets.get(client);
    if (!bucket) {
      bucket = { tokens: this.#perMinute, at: now };
      this.#buckets.set(client, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.#perMinute, bucket.tokens + ((now - bucket.at) * this.#perMinute) / 60_000);
    bucket.at = now;
    return bucket;
  }

  #sweep(): void {
    const now = this.now();
    for (const [client, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) * this.#perMinute) / 60_000 >= this.#perMinute) this.#buckets.delete(client);
    }
  }
}
