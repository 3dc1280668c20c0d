import { expect } from '@open-wc/testing';
import { agenda, hasAnyTag, parseEvent, tagList, type EventData, type EventInput } from '../../src/schema/index.js';
import { minimalEvent } from '../fixtures/events.js';

const valid = (input: EventInput): EventData => {
  const result = parseEvent(input);
  if (!result.success) throw new Error(result.message);
  return result.data;
};

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('tags and agenda()', () => {
  it('accepts tags as a list of non-empty texts, and names a bad one by its path', () => {
    expect(valid({ ...minimalEvent, tags: ['wonen', 'zorg'] }).tags).to.deep.equal(['wonen', 'zorg']);
    const result = parseEvent({ ...minimalEvent, tags: ['wonen', '', 3] });
    expect(result.success).to.equal(false);
    expect(!result.success && result.issues.map((issue) => issue.path)).to.deep.equal(['tags.1', 'tags.2']);
  });

  it('reads a comma-separated filter: trimmed, lower case, empty parts dropped', () => {
    expect(tagList(' Wonen, zorg,, ')).to.deep.equal(['wonen', 'zorg']);
    expect(tagList(undefined)).to.deep.equal([]);
  });

  it('matches any of the tags, case ignored; no tags match every event', () => {
    const event = valid({ ...minimalEvent, tags: ['Wonen'] });
    expect(hasAnyTag(event, ['zorg', 'wonen'])).to.equal(true);
    expect(hasAnyTag(event, ['zorg'])).to.equal(false);
    expect(hasAnyTag(valid(minimalEvent), [])).to.equal(true);
    expect(hasAnyTag(valid(minimalEvent), ['wonen'])).to.equal(false);
  });

  it('splits upcoming (by start) from past (most recent first); without end an event ended at its start', () => {
    const at = (id: string, start: string, end?: string) => valid({ ...minimalEvent, id, start, end });
    const { upcoming, past } = agenda(
      [
        at('later', '2026-03-01T10:00:00Z'),
        at('loopt', '2025-12-31T10:00:00Z', '2026-01-02T10:00:00Z'),
        at('begonnen', '2026-01-01T11:00:00Z'),
        at('oud', '2020-01-01T10:00:00Z'),
        at('recent', '2025-06-01T10:00:00Z'),
      ],
      NOW,
    );
    expect(upcoming.map((event) => event.id)).to.deep.equal(['loopt', 'later']);
    expect(past.map((event) => event.id)).to.deep.equal(['begonnen', 'recent', 'oud']);
  });

  it('counts an event that ends at this very moment as past, as its status does', () => {
    const endingNow = valid({ ...minimalEvent, id: 'nu', start: '2026-01-01T10:00:00Z', end: '2026-01-01T12:00:00Z' });
    const { upcoming, past } = agenda([endingNow], NOW);
    expect(upcoming).to.deep.equal([]);
    expect(past.map((event) => event.id)).to.deep.equal(['nu']);
  });

  it('leaves out the events without any of the tags, in both parts', () => {
    const at = (id: string, start: string, tags?: string[]) => valid({ ...minimalEvent, id, start, tags });
    const { upcoming, past } = agenda(
      [
        at('wonen-later', '2026-03-01T10:00:00Z', ['Wonen']),
        at('zorg-later', '2026-03-02T10:00:00Z', ['zorg']),
        at('zonder-tags', '2026-03-03T10:00:00Z'),
        at('wonen-oud', '2025-03-01T10:00:00Z', ['wonen', 'zorg']),
        at('zorg-oud', '2025-03-02T10:00:00Z', ['zorg']),
      ],
      NOW,
      ['wonen'],
    );
    expect(upcoming.map((event) => event.id)).to.deep.equal(['wonen-later']);
    expect(past.map((event) => event.id)).to.deep.equal(['wonen-oud']);
  });
});
