import { expect } from '@open-wc/testing';
import { newYorkEvent } from '../../fixtures/events.js';
import { cardFor, textOf, shadow } from './helpers.js';

/** Counts `new Intl.DisplayNames(…)` while `run` runs. */
async function countDisplayNames(run: () => Promise<unknown>): Promise<number> {
  const Original = Intl.DisplayNames;
  // Intl's own type marks DisplayNames read-only; the property is writable.
  const intl = Intl as { DisplayNames: typeof Intl.DisplayNames };
  let built = 0;
  intl.DisplayNames = new Proxy(Original, {
    construct(target, args: ConstructorParameters<typeof Intl.DisplayNames>) {
      built++;
      return new target(...args);
    },
  });
  try {
    await run();
  } finally {
    intl.DisplayNames = Original;
  }
  return built;
}

// Work an agenda of 200 cards must not repeat per card, or do for what a variant does not show.
describe('<bijeen-event-card> work once per page', () => {
  it('looks up no country name for a teaser, which shows no country', async () => {
    const built = await countDisplayNames(async () => {
      const teaser = await cardFor(newYorkEvent, { variant: 'teaser', lang: 'nl' });
      expect(textOf(shadow(teaser).querySelector('.place'))).to.equal('Housing Works, New York');
    });
    expect(built).to.equal(0);
  });

  it('builds one country-name lookup per language for all full cards', async () => {
    const built = await countDisplayNames(async () => {
      for (const id of ['a', 'b', 'c']) {
        const card = await cardFor({ ...newYorkEvent, id }, { lang: 'en' });
        expect(textOf(shadow(card).querySelector('.place p'))).to.include('United States');
      }
    });
    expect(built).to.equal(1);
  });
});
