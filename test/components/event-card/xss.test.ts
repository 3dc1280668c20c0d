import { expect, nextFrame, oneEvent } from '@open-wc/testing';
import type { EventInput } from '../../../src/schema/index.js';
import { udenMeeting } from '../../fixtures/events.js';
import { cardFor, idle, openCalendar, part, quietly, rendered, shadow, textOf, type BijeenEventCard } from './helpers.js';

declare global {
  interface Window {
    pwned?: string[];
  }
}

/** Markup that would run script or create elements if it were ever parsed as HTML. */
const payloads = [
  '<img src="x" onerror="(window.pwned ??= []).push(\'img\')">',
  '<script>(window.pwned ??= []).push("script")</script>',
  '"><svg onload="(window.pwned ??= []).push(\'svg\')">',
  '</script><script>(window.pwned ??= []).push("ld")</script>',
  "javascript:(window.pwned ??= []).push('text')",
  '<a href="javascript:alert(1)">klik</a>&lt;b&gt;',
];

/** The seed meeting with every string field (text, not URLs) set to a payload. */
function hostile(payload: string): EventInput {
  return {
    ...udenMeeting,
    id: 'xss',
    title: `Titel ${payload}`,
    summary: payload,
    sections: [{ heading: payload, paragraphs: [payload, payload], items: [payload] }],
    location: { name: payload, street: payload, postalCode: payload.slice(0, 20), city: payload, online: 'https://example.org/live?x=<script>' },
    image: { src: 'https://example.org/img.png?"><script>', alt: payload },
    organizer: { name: payload, url: 'https://example.org/?q="><img src=x>', email: 'org@example.org' },
    audience: payload,
    url: 'https://example.org/agenda?"onmouseover="alert(1)',
    registration: {
      ...udenMeeting.registration,
      companionLabel: payload,
      memberQuestion: payload,
      questions: [{ id: 'q', label: payload, type: 'select', options: [payload] }],
    },
  };
}

/** Every element in the card's shadow tree and in the shadow trees inside it. */
function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? allElements(el.shadowRoot) : [])]);
}

const ALLOWED_SCHEMES = ['https:', 'blob:', 'mailto:'];

describe('<bijeen-event-card> renders data as text only', () => {
  for (const payload of payloads) {
    for (const variant of ['full', 'teaser'] as const) {
      it(`${variant}: ${payload}`, async () => {
        delete window.pwned;
        const el = await cardFor(hostile(payload), { variant });
        // The calendar's links too (built when it opens), and the JSON-LD (written when idle).
        if (variant === 'full') await openCalendar(el);
        await idle();
        for (let frame = 0; frame < 3; frame++) await nextFrame();

        expect(textOf(part(el, 'title'))).to.equal(`Titel ${payload}`.replace(/\s+/g, ' ').trim());
        const elements = allElements(shadow(el));
        // Nothing from the data became an element: no script, no svg outside the map link's icon,
        // one image (the event's own), no element with an event-handler attribute.
        expect(elements.filter((node) => node.localName === 'script')).to.have.length(0);
        expect(elements.filter((node) => node.localName === 'img')).to.have.length(1);
        expect(elements.filter((node) => node.localName === 'svg' && node.getAttribute('aria-hidden') !== 'true')).to.have.length(0);
        expect(elements.filter((node) => [...node.attributes].some((attribute) => attribute.name.startsWith('on')))).to.have.length(0);
        for (const link of elements.filter((node): node is HTMLAnchorElement => node.localName === 'a')) {
          if (link.getAttribute('href') === '#') continue;
          expect(ALLOWED_SCHEMES, link.href).to.include(new URL(link.href).protocol);
        }
        // Light DOM: only the JSON-LD, whose text cannot close its script element.
        expect([...el.children].map((child) => child.localName)).to.deep.equal(['script']);
        const ld = el.querySelector('script')!;
        expect(ld.type).to.equal('application/ld+json');
        expect(ld.textContent).not.to.include('<');
        expect(JSON.parse(ld.textContent!).name).to.equal(`Titel ${payload}`);
        expect(window.pwned).to.equal(undefined);
      });
    }
  }

  const urlFields: [string, (event: EventInput) => EventInput][] = [
    ['url', (event) => ({ ...event, url: 'javascript:alert(1)' })],
    ['image.src', (event) => ({ ...event, image: { src: 'data:image/svg+xml,<svg onload=alert(1)>', alt: '' } })],
    ['organizer.url', (event) => ({ ...event, organizer: { name: 'X', url: ' JaVaScRiPt:alert(1)' } })],
    ['location.online', (event) => ({ ...event, location: { online: 'java\tscript:alert(1)' } })],
  ];
  for (const [path, spoil] of urlFields) {
    it(`refuses the whole event when ${path} is a script URL: no link is ever made from it`, async () => {
      const { result: el } = await quietly(async () => {
        const card = document.createElement('bijeen-event-card') as BijeenEventCard;
        card.event = spoil(udenMeeting);
        const failed = oneEvent(card, 'bijeen-data-error');
        document.body.append(card);
        await failed;
        return card;
      });
      expect(rendered(el)).to.equal(false);
      expect(allElements(shadow(el)).some((node) => node.localName === 'a')).to.equal(false);
      el.remove();
    });
  }
});
