import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { udenMeeting } from '../../fixtures/events.js';
import { REGISTRATION_OPEN, shadow, textOf, type BijeenEventCard } from './helpers.js';
import '../../../src/components/event-card/event-card.js';

/** A card with the seed meeting (it has an image) in a column `width` pixels wide. */
async function cardInColumn(width: number): Promise<BijeenEventCard> {
  const column = await fixture<HTMLElement>(html`<div style="width: ${width}px">
    <bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN} lang="nl"></bijeen-event-card>
  </div>`);
  const card = column.querySelector('bijeen-event-card')!;
  await card.updateComplete;
  return card;
}

const box = (card: BijeenEventCard, selector: string) => shadow(card).querySelector(selector)!.getBoundingClientRect();

describe('<bijeen-event-card> layout', () => {
  it('stacks the image above the text in a narrow column, without overflowing it', async () => {
    const card = await cardInColumn(220);
    const image = box(card, 'img');
    const body = box(card, '.body');
    expect(body.top).to.be.at.least(image.bottom - 1);
    expect(Math.round(body.left)).to.equal(Math.round(image.left));
    const article = shadow(card).querySelector('article')!;
    expect(article.scrollWidth).to.be.at.most(article.clientWidth);
    expect(card.getBoundingClientRect().width).to.equal(220);
  });

  it('puts the image beside the text in a wide column', async () => {
    const card = await cardInColumn(800);
    const image = box(card, 'img');
    const body = box(card, '.body');
    expect(body.left).to.be.at.least(image.right - 1);
    expect(body.top).to.be.below(image.bottom);
  });

  it('skips rendering cards far below the viewport until they come near, and keeps their content', async () => {
    const list = await fixture<HTMLElement>(html`<div>
      ${Array.from({ length: 40 }, () => html`<bijeen-event-card .event=${udenMeeting} .now=${REGISTRATION_OPEN} lang="nl"></bijeen-event-card>`)}
    </div>`);
    const cards = [...list.querySelectorAll('bijeen-event-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    await nextFrame();
    await nextFrame();
    const last = cards.at(-1)!;
    const title = shadow(last).querySelector('[part="title"]')!;
    expect(title.checkVisibility({ contentVisibilityAuto: true }), 'rendering skipped far below').to.equal(false);
    // Still in the document (find in page, assistive technology): only its rendering waits.
    expect(textOf(title)).to.equal(udenMeeting.title);
    expect(shadow(cards[0]).querySelector('[part="title"]')!.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    last.scrollIntoView();
    await nextFrame();
    await nextFrame();
    expect(title.checkVisibility({ contentVisibilityAuto: true }), 'rendered once near').to.equal(true);
    expect(shadow(last).querySelector('article')!.getBoundingClientRect().height).to.be.above(300);
  });

  it('renders the cards in view in the first frame: 30 cards added at once shift nothing', async () => {
    // From the top of the page: the test before scrolled down, and a page that keeps that scroll
    // position while its content is replaced shifts for reasons of its own.
    scrollTo(0, 0);
    await nextFrame();
    let shifted = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifted += entry.value;
    });
    observer.observe({ type: 'layout-shift' });
    const list = await fixture<HTMLElement>(html`<div></div>`);
    for (const variant of ['teaser', 'full']) {
      list.replaceChildren();
      const cards = Array.from({ length: 30 }, () => {
        const card = document.createElement('bijeen-event-card');
        card.setAttribute('variant', variant);
        card.now = REGISTRATION_OPEN;
        card.event = udenMeeting;
        return card;
      });
      list.append(...cards);
      await Promise.all(cards.map((card) => card.updateComplete));
      for (let frame = 0; frame < 4; frame++) await nextFrame();
      const inView = cards.filter((card) => {
        const { top, bottom } = card.getBoundingClientRect();
        return top < innerHeight && bottom > 0;
      });
      expect(inView.length, `${variant}: some cards in view`).to.be.at.least(1);
      for (const card of inView) {
        const title = shadow(card).querySelector('[part="title"]')!;
        expect(title.checkVisibility({ contentVisibilityAuto: true }), `${variant} card ${cards.indexOf(card)} rendered`).to.equal(true);
      }
    }
    observer.disconnect();
    expect(shifted).to.equal(0);
  });
});
