// Date-times with offsets and time-zone names (src/schema/time.ts).
import { expect } from '@open-wc/testing';
import { isTimeZone, parseDateTime } from '../../src/schema/index.js';

describe('parseDateTime and isTimeZone', () => {
  it('applies the offset in both directions, minutes included', () => {
    const utc = Date.UTC(2024, 2, 5, 10, 0);
    expect(parseDateTime('2024-03-05T10:00Z')).to.equal(utc);
    expect(parseDateTime('2024-03-05T12:30+02:30')).to.equal(utc);
    expect(parseDateTime('2024-03-05T04:15-05:45')).to.equal(utc);
    expect(parseDateTime('2024-03-05T10:00-00:00')).to.equal(utc);
  });

  it('reads a fraction of a second as milliseconds, to three places', () => {
    const utc = Date.UTC(2024, 2, 5, 10, 0, 7);
    expect(parseDateTime('2024-03-05T10:00:07.5Z')).to.equal(utc + 500);
    expect(parseDateTime('2024-03-05T10:00:07.123456789Z')).to.equal(utc + 123);
    expect(parseDateTime('2024-03-05T10:00:07.04+00:00')).to.equal(utc + 40);
  });

  it('refuses impossible dates and times', () => {
    for (const text of ['2023-02-29T10:00Z', '2024-04-31T10:00Z', '2024-03-05T24:00Z', '2024-03-05T10:60Z', '2024-03-05T10:00', '2024-03-05 10:00Z']) {
      expect(parseDateTime(text), text).to.equal(undefined);
    }
    expect(parseDateTime('2024-02-29T10:00Z')).to.equal(Date.UTC(2024, 1, 29, 10));
  });

  it('knows IANA zone names, not offsets or made-up names', () => {
    expect(isTimeZone('Europe/Amsterdam')).to.equal(true);
    expect(isTimeZone('UTC')).to.equal(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).to.equal(true);
    for (const name of ['+01:00', '-0500', 'Mars/Olympus_Mons', 'Europe/Nergens', '']) {
      expect(isTimeZone(name), name).to.equal(false);
      // Asked twice: the remembered answer is the same.
      expect(isTimeZone(name), name).to.equal(false);
    }
  });
});
