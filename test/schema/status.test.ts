// Where an event stands for registration at a moment (src/schema/status.ts): each rule at its edge.
import { expect } from '@open-wc/testing';
import { registrationStatus, type EventInput } from '../../src/schema/index.js';
import { parsed } from '../fixtures/parse.js';

const START = '2030-03-05T10:00:00Z';
const at = (iso: string, plusMs = 0) => Date.parse(iso) + plusMs;

function statusAt(now: number, change: Partial<EventInput> = {}, registration: EventInput['registration'] = {}) {
  return registrationStatus(parsed({ id: 'status', title: 'Grens', start: START, registration, ...change }), now);
}

describe('registrationStatus', () => {
  it('is closed at the very moment registration closes, and open one millisecond before', () => {
    const closes = '2030-03-01T12:00:00Z';
    expect(statusAt(at(closes), {}, { closes })).to.equal('closed');
    expect(statusAt(at(closes, -1), {}, { closes })).to.equal('open');
  });

  it('without `closes`, closes when the event starts', () => {
    const change = { end: '2030-03-05T12:00:00Z' };
    expect(statusAt(at(START), change)).to.equal('closed');
    expect(statusAt(at(START, -1), change)).to.equal('open');
  });

  it('is open at the very moment registration opens, and not yet one millisecond before', () => {
    const opens = '2030-02-01T09:00:00Z';
    expect(statusAt(at(opens), {}, { opens })).to.equal('open');
    expect(statusAt(at(opens, -1), {}, { opens })).to.equal('not-open');
  });

  it('is past from the moment the event ends (or starts, without an end)', () => {
    const end = '2030-03-05T12:00:00Z';
    expect(statusAt(at(end), { end })).to.equal('past');
    expect(statusAt(at(end, -1), { end })).to.equal('closed');
    expect(statusAt(at(START))).to.equal('past');
    expect(statusAt(at(START, -1))).to.equal('open');
  });

  it('says nothing for an event without registration that has not ended', () => {
    expect(registrationStatus(parsed({ id: 'info', title: 'Info', start: START }), at(START, -1))).to.equal(undefined);
    expect(registrationStatus(parsed({ id: 'info', title: 'Info', start: START }), at(START))).to.equal('past');
  });

  it('puts cancelled and postponed before every other rule, also after the event', () => {
    for (const status of ['cancelled', 'postponed'] as const) {
      expect(statusAt(at(START, 1), { status })).to.equal(status);
      expect(statusAt(at(START, -1), { status }, { remaining: 0 })).to.equal(status);
    }
  });

  it('full or waitlist when no places remain; a window that is not open wins', () => {
    const before = at(START, -86_400_000);
    expect(statusAt(before, {}, { capacity: 10, remaining: 0 })).to.equal('full');
    expect(statusAt(before, {}, { capacity: 10, remaining: 0, waitlist: true })).to.equal('waitlist');
    expect(statusAt(before, {}, { remaining: 0, opens: START })).to.equal('not-open');
    expect(statusAt(before, {}, { remaining: 0, closes: '2030-01-01T00:00:00Z' })).to.equal('closed');
  });

  it('almost full: at most 10% of capacity, or at most 5 places and at most half', () => {
    const before = at(START, -86_400_000);
    const status = (capacity: number | undefined, remaining: number | undefined) =>
      statusAt(before, {}, capacity === undefined ? { remaining } : { capacity, remaining });
    expect(status(100, 10)).to.equal('almost-full');
    expect(status(100, 11)).to.equal('open');
    expect(status(undefined, 5)).to.equal('almost-full');
    expect(status(undefined, 6)).to.equal('open');
    expect(status(10, 5)).to.equal('almost-full');
    expect(status(9, 5)).to.equal('open');
    expect(status(200, 6)).to.equal('almost-full');
    expect(status(undefined, undefined)).to.equal('open');
    expect(status(100, undefined)).to.equal('open');
  });
});
