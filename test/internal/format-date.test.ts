import { expect } from '@open-wc/testing';
import { udenMeeting } from '../fixtures/events.js';
import { cardFor, part, textOf } from '../components/event-card/helpers.js';

/** Counts `new Intl.DateTimeFormat(…)` while `run` runs. */
async function countFormatters(run: () => Promise<unknown>): Promise<number> {
  const Original = Intl.DateTimeFormat;
  let built = 0;
  Intl.DateTimeFormat = new Proxy(Original, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built++;
      return new target(...args);
    },
  });
  try {
    await run();
  } finally {
    Intl.DateTimeFormat = Original;
  }
  return built;
}

describe('date formatting', () => {
  // First in this file: no card has built a formatter yet.
  it('has the Dutch formatter of the default zone ready once the page is idle: the first card builds none', async () => {
    await new Promise((idle) => requestIdleCallback(idle));
    const { timeZone, ...withoutZone } = udenMeeting;
    expect(timeZone ?? 'Europe/Amsterdam').to.equal('Europe/Amsterdam');
    let card!: HTMLElement;
    const built = await countFormatters(async () => {
      card = await cardFor(withoutZone);
    });
    expect(built).to.equal(0);
    expect(textOf(part(card, 'date'))).to.equal('dinsdag 18 september 2018, 13.00–17.00 uur');
  });

  // A zone no other test of this file uses, so nothing is cached yet.
  const kathmandu = { ...udenMeeting, id: 'kathmandu', timeZone: 'Asia/Kathmandu' };

  it('builds one formatter per zone on a Dutch page: the zone check and the dates share it', async () => {
    let card!: HTMLElement;
    const built = await countFormatters(async () => {
      card = await cardFor(kathmandu);
      await cardFor({ ...kathmandu, id: 'kathmandu-2', title: 'Tweede' });
    });
    expect(built).to.equal(1);
    // 13:00 in Amsterdam (UTC+2) is 16.45 in Kathmandu (UTC+5:45).
    expect(textOf(part(card, 'date'))).to.equal('dinsdag 18 september 2018, 16.45–20.45 uur');
  });

  it('builds an English one for an English card, in the same zone', async () => {
    let card!: HTMLElement;
    const built = await countFormatters(async () => {
      card = await cardFor(kathmandu, { lang: 'en' });
    });
    expect(built).to.equal(1);
    expect(textOf(part(card, 'date'))).to.equal('Tuesday 18 September 2018, 16:45–20:45');
  });
});
