// The mail worker yields to registrations (demo/server/mail/worker.ts): while mails keep being
// queued, as when registrations open and hundreds arrive at once, it waits for a quiet moment, but
// never longer than `maxWaitMs`. Real timers, with margins far above a busy machine's jitter.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { tsImport } from 'tsx/esm/api';
import { afterEach, describe, test } from '../support/suite.mjs';

const { MailWorker } = await tsImport('../../../demo/server/mail/worker.ts', import.meta.url);

let worker;
afterEach(() => worker?.stop());

/** A worker on an empty queue that notes when it was looked at (ms since `started`). */
function watchedWorker(options) {
  const started = performance.now();
  const looks = [];
  const store = {
    claimMails: async () => {
      looks.push(performance.now() - started);
      return [];
    },
  };
  worker = new MailWorker({ store, transport: {}, compose: () => undefined, log: () => {}, retryMs: 1_000, pollMs: 60_000, ...options });
  return looks;
}

/** Wakes the worker every 5 ms for `ms`, as a burst of registrations would. */
async function burst(ms) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    worker.wake();
    await sleep(5);
  }
}

describe('mail worker: yielding to registrations', () => {
  test('a single queued mail is looked at once the queue has been quiet for quietMs', async () => {
    const looks = watchedWorker({ quietMs: 40, maxWaitMs: 5_000 });
    worker.wake();
    await sleep(400);
    assert.equal(looks.length, 1);
    assert.ok(looks[0] >= 35, `looked at after ${looks[0]} ms`);
  });

  test('a burst of queued mails is sent after the burst, not during it', async () => {
    const looks = watchedWorker({ quietMs: 100, maxWaitMs: 5_000 });
    await burst(600);
    assert.deepEqual(looks, [], 'no round during the burst');
    await sleep(600);
    assert.equal(looks.length, 1, 'one round after it');
    assert.ok(looks[0] >= 600, `the round began at ${looks[0]} ms`);
  });

  test('a burst longer than maxWaitMs does not hold mail back longer than that', async () => {
    const looks = watchedWorker({ quietMs: 100, maxWaitMs: 300 });
    await burst(1_500);
    assert.ok(looks.length >= 2, `${looks.length} round(s) during a 1.5 s burst`);
    assert.ok(looks[0] >= 250 && looks[0] < 1_200, `the first round began at ${looks[0]} ms`);
  });
});
