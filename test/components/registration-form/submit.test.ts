// The pure parts of sending: backoff, Retry-After and the reading of responses (contract section 5).
import { expect } from '@open-wc/testing';
import { backoff, classify, MAX_BACKOFF, retryAfterMs } from '../../../src/components/registration-form/submit.js';

describe('registration sending rules', () => {
  it('backs off exponentially with jitter between half and all of the step, capped at 8 s', () => {
    expect([1, 2, 3, 4].map((retry) => backoff(retry, 500, MAX_BACKOFF, () => 0))).to.deep.equal([250, 500, 1000, 2000]);
    expect([1, 2, 3, 4].map((retry) => backoff(retry, 500, MAX_BACKOFF, () => 1))).to.deep.equal([500, 1000, 2000, 4000]);
    expect(backoff(10, 500, MAX_BACKOFF, () => 1)).to.equal(8000);
    expect(backoff(10, 500, MAX_BACKOFF, () => 0)).to.equal(4000);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2024-05-14T10:00:00Z');
    expect(retryAfterMs('1', now)).to.equal(1000);
    expect(retryAfterMs(' 120 ', now)).to.equal(120_000);
    expect(retryAfterMs('Tue, 14 May 2024 10:00:30 GMT', now)).to.equal(30_000);
    expect(retryAfterMs('Tue, 14 May 2024 09:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
  });

  it('classifies every row of the response table', () => {
    expect(classify(201, '{"id":"a","status":"confirmed","extra":1}')).to.deep.include({ ok: true, status: 'confirmed' });
    expect(classify(200, '{"id":"a","status":"waitlisted"}')).to.deep.include({ ok: true, status: 'waitlisted' });
    expect(classify(202, '{"status":"pending","message":"Wij bellen u."}')).to.deep.include({
      ok: true,
      status: 'pending',
      message: 'Wij bellen u.',
    });
    expect(classify(204, '')).to.deep.include({ ok: true, status: 'confirmed', response: { status: 'confirmed' } });
    expect(classify(200, '<html>ok</html>')).to.deep.include({ ok: true, status: 'confirmed' });
    expect(classify(409, '{"status":"duplicate"}')).to.deep.include({ ok: true, status: 'duplicate' });
    expect(classify(409, '{"status":"full"}')).to.deep.include({ ok: false, reason: 'full', status: 409 });
    expect(classify(409, '<h1>Conflict</h1>')).to.deep.include({ ok: false, reason: 'rejected', status: 409 });
    expect(classify(422, '{"errors":[{"path":"attendee.email","message":"Onbekend"},{"path":3},null]}')).to.deep.include({
      ok: false,
      reason: 'rejected',
      errors: [{ path: 'attendee.email', message: 'Onbekend' }],
    });
    for (const status of [400, 403, 404, 413]) {
      expect(classify(status, '<html>no</html>')).to.deep.include({ ok: false, reason: 'rejected', status });
    }
    expect(classify(408, '')).to.deep.include({ reason: 'timeout', transient: true });
    expect(classify(429, '', '2')).to.deep.include({ reason: 'rate-limited', transient: true, retryAfter: 2000 });
    expect(classify(502, '<html><body>Bad Gateway</body></html>')).to.deep.include({ reason: 'server', status: 502, transient: true });
    expect(classify(503, 'null')).to.deep.include({ reason: 'server', transient: true });
  });
  it('reads only whole seconds or a date from Retry-After', () => {
    const now = Date.parse('2024-05-14T10:00:00Z');
    expect(retryAfterMs('12abc', now)).to.equal(undefined);
    expect(retryAfterMs('abc12', now)).to.equal(undefined);
    expect(retryAfterMs('   ', now)).to.equal(undefined);
    expect(retryAfterMs('0', now)).to.equal(0);
    // A date that starts and ends with digits is still a date, not seconds.
    expect(retryAfterMs('2024-05-15', now)).to.equal(Date.parse('2024-05-15') - now);
  });

  it('classifies at the edges of each range', () => {
    expect(classify(199, '')).to.deep.include({ ok: false, reason: 'rejected' });
    expect(classify(200, '')).to.deep.include({ ok: true, status: 'confirmed' });
    expect(classify(299, '')).to.deep.include({ ok: true });
    expect(classify(300, '')).to.deep.include({ ok: false, reason: 'rejected' });
    expect(classify(499, '')).to.deep.include({ ok: false, reason: 'rejected' });
    expect(classify(499, '')).not.to.have.property('transient');
    expect(classify(500, '')).to.deep.include({ ok: false, reason: 'server', transient: true });
    expect(classify(400, '{"status":"duplicate"}')).to.deep.include({ ok: false, reason: 'rejected' });
    expect(classify(400, '{"status":"full"}')).to.deep.include({ ok: false, reason: 'rejected' });
    expect(classify(201, '{"status":"duplicate"}')).to.deep.include({ ok: true, status: 'confirmed' });
    expect(classify(200, '["not", "an", "object"]')).to.deep.include({ ok: true, response: { status: 'confirmed' } });
    expect(classify(200, 'null')).to.deep.include({ ok: true, response: { status: 'confirmed' } });
  });

  it('keeps field messages only from a 422, and trims and caps every message at 500 characters', () => {
    const errors = [{ path: 'attendee.name', message: 'x'.repeat(600) }, { path: 'a', message: '' }, { path: 'b', message: 3 }];
    expect(classify(400, JSON.stringify({ errors }))).to.deep.include({ errors: [] });
    expect(classify(422, JSON.stringify({ errors }))).to.deep.include({ errors: [{ path: 'attendee.name', message: 'x'.repeat(500) }] });
    expect(classify(422, JSON.stringify({ errors: 'no list' }))).to.deep.include({ errors: [] });
    expect(classify(403, JSON.stringify({ message: `  ${'y'.repeat(600)}  ` })).message).to.equal('y'.repeat(500));
    expect(classify(201, JSON.stringify({ message: '  Tot dan!  ' })).message).to.equal('Tot dan!');
    expect(classify(403, JSON.stringify({ message: '   ' })).message).to.equal(undefined);
  });
});
