/**
 * Group commit: registrations that arrive close together share one database transaction, so one
 * flush to disk (fsync) makes a whole batch durable instead of one registration. Each caller's
 * promise settles only after the transaction of its batch has committed: nobody gets an answer
 * for a registration that is not on disk yet.
 *
 * One batch runs at a time. The first registration after a quiet spell waits `windowMs` for
 * others to join; registrations that arrive while a batch commits form the next batch, which starts
 * as soon as that commit is done. Under load, batches grow by themselves, and the wait only costs
 * anything when the endpoint is quiet.
 *
 * The store decides each item of a batch in order and reports each outcome on its own (a
 * `PromiseSettledResult`): one item that fails does not fail the others.
 */
export type CommitBatch<Item, Result> = (items: Item[]) => Promise<PromiseSettledResult<Result>[]>;

export interface GroupCommitOptions {
  /** Milliseconds the first item of a batch waits for others (0: until the pending I/O has been read). */
  windowMs: number;
  /** Most items in one transaction; a longer queue is committed in several batches. */
  maxBatch: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (reason: unknown) => void;
}

export class GroupCommit<Item, Result> {
  readonly #commit: CommitBatch<Item, Result>;
  readonly #options: GroupCommitOptions;
  readonly #queue: Waiting<Item, Result>[] = [];
  #scheduled = false;
  /** The batch being committed, if any. */
  #running: Promise<void> | undefined;

  constructor(commit: CommitBatch<Item, Result>, options: GroupCommitOptions) {
    this.#commit = commit;
    this.#options = options;
  }

  /** Queues `item` for the next batch; settles once that batch has committed. */
  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves when everything submitted so far has been committed. */
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
    this.#running = this.#run(batch).finally(() => {
      this.#running = undefined;
      // Whatever arrived meanwhile has waited for this commit already: on to the next batch.
      if (this.#queue.length > 0) this.#start();
    });
  }

  async #run(batch: Waiting<Item, Result>[]): Promise<void> {
    let results: PromiseSettledResult<Result>[];
    try {
      results = await this.#commit(batch.map((waiting) => waiting.item));
    } catch (error) {
      // The transaction itself failed (the commit, the connection): nothing of it is stored.
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
