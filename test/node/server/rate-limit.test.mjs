// The endpoint's limits (demo/server/rate-limit.ts) on a clock the test sets: the token bucket per
// client for registrations and admin tokens, and the places per client per event per hour.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { PlaceLimiter, RateLimiter } = await tsImport('../../../demo/server/rate-limit.ts', import.meta.url);

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A clock that stands still until the test moves it. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  const read = () => now;
  read.advance = (ms) => (now += ms);
  return read;
}

/**
 * Stands in for `setInterval` and `clearInterval` until `restore()`: the intervals started (each
 * with its `callback`, `ms`, whether it is `unref`'d and whether it was `cleared`).
 */
function fakeIntervals() {
  const real = { setInterval, clearInterval };
  const started = [];
  globalThis.setInterval = (callback, ms) => {
    const timer = { callback, ms, unrefd: false, cleared: false };
    timer.unref = () => ((timer.unrefd = true), timer);
    started.push(timer);
    return timer;
  };
  globalThis.clearInterval = (timer) => {
    if (timer) timer.cleared = true;
  };
  started.restore = () => Object.assign(globalThis, real);
  return started;
}

/**
 * A limiter's sweep timer: none without a limit; otherwise every minute, `unref`'d (it does not
 * keep the process alive), sweeping, cleared by `stop()`. `make(limit, now)` builds a limiter,
 * `use(limiter)` takes from it, and `idle` ms later its client is forgotten.
 */
function checkSweepTimer(make, use, idle) {
  const intervals = fakeIntervals();
  try {
    const now = clock();
    make(0, now).stop();
    assert.equal(intervals.length, 0);
    const limiter = make(20, now);
    assert.equal(intervals.length, 1);
    const [timer] = intervals;
    assert.deepEqual([timer.ms, timer.unrefd, timer.cleared], [60_000, true, false]);
    use(limiter);
    now.advance(idle);
    timer.callback();
    assert.equal(limiter.size, 0, 'the timer sweeps');
    limiter.stop();
    assert.equal(timer.cleared, true);
  } finally {
    intervals.restore();
  }
}

describe('RateLimiter', () => {
  test('0 per minute is no limit: every take and peek is 0', () => {
    const limiter = new RateLimiter(0, clock());
    for (let i = 0; i < 100; i++) assert.equal(limiter.take('client'), 0);
    assert.equal(limiter.peek('client'), 0);
    assert.equal(limiter.size, 0, 'nothing is kept');
  });

  test('a burst of perMinute passes, the next waits 60 / perMinute seconds', () => {
    const now = clock();
    const limiter = new RateLimiter(3, now);
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 0]);
    assert.equal(limiter.take('a'), 20);
    assert.equal(limiter.take('a'), 20, 'a refused take costs nothing');
    limiter.stop();
  });

  test('each client has its own bucket', () => {
    const limiter = new RateLimiter(1, clock());
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('b'), 0);
    assert.equal(limiter.take('a'), 60);
    assert.equal(limiter.size, 2);
    limiter.stop();
  });

  test('tokens refill at perMinute per minute; the wait counts down in whole seconds', () => {
    const now = clock();
    const limiter = new RateLimiter(2, now);
    limiter.take('a');
    limiter.take('a');
    assert.equal(limiter.take('a'), 30);
    now.advance(10 * SECOND);
    assert.equal(limiter.take('a'), 20, 'a third of a token back');
    now.advance(19.5 * SECOND);
    assert.equal(limiter.take('a'), 1, 'half a second rounds up to one');
    now.advance(0.5 * SECOND);
    assert.equal(limiter.take('a'), 0, 'exactly one token: allowed');
    assert.equal(limiter.take('a'), 30, 'and it was taken: empty again, counted from now');
    limiter.stop();
  });

  test('a wait under half a millisecond is still one second: 0 would mean "go ahead"', () => {
    const now = clock();
    const limiter = new RateLimiter(1, now);
    limiter.take('a');
    now.advance(MINUTE - 0.3);
    assert.equal(limiter.take('a'), 1);
    limiter.stop();
  });

  test('a bucket holds at most perMinute tokens, however long the client was away', () => {
    const now = clock();
    const limiter = new RateLimiter(2, now);
    limiter.take('a');
    now.advance(HOUR);
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 30]);
    limiter.stop();
  });

  test('peek looks without taking: 0 while a token is there, else the seconds to wait', () => {
    const now = clock();
    const limiter = new RateLimiter(3, now);
    assert.equal(limiter.peek('a'), 0, 'an unknown client may');
    assert.equal(limiter.size, 0, 'and is not remembered');
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.peek('a'), 0);
      assert.equal(limiter.peek('a'), 0, 'peeking twice takes nothing');
      limiter.take('a');
    }
    assert.equal(limiter.peek('a'), 20);
    now.advance(15 * SECOND);
    assert.equal(limiter.peek('a'), 5);
    now.advance(5 * SECOND);
    assert.equal(limiter.peek('a'), 0, 'exactly one token back');
    assert.equal(limiter.take('a'), 0);
    now.advance(HOUR);
    assert.equal(limiter.peek('a'), 0);
    limiter.stop();
  });

  test('the sweep forgets clients whose bucket has refilled, and only those', () => {
    const now = clock();
    const limiter = new RateLimiter(2, now);
    limiter.take('idle');
    now.advance(15 * SECOND);
    limiter.take('busy');
    limiter.take('busy');
    limiter.sweep();
    assert.equal(limiter.size, 2, 'idle has 1.5 tokens, busy none: both kept');
    now.advance(15 * SECOND);
    limiter.sweep();
    assert.equal(limiter.size, 1, 'idle is full again: forgotten');
    assert.equal(limiter.take('busy'), 15, 'busy, with half a token, still waits');
    now.advance(60 * SECOND);
    limiter.sweep();
    assert.equal(limiter.size, 0);
    limiter.stop();
  });

  test('sweeps every minute on a timer that does not keep the process alive, until stop(); no timer without a limit', () => {
    checkSweepTimer((limit, now) => new RateLimiter(limit, now), (limiter) => limiter.take('a'), MINUTE);
  });
});

describe('PlaceLimiter', () => {
  test('0 per hour is no limit', () => {
    const limiter = new PlaceLimiter(0, clock());
    for (let i = 0; i < 10; i++) assert.equal(limiter.take('event', 'client', 11), 0);
    assert.equal(limiter.size, 0);
  });

  test('grants up to perHour places per client per event, exactly', () => {
    const limiter = new PlaceLimiter(20, clock());
    assert.equal(limiter.take('event', 'a', 11), 0);
    assert.equal(limiter.take('event', 'a', 9), 0, '11 + 9 = 20 still fits');
    assert.equal(limiter.take('event', 'a', 1), HOUR / SECOND, 'the 21st place waits until the first grant is an hour old');
    assert.equal(limiter.take('event', 'b', 20), 0, 'another client');
    assert.equal(limiter.take('other', 'a', 20), 0, 'another event');
    assert.equal(limiter.size, 3);
    limiter.stop();
  });

  test('the wait is until enough of the oldest grants have left the hour', () => {
    const now = clock();
    const limiter = new PlaceLimiter(12, now);
    limiter.take('event', 'a', 4);
    now.advance(10 * MINUTE);
    limiter.take('event', 'a', 4);
    now.advance(10 * MINUTE);
    limiter.take('event', 'a', 4);
    now.advance(5 * MINUTE);
    // 12 of 12 used: 4 places come free 35 minutes from now, 8 after 45, 12 after 55.
    assert.equal(limiter.take('event', 'a', 3), 35 * 60);
    assert.equal(limiter.take('event', 'a', 5), 45 * 60);
    assert.equal(limiter.take('event', 'a', 12), 55 * 60);
    now.advance(35 * MINUTE - 1);
    assert.equal(limiter.take('event', 'a', 4), 1, 'a millisecond left rounds up to a second');
    now.advance(1);
    assert.equal(limiter.take('event', 'a', 4), 0, 'a grant exactly an hour old has left the hour');
    limiter.stop();
  });

  test('more places than perHour in one request can never be granted: an hour', () => {
    const limiter = new PlaceLimiter(11, clock());
    assert.equal(limiter.take('event', 'a', 12), 3600);
    assert.equal(limiter.take('event', 'a', 11), 0, 'the refusal granted nothing');
    limiter.stop();
  });

  test('giveBack returns the newest grant of that size, and nothing else', () => {
    const now = clock();
    const limiter = new PlaceLimiter(12, now);
    limiter.take('event', 'a', 5);
    now.advance(20 * MINUTE);
    limiter.take('event', 'a', 5);
    limiter.take('event', 'a', 2);
    limiter.giveBack('event', 'a', 3);
    assert.equal(limiter.take('event', 'a', 1), 40 * 60, 'no grant of 3: all 12 places still used');
    limiter.giveBack('event', 'a', 5);
    // The newer 5 went back: 5 + 2 used; waiting now depends on the oldest grant (40 minutes).
    assert.equal(limiter.take('event', 'a', 6), 40 * 60);
    assert.equal(limiter.take('event', 'a', 5), 0);
    limiter.stop();
  });

  test('giveBack of the only grant frees its places; of an unknown client it does nothing', () => {
    const limiter = new PlaceLimiter(11, clock());
    limiter.giveBack('event', 'nobody', 1);
    assert.equal(limiter.size, 0);
    assert.equal(limiter.take('event', 'a', 11), 0);
    limiter.giveBack('event', 'a', 11);
    assert.equal(limiter.take('event', 'a', 11), 0);
    limiter.giveBack('other', 'a', 11);
    assert.equal(limiter.take('event', 'a', 1), 3600, 'another event’s give-back frees nothing here');
    limiter.stop();
  });

  test('the sweep forgets grants older than an hour, and clients left without any', () => {
    const now = clock();
    const limiter = new PlaceLimiter(11, now);
    limiter.take('event', 'old', 2);
    now.advance(30 * MINUTE);
    limiter.take('event', 'new', 2);
    limiter.take('event', 'old', 3);
    now.advance(30 * MINUTE);
    limiter.sweep();
    assert.equal(limiter.size, 2, 'old still has a grant within the hour');
    assert.equal(limiter.take('event', 'old', 8), 0, 'its first grant has left the hour: 3 + 8 fit');
    now.advance(HOUR);
    limiter.sweep();
    assert.equal(limiter.size, 0);
    limiter.stop();
  });

  test('sweeps every minute on a timer that does not keep the process alive, until stop(); no timer without a limit', () => {
    checkSweepTimer((limit, now) => new PlaceLimiter(limit, now), (limiter) => limiter.take('event', 'a', 1), HOUR);
  });
});
