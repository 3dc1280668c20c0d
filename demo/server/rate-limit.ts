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

  /** Like `take()`, but only looks: `0` when a token is there, else the whole seconds to wait. */
  peek(client: string): number {
    if (this.#perMinute === 0) return 0;
    const bucket = this.#buckets.get(client);
    if (!bucket) return 0;
    const tokens = Math.min(this.#perMinute, bucket.tokens + ((this.now() - bucket.at) * this.#perMinute) / 60_000);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / (this.#perMinute / 60_000) / 1000));
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

const HOUR = 3_600_000;

/**
 * A fair share per client: at most `perHour` places (attendee and companions, confirmed or on the
 * waiting list) per client address per event in any sliding hour. In memory, like `RateLimiter`.
 * `take()` grants at once, so two requests of one client cannot both slip through.
 */
export class PlaceLimiter {
  readonly #perHour: number;
  /** `event \n client` → the places granted, oldest first. */
  readonly #grants = new Map<string, { at: number; places: number }[]>();
  readonly #sweeper: NodeJS.Timeout | undefined;

  /** `perHour` 0 turns the limit off. */
  constructor(perHour: number, private readonly now: () => number = Date.now) {
    this.#perHour = perHour;
    if (perHour > 0) {
      this.#sweeper = setInterval(() => this.#sweep(), 60_000);
      this.#sweeper.unref();
    }
  }

  /**
   * Grants `places` to `client` for `eventId` and answers `0`, or answers the whole seconds until
   * it may take them (granting nothing).
   */
  take(eventId: string, client: string, places: number): number {
    if (this.#perHour === 0) return 0;
    const key = `${eventId}\n${client}`;
    const now = this.now();
    const grants = this.#current(key, now);
    let used = grants.reduce((sum, grant) => sum + grant.places, 0);
    if (used + places <= this.#perHour) {
      grants.push({ at: now, places });
      this.#grants.set(key, grants);
      return 0;
    }
    // Wait until enough of the oldest grants have left the hour.
    for (const grant of grants) {
      used -= grant.places;
      if (used + places <= this.#perHour) return Math.max(1, Math.ceil((grant.at + HOUR - now) / 1000));
    }
    return Math.ceil(HOUR / 1000);
  }

  /** Takes back the newest grant of `places`, for a request that got no place after all. */
  giveBack(eventId: string, client: string, places: number): void {
    const grants = this.#grants.get(`${eventId}\n${client}`);
    const newest = grants?.findLastIndex((grant) => grant.places === places) ?? -1;
    if (newest >= 0) grants!.splice(newest, 1);
  }

  stop(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
  }

  #current(key: string, now: number): { at: number; places: number }[] {
    const grants = (this.#grants.get(key) ?? []).filter((grant) => grant.at > now - HOUR);
    if (grants.length === 0) this.#grants.delete(key);
    else this.#grants.set(key, grants);
    return grants;
  }

  #sweep(): void {
    const now = this.now();
    for (const key of [...this.#grants.keys()]) this.#current(key, now);
  }
}
