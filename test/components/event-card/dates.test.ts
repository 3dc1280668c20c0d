import { expect, waitUntil } from '@open-wc/testing';
import type { EventInput } from '../../../src/schema/index.js';
import {
  dstNightEvent,
  dstWeekendEvent,
  minimalEvent,
  multiDayEvent,
  newYorkEvent,
  udenMeeting,
} from '../../fixtures/events.js';
import { cardFor, part, textOf } from './helpers.js';

// Fixed expectations, written by hand: Dutch as Dutch public-sector sites write it, English as
// British English writes it. The test browser runs in Pacific/Kiritimati (UTC+14, set in
// web-test-runner.config.mjs), far from Amsterdam and New York, so every case also proves that
// the event's own time zone is used.
const cases: [string, EventInput, string, string][] = [
  ['one day', udenMeeting, 'dinsdag 18 september 2018, 13.00–17.00 uur', 'Tuesday 18 September 2018, 13:00–17:00'],
  [
    'several days',
    multiDayEvent,
    'dinsdag 11 juni 2024, 9.30 uur – woensdag 12 juni 2024, 16.00 uur',
    'Tuesday 11 June 2024, 09:30 – Wednesday 12 June 2024, 16:00',
  ],
  ['no end time', minimalEvent, 'dinsdag 5 maart 2024, 11.00 uur', 'Tuesday 5 March 2024, 11:00'],
  [
    'a night across the end of summer time',
    dstNightEvent,
    'zondag 27 oktober 2024, 1.00–4.00 uur',
    'Sunday 27 October 2024, 01:00–04:00',
  ],
  [
    'days across the start of summer time',
    dstWeekendEvent,
    'zaterdag 29 maart 2025, 10.00 uur – zondag 30 maart 2025, 16.00 uur',
    'Saturday 29 March 2025, 10:00 – Sunday 30 March 2025, 16:00',
  ],
  ['another time zone', newYorkEvent, 'maandag 1 juli 2024, 9.00–11.00 uur', 'Monday 1 July 2024, 09:00–11:00'],
];

describe('<bijeen-event-card> dates', () => {
  before(() => {
    // The claim above: the browser's own clock shows neither event's local time.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.to.be.oneOf(['Europe/Amsterdam', 'America/New_York']);
    expect(new Date(udenMeeting.start).getHours(), 'browser hour at 13.00 Amsterdam time').not.to.equal(13);
    expect(new Date(newYorkEvent.start).getHours(), 'browser hour at 9.00 New York time').not.to.equal(9);
  });

  for (const [name, event, dutch, english] of cases) {
    it(`writes ${name} in Dutch: "${dutch}"`, async () => {
      const el = await cardFor(event, { lang: 'nl' });
      expect(textOf(part(el, 'date'))).to.equal(dutch);
    });

    it(`writes ${name} in English: "${english}"`, async () => {
      const el = await cardFor(event, { lang: 'en' });
      expect(textOf(part(el, 'date'))).to.equal(english);
    });
  }

  it('marks start and end up as <time> elements with machine-readable instants', async () => {
    const el = await cardFor(udenMeeting);
    const times = [...part(el, 'date')!.querySelectorAll('time')];
    expect(times.map((node) => node.dateTime)).to.deep.equal(['2018-09-18T11:00:00.000Z', '2018-09-18T15:00:00.000Z']);
    expect(times.map((node) => node.textContent)).to.deep.equal(['dinsdag 18 september 2018, 13.00', '17.00 uur']);
  });

  it('has one <time> when there is no end', async () => {
    const el = await cardFor(minimalEvent);
    const times = part(el, 'date')!.querySelectorAll('time');
    expect(times).to.have.length(1);
    expect(times[0].dateTime).to.equal('2024-03-05T10:00:00.000Z');
  });

  it('follows a language change on the page', async () => {
    const el = await cardFor(udenMeeting, { lang: 'nl' });
    el.setAttribute('lang', 'en');
    await waitUntil(() => textOf(part(el, 'date')) === 'Tuesday 18 September 2018, 13:00–17:00', 'no English date');
  });
});
