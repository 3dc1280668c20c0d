// The behaviour every Bijeen element shares, as one suite each element runs (see
// conformance.test.ts): its slot, the `lang` switch, `bijeen-data-error` on bad data, its `state`
// for late readers, and, for the elements that load an event, the precedence of its sources. A
// new element adds a subject.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementState } from '../../src/internal/bijeen-element.js';
import type { DataErrorDetail } from '../../src/internal/events.js';
import type { EventInput } from '../../src/schema/index.js';
import { quietly } from '../support/console.js';
import { deepText } from '../support/dom.js';
import { feed, ROUND_TRIP } from '../support/feeds.js';

export interface ConformanceSubject<E extends HTMLElement = HTMLElement> {
  tag: keyof HTMLElementTagNameMap;
  /**
   * What the default slot is for: `fallback` content shown until the element renders and again
   * when its data fails; or the `label` of what it renders, hidden when it cannot render.
   */
  slot: 'fallback' | 'label';
  /** Gives a fresh element (not yet on the page) data it renders; sets its clock where it has one. */
  valid(el: E): void;
  /** Gives it data it must refuse with `bijeen-data-error`; `path` is one issue it must name. */
  invalid(el: E): void;
  path: string;
  /** For elements that load from `src` (`state` starts at `loading`): a URL with valid data. */
  src?: string;
  /** A text the element shows with `valid` data in Dutch, and the same in English. */
  words: { nl: string; en: string };
  /** For elements that load one event: a valid event (with what the element needs to render it). */
  event?: (id: string, title: string) => EventInput;
}

/** Resolves after the element's pending update. */
const updated = (el: HTMLElement) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

/** Mounts `el` inside a `<div lang="nl">` and waits for its first render. */
async function mount<E extends HTMLElement>(el: E): Promise<{ el: E; wrapper: HTMLElement }> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="nl"></div>`);
  wrapper.append(el);
  await updated(el);
  return { el, wrapper };
}

const visible = (node: Element) => node.checkVisibility();

/**
 * What a reader that arrives late sees: `state` as the property, as the attribute, and through the
 * selector `[state="…"]` (`undefined`: no attribute).
 */
function expectState(el: HTMLElement, wrapper: HTMLElement, state: ElementState | undefined, when: string) {
  expect((el as HTMLElement & { state?: ElementState }).state, `el.state ${when}`).to.equal(state);
  expect(el.getAttribute('state'), `the state attribute ${when}`).to.equal(state ?? null);
  if (state) expect(wrapper.querySelector(`${el.localName}[state="${state}"]`), `[state="${state}"] ${when}`).to.equal(el);
}

export function runConformance<E extends HTMLElement>(subject: ConformanceSubject<E>): void {
  const create = () => document.createElement(subject.tag) as unknown as E;

  describe(`<${subject.tag}> conformance`, () => {
    if (subject.slot === 'fallback') {
      it('shows its fallback content until it renders, and again when its data fails', async () => {
        const el = create();
        el.innerHTML = '<a href="https://example.org/agenda">Bekijk de agenda</a>';
        const fallback = el.querySelector('a')!;
        await mount(el);
        expect(visible(fallback), 'before any data').to.equal(true);

        const loaded = oneEvent(el, 'bijeen-load');
        subject.valid(el);
        await loaded;
        await waitUntil(() => !visible(fallback), 'the fallback did not go when the element rendered');

        await quietly(async () => {
          const failed = oneEvent(el, 'bijeen-data-error');
          subject.invalid(el);
          await failed;
        });
        await waitUntil(() => visible(fallback), 'the fallback did not come back when the data failed');
      });
    } else {
      it('shows its slotted label when it renders, and hides it when it cannot', async () => {
        const el = create();
        el.innerHTML = '<strong>Area Wonen</strong>';
        const label = el.querySelector('strong')!;
        subject.valid(el);
        await mount(el);
        expect(visible(label), 'with valid data').to.equal(true);
        await quietly(async () => {
          const failed = oneEvent(el, 'bijeen-data-error');
          subject.invalid(el);
          await failed;
        });
        await waitUntil(() => !visible(label), 'the label stayed while nothing can be rendered');
      });
    }

    it('follows a `lang` change on an ancestor (Dutch ↔ English)', async () => {
      const el = create();
      subject.valid(el);
      const { wrapper } = await mount(el);
      await waitUntil(() => deepText(el).includes(subject.words.nl), `"${subject.words.nl}" not shown`, ROUND_TRIP);
      wrapper.lang = 'en';
      await waitUntil(() => deepText(el).includes(subject.words.en), `"${subject.words.en}" not shown after lang="en"`);
      expect(deepText(el)).not.to.include(subject.words.nl);
      wrapper.lang = 'nl';
      await waitUntil(() => deepText(el).includes(subject.words.nl), `"${subject.words.nl}" not back after lang="nl"`);
    });

    it('refuses bad data with bijeen-data-error naming the problem, and a console warning', async () => {
      const el = create();
      const { result: error, warned } = await quietly(async () => {
        const failed = oneEvent(el, 'bijeen-data-error');
        subject.invalid(el);
        await mount(el);
        return (await failed) as CustomEvent<DataErrorDetail>;
      });
      expect(error.target).to.equal(el);
      expect(error.bubbles && error.composed, 'bubbles out of shadow roots').to.equal(true);
      expect(error.detail.message).to.be.a('string').and.not.equal('');
      expect(error.detail.issues?.map((issue) => issue.path)).to.include(subject.path);
      expect(warned.join('\n')).to.include(`<${subject.tag}>`).and.include(subject.path);
    });

    const { src } = subject;
    if (src) {
      it('tells late readers what its data came to: `state` loading, then error or ready, as property and attribute', async () => {
        const el = create() as E & { src?: string };
        const { wrapper } = await mount(el);
        expectState(el, wrapper, undefined, 'without a source');

        await quietly(async () => {
          const failed = oneEvent(el, 'bijeen-data-error');
          el.src = feed('missing', '?delay=300');
          await updated(el);
          expectState(el, wrapper, 'loading', 'while src loads');
          await failed;
        });
        expectState(el, wrapper, 'error', 'after src failed (404), when bijeen-data-error has fired');

        const loaded = oneEvent(el, 'bijeen-load');
        el.src = src;
        await updated(el);
        expectState(el, wrapper, 'loading', 'while the next src loads');
        await loaded;
        expectState(el, wrapper, 'ready', 'after bijeen-load');
      });
    } else {
      it('tells late readers whether its attributes work: `state` ready or error, as property and attribute', async () => {
        const el = create();
        subject.valid(el);
        const { wrapper } = await mount(el);
        expectState(el, wrapper, 'ready', 'with valid attributes');
        await quietly(async () => {
          const failed = oneEvent(el, 'bijeen-data-error');
          subject.invalid(el);
          await failed;
        });
        expectState(el, wrapper, 'error', 'after bijeen-data-error');
      });
    }

    it('keeps `state` its own: page code writing the attribute or the property changes nothing', async () => {
      const el = create() as E & { state?: ElementState };
      subject.valid(el);
      const { wrapper } = await mount(el);
      await waitUntil(() => el.state === 'ready', 'not ready', ROUND_TRIP);

      el.setAttribute('state', 'error');
      expectState(el, wrapper, 'ready', 'after setAttribute("state", "error")');
      el.removeAttribute('state');
      expectState(el, wrapper, 'ready', 'after removeAttribute("state")');
      expect(() => Object.assign(el, { state: 'error' }), 'assigning el.state').to.throw(TypeError);
      await updated(el);
      expectState(el, wrapper, 'ready', 'after assigning el.state');
    });

    const event = subject.event;
    if (event) {
      it('takes its event from src < inline JSON < the event property, later winning', async () => {
        type Loading = E & { src?: string; event?: unknown };
        const el = create() as Loading;
        const script = Object.assign(document.createElement('script'), {
          type: 'application/json',
          textContent: JSON.stringify(event('inline', 'Inline wint van src')),
        });
        el.append(script);
        el.src = feed('valid');
        el.event = event('property', 'Property wint van inline');
        const loadedId = async (change: () => void) =>
          (await quietly(async () => {
            const loaded = oneEvent(el, 'bijeen-load');
            change();
            return ((await loaded) as CustomEvent<{ event: { id: string } }>).detail.event.id;
          })).result;

        expect(await loadedId(() => void mount(el))).to.equal('property');
        expect(await loadedId(() => (el.event = undefined))).to.equal('inline');
        expect(await loadedId(() => script.remove())).to.equal('valid');
      });
    }
  });
}
