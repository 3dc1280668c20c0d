// The group-commit batcher (demo/server/batcher.ts): calls that arrive within the window run as one
// batch, a long queue in batches of at most `maxBatch`, one batch at a time (what arrives meanwhile
// runs right after), each caller gets its own item's result, a failing batch fails only its items,
// and `drain()` waits for everything submitted.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { Batcher, settle } = await tsImport('../../../demo/server/batcher.ts', import.meta.url);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check()` is truthy, or fails after two seconds. */
async function until(check, what) {
  for (const started = Date.now(); !check(); await sleep(5)) {
    if (Date.now() - started > 2_000) throw new Error(`timed out waiting for ${what}`);
  }
}

/**
 * A batcher whose `run` records each batch and answers each item doubled; with `hold`, every batch
 * waits until the test calls `release()`.
 */
function recording(options, { hold = false } = {}) {
  const batches = [];
  const gates = [];
  const batcher = new Batcher(async (items) => {
    batches.push(items);
    if (hold) await new Promise((resolve) => gates.push(resolve));
    return items.map((item) => ({ status: 'fulfilled', value: item * 2 }));
  }, options);
  return { batcher, batches, release: () => gates.shift()() };
}

describe('batcher: batches', () => {
  test('calls within the window run as one batch, in order; each gets its own result', async () => {
    const { batcher, batches } = recording({ windowMs: 40, maxBatch: 100 });
    const first = batcher.submit(1);
    await sleep(10);
    const second = batcher.submit(2);
    const third = batcher.submit(3);
    assert.deepEqual(batches, [], 'the first waits for the window');
    assert.deepEqual(await Promise.all([first, second, third]), [2, 4, 6]);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  test('window 0: what was submitted in the same turn runs together, without waiting for a timer', async () => {
    const { batcher, batches } = recording({ windowMs: 0, maxBatch: 100 });
    const results = Promise.all([batcher.submit(1), batcher.submit(2)]);
    assert.deepEqual(batches, []);
    assert.deepEqual(await results, [2, 4]);
    assert.deepEqual(batches, [[1, 2]]);
  });

  test('window 0: the batch starts once the pending I/O has been read, before any timer', async () => {
    const { batcher, batches } = recording({ windowMs: 0, maxBatch: 100 });
    const order = [];
    await new Promise((resolve, reject) => {
      // In an I/O callback, as a request's data arrives: a timer set before the call still comes after the batch.
      readFile(fileURLToPath(import.meta.url), (error) => {
        if (error) return reject(error);
        setTimeout(() => {
          order.push(`timer after ${batches.length} batch(es)`);
          resolve();
        }, 0);
        batcher.submit(1);
      });
    });
    assert.deepEqual(order, ['timer after 1 batch(es)']);
    await batcher.drain();
  });

  test('a queue longer than maxBatch runs in several batches of at most maxBatch', async () => {
    const { batcher, batches } = recording({ windowMs: 10, maxBatch: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));
    assert.deepEqual(results, [2, 4, 6, 8, 10]);
    assert.deepEqual(batches, [[1, 2], [3, 4], [5]]);
  });

  test('one batch at a time: what arrives meanwhile waits, then runs right after, without another window', async () => {
    const { batcher, batches, release } = recording({ windowMs: 30, maxBatch: 100 }, { hold: true });
    const first = batcher.submit(1);
    await until(() => batches.length === 1, 'the first batch');
    const later = [batcher.submit(2), batcher.submit(3)];
    await sleep(90);
    assert.deepEqual(batches, [[1]], 'no second batch while the first runs');
    release();
    assert.equal(await first, 2);
    await until(() => batches.length === 2, 'the second batch');
    assert.deepEqual(batches, [[1], [2, 3]]);
    release();
    assert.deepEqual(await Promise.all(later), [4, 6]);
  });

  test('after a quiet spell the next call waits for the window again; no empty batches', async () => {
    const { batcher, batches } = recording({ windowMs: 20, maxBatch: 100 });
    assert.equal(await batcher.submit(1), 2);
    await sleep(40);
    const next = batcher.submit(2);
    await sleep(5);
    assert.deepEqual(batches, [[1]], 'still in the window');
    assert.equal(await next, 4);
    await sleep(40);
    assert.deepEqual(batches, [[1], [2]]);
  });
});

describe('batcher: failures', () => {
  test('an item that fails rejects its own caller only', async () => {
    const failure = new Error('this one is refused');
    const batcher = new Batcher(
      async (items) => items.map((item) => (item === 2 ? { status: 'rejected', reason: failure } : { status: 'fulfilled', value: `ok ${item}` })),
      { windowMs: 5, maxBatch: 10 },
    );
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2), batcher.submit(3)]);
    assert.deepEqual(results, [
      { status: 'fulfilled', value: 'ok 1' },
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 'ok 3' },
    ]);
  });

  test('a batch that fails as a whole rejects each of its items with that error; the next batch runs', async () => {
    const failure = new Error('the commit failed');
    let calls = 0;
    const batcher = new Batcher(
      async (items) => {
        calls += 1;
        if (calls === 1) throw failure;
        return items.map((item) => ({ status: 'fulfilled', value: item }));
      },
      { windowMs: 5, maxBatch: 10 },
    );
    const results = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    assert.deepEqual(results, [
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    await batcher.drain();
    assert.equal(await batcher.submit('c'), 'c');
  });

  test('settle() reports a value or the error thrown, for a batch that goes on', () => {
    assert.deepEqual(settle(() => 42), { status: 'fulfilled', value: 42 });
    const error = new Error('no');
    assert.deepEqual(
      settle(() => {
        throw error;
      }),
      { status: 'rejected', reason: error },
    );
  });
});

describe('batcher: drain', () => {
  test('resolves at once when nothing was submitted', async () => {
    const { batcher, batches } = recording({ windowMs: 10_000, maxBatch: 10 });
    await batcher.drain();
    assert.deepEqual(batches, []);
  });

  test('runs what waits for its window now, and resolves once every batch is done', async () => {
    const { batcher, batches } = recording({ windowMs: 300, maxBatch: 2 });
    const started = Date.now();
    const results = [1, 2, 3].map((item) => batcher.submit(item));
    await batcher.drain();
    assert.ok(Date.now() - started < 250, 'did not wait for the window');
    assert.deepEqual(batches, [[1, 2], [3]]);
    assert.deepEqual(await Promise.all(results), [2, 4, 6]);
    await sleep(350);
    assert.deepEqual(batches, [[1, 2], [3]], 'the window, when it ends, finds nothing to run');
  });

  test('waits for the batch that runs and for what queued behind it', async () => {
    const { batcher, batches, release } = recording({ windowMs: 5, maxBatch: 10 }, { hold: true });
    const first = batcher.submit(1);
    await until(() => batches.length === 1, 'the first batch');
    const second = batcher.submit(2);
    let drained = false;
    const draining = batcher.drain().then(() => (drained = true));
    await sleep(20);
    assert.equal(drained, false);
    assert.deepEqual(batches, [[1]], 'drain() too runs one batch at a time');
    release();
    await until(() => batches.length === 2, 'the second batch');
    assert.equal(drained, false, 'the second batch still runs');
    release();
    await draining;
    assert.deepEqual(await Promise.all([first, second]), [2, 4]);
  });
});
