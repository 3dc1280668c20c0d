/**
 * Calls that arrive close together, run as one batch: the stores' group commit (registrations that
 * share one transaction, so one flush to disk makes a whole batch durable) and PostgreSQL's
 * look-ups (one query for many keys). Each caller's promise settles once its batch is done: for a
 * commit, only after the transaction has committed, so nobody gets an answer for a registration
 * that is not on disk yet.
 *
 * One batch runs at a time. The first call after a quiet spell waits `windowMs` for others to join;
 * calls that arrive while a batch runs form the next batch, which starts as soon as that one is
 * done. Under load, batches grow by themselves, and the wait only costs anything when it is quiet.
 *
 * `run` reports each item's result on its own (a `PromiseSettledResult`): one item that fails does
 * not fail the others.
 */
export type RunBatch<Item, Result> = (items: Item[]) => Promise<PromiseSettledResult<Result>[]>;

export interface BatcherOptions {
  /** Milliseconds the first item of a batch waits for others (0: until the pending I/O has been read). */
  windowMs: number;
  /** Most items in one batch; a longer queue runs in several batches. */
  maxBatch: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (reason: unknown) => void;
}

export class Batcher<Item, Result> {
  readonly #run: RunBatch<Item, Result>;
  readonly #options: BatcherOptions;
  readonly #queue: Waiting<Item, Result>[] = [];
  #scheduled = false;
  /** The batch that runs, if any. */
  #running: Promise<void> | undefined;

  constructor(run: RunBatch<Item, Result>, options: BatcherOptions) {
    this.#run = run;
    this.#options = options;
  }

  /** Queues `item` for the next batch; settles once that batch is done. */
  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves when everything submitted so far is done. */
  async drain(): Promise<void> {
    while (this.#running || this.#queue.length > 0) {
      if (!this.#running) this.#start();
      await this.#running;
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#running) return;
    this.#scheduled = true;
    const start = () => {
      if (this.#scheduled) this.#start();
    };
    if (this.#options.windowMs > 0) setTimeout(start, this.#options.windowMs);
    else setImmediate(start);
  }

  #start(): void {
    this.#scheduled = false;
    const batch = this.#queue.splice(0, this.#options.maxBatch);
    this.#running = this.#settle(batch).finally(() => {
      this.#running = undefined;
      // Whatever arrived meanwhile has waited for this batch already: on to the next one.
      if (this.#queue.length > 0) this.#start();
    });
  }

  async #settle(batch: Waiting<Item, Result>[]): Promise<void> {
    let results: PromiseSettledResult<Result>[];
    try {
      results = await this.#run(batch.map((waiting) => waiting.item));
    } catch (error) {
      // The batch as a whole failed (a commit, the connection): every item gets the error.
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, index) => {
      const result = results[index]!;
      if (result.status === 'fulfilled') waiting.resolve(result.value);
      else waiting.reject(result.reason);
    });
  }
}

/** Runs `work` and reports its result or its error, for a batch that goes on after one item failed. */
export function settle<T>(work: () => T): PromiseSettledResult<T> {
  try {
    return { status: 'fulfilled', value: work() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}
