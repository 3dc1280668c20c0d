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
      this.#sweeper = setInterval(() => this.sweep(), 60_000);
      this.#sweeper.unref();
    }
  }

  /** Takes one token for `client`: `0` when allowed, else the whole seconds to wait (for `Retry-After`). */
  take(client: string): number {
    if (this.#perMinute === 0) return 0;
    const now = this.now();
    const known = this.#buckets.get(client);
    const tokens = known ? this.#refilled(known, now) : this.#perMinute;
    const wait = this.#wait(tokens);
    this.#buckets.set(client, { tokens: wait === 0 ? tokens - 1 : tokens, at: now });
    return wait;
  }

  /** Like `take()`, but only looks: `0` when a token is there, else the whole seconds to wait. */
  peek(client: string): number {
    // A client without a bucket has a full one (a limit of 0 keeps none).
    const bucket = this.#buckets.get(client);
    return bucket ? this.#wait(this.#refilled(bucket, this.now())) : 0;
  }

  /** Clients held in memory. */
  get size(): number {
    return this.#buckets.size;
  }

  /** Forgets clients whose bucket has refilled, so the map stays as small as the active clients. Runs every minute. */
  sweep(): void {
    const now = this.now();
    for (const [client, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now) === this.#perMinute) this.#buckets.delete(client);
    }
  }

  stop(): void {
    clearInterval(this.#sweeper);
  }

  /** The tokens in `bucket` at `now`: refilled since it was last used, at most `perMinute`. */
  #refilled(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(this.#perMinute, bucket.tokens + ((now - bucket.at) * this.#perMinute) / 60_000);
  }

  /**
   * `0` with a whole token, else the whole seconds until there is one: at least 1, since 0 means
   * "go ahead". Rounded to the millisecond first, so that float noise (20.000000000000004 s) does
   * not add a second.
   */
  #wait(tokens: number): number {
    if (tokens >= 1) return 0;
    const ms = Math.round(((1 - tokens) * 60_000) / this.#perMinute);
    return Math.max(1, Math.ceil(ms / 1000));
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
      this.#sweeper = setInterval(() => this.sweep(), 60_000);
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
      // At least 1: the grant is less than an hour old.
      if (used + places <= this.#perHour) return Math.ceil((grant.at + HOUR - now) / 1000);
    }
    return Math.ceil(HOUR / 1000);
  }

  /** Takes back the newest grant of `places`, for a request that got no place after all. */
  giveBack(eventId: string, client: string, places: number): void {
    const grants = this.#grants.get(`${eventId}\n${client}`);
    const newest = grants?.findLastIndex((grant) => grant.places === places) ?? -1;
    if (newest >= 0) grants!.splice(newest, 1);
  }

  /** Clients (per event) held in memory. */
  get size(): number {
    return this.#grants.size;
  }

  /** Forgets grants older than an hour, and clients left without any. Runs every minute. */
  sweep(): void {
    const now = this.now();
    for (const key of [...this.#grants.keys()]) this.#current(key, now);
  }

  stop(): void {
    clearInterval(this.#sweeper);
  }

  #current(key: string, now: number): { at: number; places: number }[] {
    const grants = this.#grants.get(key)?.filter((grant) => grant.at > now - HOUR) ?? [];
    if (grants.length === 0) this.#grants.delete(key);
    else this.#grants.set(key, grants);
    return grants;
  }
}
