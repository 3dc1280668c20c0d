// HTML helpers of the demo site (demo/server/html.ts): escaping and the event's date as the card writes it.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { escapeHtml, eventDate } = await tsImport('../../../demo/server/html.ts', import.meta.url);
const { parseEvent } = await tsImport('../../../src/schema/index.ts', import.meta.url);

const parsed = (event) => parseEvent({ id: 'x', title: 'X', location: { city: 'Uden' }, ...event }).data;

describe('escapeHtml', () => {
  test('every character that can end text or an attribute value becomes a reference; the rest stays', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>Zoë & co</a>`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;Zoë &#38; co&#60;/a&#62;');
    assert.equal(escapeHtml('<<>>'), '&#60;&#60;&#62;&#62;');
  });
});

describe('eventDate', () => {
  test('day, date and times in the event’s own time zone, in the language asked for', () => {
    const uden = parsed({ start: '2018-09-18T13:00:00+02:00', end: '2018-09-18T17:00:00+02:00' });
    assert.equal(eventDate(uden, 'nl'), 'dinsdag 18 september 2018, 13.00–17.00 uur');
    assert.equal(eventDate(uden, 'en'), 'Tuesday 18 September 2018, 13:00–17:00');
    const newYork = parsed({ start: '2018-09-18T13:00:00-04:00', timeZone: 'America/New_York' });
    assert.equal(eventDate(newYork, 'nl'), 'dinsdag 18 september 2018, 13.00 uur', 'without an end: its start');
  });
});
