// Adversarial: a corpus of classic XSS payloads in every string and URL field of the event data
// and in the registration endpoint's messages (issue 6). Nothing may execute, no element may be
// built from data, no link may carry a dangerous scheme, and the JSON-LD cannot close its script.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/components/event/event.js';
import '../../src/components/event-card/event-card.js';
import '../../src/components/registration-form/registration-form.js';
import type { EventInput } from '../../src/schema/index.js';
import { udenMeeting } from '../fixtures/events.js';
import { endpoint, fill, form, required, submitButton, type Reply } from '../components/registration-form/helpers.js';
import { quietly } from '../support/console.js';
import { idle } from '../support/dom.js';

declare global {
  interface Window {
    __xss: number;
  }
}

const HIT = 'window.__xss++';

/** Markup, attribute breakouts, entity tricks, SVG, template and CSS tricks: each calls `window.__xss++` if it ever runs. */
const TEXT_PAYLOADS = [
  `<script>${HIT}</script>`,
  `<SCRIPT SRC=data:text/javascript,${HIT}></SCRIPT>`,
  `<img src=x onerror=${HIT}>`,
  `<img src="x" onerror="${HIT}">`,
  `<IMG SRC=x OnErRoR=${HIT}>`,
  `" onmouseover="${HIT}" x="`,
  `' onfocus='${HIT}' autofocus='`,
  `"><img src=x onerror=${HIT}>`,
  `'><svg onload=${HIT}>`,
  `<svg onload=${HIT}>`,
  `<svg><script>${HIT}</script></svg>`,
  `<math><mi xlink:href="javascript:${HIT}">x</mi></math>`,
  `</script><script>${HIT}</script>`,
  `</SCRIPT ><script>${HIT}</script>`,
  `<!--</script><script>${HIT}</script>-->`,
  `<iframe src="javascript:${HIT}"></iframe>`,
  `<iframe srcdoc="<script>parent.${HIT}</script>"></iframe>`,
  `<a href="javascript:${HIT}">klik</a>`,
  `<body onload=${HIT}>`,
  `<details open ontoggle=${HIT}>`,
  `<input autofocus onfocus=${HIT}>`,
  `<object data="javascript:${HIT}"></object>`,
  `<embed src="javascript:${HIT}">`,
  `&lt;img src=x onerror=${HIT}&gt;`,
  `&#60;script&#62;${HIT}&#60;/script&#62;`,
  `\\u003cimg src=x onerror=${HIT}\\u003e`,
  `\${${HIT}}`,
  `{{constructor.constructor('${HIT}')()}}`,
  `<div style="width: expression(${HIT})">x</div>`,
  `<div style="background:url(javascript:${HIT})">x</div>`,
  `</style><img src=x onerror=${HIT}>`,
  `<style>@import 'javascript:${HIT}';</style>`,
  `<template><img src=x onerror=${HIT}></template>`,
  `<base href="javascript:${HIT}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${HIT}">`,
  `javascript:${HIT}`,
];

/** Dangerous URLs: the schema must refuse each, or the component must never turn it into an href. */
const URL_PAYLOADS = [
  `javascript:${HIT}`,
  `JaVaScRiPt:${HIT}`,
  `java\tscript:${HIT}`,
  `java\nscript:${HIT}`,
  ` \u0001javascript:${HIT}`,
  `&#106;avascript:${HIT}`,
  `&#x6A;avascript:${HIT}`,
  `javascript&colon;${HIT}`,
  `vbscript:msgbox(1)`,
  `data:text/html,<script>${HIT}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MrKzwvc2NyaXB0Pg==`,
  `//evil.example/"><img src=x onerror=${HIT}>`,
  `https://example.org/" onmouseover="${HIT}`,
  `https://example.org/'><script>${HIT}</script>`,
  `url(javascript:${HIT})`,
  `http://evil.example/`,
  `file:///etc/passwd`,
];

/** An open registration window, whatever today's date: the form shows every question. */
const FUTURE = { start: '2099-09-18T13:00:00+02:00', end: '2099-09-18T17:00:00+02:00' };

/** The seed meeting, in the future, with every free-text field set to `payload` and every URL and e-mail field tainted with it. */
function hostileText(payload: string): EventInput {
  const url = `https://example.org/x?q=${encodeURIComponent(payload)}#${payload}`;
  return {
    ...structuredClone(udenMeeting),
    ...FUTURE,
    id: `xss-${payload}`.slice(0, 200),
    title: `Titel ${payload}`,
    summary: payload,
    sections: [{ heading: payload, paragraphs: [payload, payload], items: [payload, payload] }],
    location: { name: payload, street: payload, postalCode: payload.slice(0, 20), city: payload, online: url },
    image: { src: url, alt: payload, width: 1200, height: 675 },
    organizer: { name: payload, url, email: 'org@example.org' },
    audience: payload,
    url,
    registration: {
      ...structuredClone(udenMeeting.registration),
      opens: undefined,
      closes: '2099-09-14T17:00:00+02:00',
      endpoint: url,
      email: 'aanmelden@example.org',
      companionLabel: payload,
      memberQuestion: payload,
      privacyUrl: url,
      questions: [
        { id: 'kies', label: payload, type: 'select', options: [payload, `${payload} 2`] },
        { id: 'radio', label: payload, type: 'radio', options: [payload] },
        { id: 'vink', label: payload, type: 'checkbox', options: [payload] },
        { id: 'tekst', label: payload, type: 'textarea' },
      ],
    },
  };
}

/** Paths of the URL and e-mail fields of an event, with a setter for each. */
const DANGEROUS_FIELDS: Record<string, (event: EventInput, value: string) => void> = {
  url: (event, value) => (event.url = value),
  'image.src': (event, value) => (event.image!.src = value),
  'organizer.url': (event, value) => (event.organizer!.url = value),
  'organizer.email': (event, value) => (event.organizer!.email = value),
  'location.online': (event, value) => (event.location = { ...event.location, online: value }),
  'registration.endpoint': (event, value) => (event.registration!.endpoint = value),
  'registration.privacyUrl': (event, value) => (event.registration!.privacyUrl = value),
  'registration.email': (event, value) => (event.registration!.email = value),
};

function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? allElements(el.shadowRoot) : [])]);
}

const SAFE_SCHEMES = new Set(['https:', 'mailto:', 'blob:']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background'];
const FORBIDDEN_TAGS = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'math', 'template', 'body', 'style', 'link']);

/** Each tag, and each tag with each attribute name, under `root`: what the library builds. */
function shapes(root: Element): Set<string> {
  return new Set([root, ...allElements(root)].flatMap((el) => [el.localName, ...[...el.attributes].map((a) => `${el.localName}[${a.name}]`)]));
}

/**
 * Everything under `root` (light DOM and every shadow root inside it) is built by the library:
 * no tag or attribute from the payloads, no dangerous URL, no script but JSON-LD that cannot close
 * itself, and nothing ran.
 */
async function expectClean(root: Element, baseline?: Set<string>) {
  // The JSON-LD is written when the page is idle.
  await idle();
  // Give an injected image's error handler, a focus handler or a refresh time to run.
  for (let frame = 0; frame < 3; frame++) await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(window.__xss, 'a payload executed').to.equal(0);

  const elements = [root, ...allElements(root)];
  // Compared with the same element rendered from plain text: no tag or attribute more.
  if (baseline) expect([...shapes(root)].filter((shape) => !baseline.has(shape)), 'built from data').to.deep.equal([]);
  for (const el of elements) {
    const tag = el.localName;
    expect(FORBIDDEN_TAGS.has(tag), `<${tag}> rendered`).to.equal(false);
    if (tag === 'script') {
      expect((el as HTMLScriptElement).type, 'script type').to.match(/^application\/(ld\+)?json$/);
      expect(el.textContent, 'JSON-LD closes its script').not.to.match(/<\/script/i);
      expect(() => JSON.parse(el.textContent!)).not.to.throw();
    }
    // The map link's icon is the only svg, and it is decorative.
    if (tag === 'svg') expect(el.getAttribute('aria-hidden'), 'an svg from data').to.equal('true');
    if (tag === 'img') expect(el.getAttribute('part'), 'an img from data').to.equal('image');
    for (const attribute of el.attributes) {
      expect(attribute.name.startsWith('on'), `<${tag} ${attribute.name}>`).to.equal(false);
      if (attribute.name === 'style') expect(attribute.value).not.to.match(/expression|javascript|url\(/i);
      if (URL_ATTRIBUTES.includes(attribute.name)) {
        const value = attribute.value;
        if (value.startsWith('#')) continue;
        const url = new URL(value, location.href);
        const loopback = url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
        expect(SAFE_SCHEMES.has(url.protocol) || loopback, `<${tag} ${attribute.name}="${value}">`).to.equal(true);
      }
    }
  }
}

/** Whitespace as the text layout collapses it. */
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Renders `<bijeen-event>` with `event`; resolves once it shows the card or reports a data error. */
async function renderEvent(event: EventInput) {
  let dataError = false;
  const el = await fixture(html`<div>
    <bijeen-event .event=${event} @bijeen-data-error=${() => (dataError = true)}></bijeen-event>
  </div>`);
  const host = el.querySelector('bijeen-event')!;
  await waitUntil(() => dataError || host.shadowRoot?.querySelector('bijeen-event-card'), 'render or data error', { timeout: 4000 });
  const card = host.shadowRoot!.querySelector('bijeen-event-card');
  const registration = host.shadowRoot!.querySelector('bijeen-registration-form');
  await card?.updateComplete;
  await registration?.updateComplete;
  return { el, host, card, registration, dataError };
}

const teaser = async (event: EventInput) =>
  (await quietly(() => fixture(html`<div><bijeen-event-card variant="teaser" .event=${event}></bijeen-event-card></div>`))).result;

describe('adversarial: XSS payloads in event data', () => {
  /** What each element renders from plain text. */
  let plainEvent: Set<string>;
  let plainTeaser: Set<string>;

  before(async () => {
    const plain = (await quietly(() => renderEvent(hostileText('Gewone tekst')))).result.el;
    const card = await teaser(hostileText('Gewone tekst'));
    await card.querySelector('bijeen-event-card')!.updateComplete;
    // With their JSON-LD, written when the page is idle.
    await idle();
    plainEvent = shapes(plain);
    plainTeaser = shapes(card);
  });

  beforeEach(() => {
    window.__xss = 0;
    sessionStorage.clear();
  });

  for (const payload of TEXT_PAYLOADS) {
    it(`<bijeen-event> renders as text: ${JSON.stringify(payload)}`, async () => {
      const { result } = await quietly(() => renderEvent(hostileText(payload)));
      const { el, card, registration, dataError } = result;
      expect(dataError, 'the tainted event is valid data').to.equal(false);
      expect(squash(card!.shadowRoot!.querySelector('[part="title"]')?.textContent)).to.equal(squash(`Titel ${payload}`));
      // The payload reached the form as text: the first question's label shows it verbatim.
      expect(squash(registration!.shadowRoot!.textContent)).to.contain(squash(payload));
      await expectClean(el, plainEvent);
    });

    it(`<bijeen-event-card variant="teaser"> renders as text: ${JSON.stringify(payload)}`, async () => {
      const el = await teaser(hostileText(payload));
      const card = el.querySelector('bijeen-event-card')!;
      await card.updateComplete;
      expect(squash(card.shadowRoot!.querySelector('[part="title"]')?.textContent)).to.equal(squash(`Titel ${payload}`));
      await idle();
      const ld = card.querySelector('script[type="application/ld+json"]');
      expect(ld, 'the teaser’s JSON-LD').to.be.instanceOf(HTMLScriptElement);
      expect(JSON.parse(ld!.textContent!).name).to.equal(`Titel ${payload}`);
      await expectClean(el, plainTeaser);
    });
  }

  for (const payload of URL_PAYLOADS) {
    it(`refuses or defuses ${JSON.stringify(payload)} in every URL and e-mail field`, async function () {
      this.timeout(30_000);
      for (const [path, set] of Object.entries(DANGEROUS_FIELDS)) {
        const event = hostileText('Gewone tekst');
        set(event, payload);
        const { result } = await quietly(() => renderEvent(event));
        await expectClean(result.el, result.dataError ? undefined : plainEvent);
        // Rendered or refused, never a link to where the payload points, and never a silent blank:
        // valid for the composite means the inner card (which validates again) shows it too.
        if (!result.dataError) {
          expect(result.card?.shadowRoot?.querySelector('[part="title"]'), `${path}: ${JSON.stringify(payload)} accepted but not shown`).to.be.instanceOf(HTMLElement);
          for (const el of allElements(result.el)) {
            for (const name of ['href', 'src', 'action']) {
              const value = el.getAttribute(name);
              if (value) expect(new URL(value, location.href).protocol, `${path}: <${el.localName} ${name}="${value}">`).not.to.be.oneOf(['javascript:', 'vbscript:', 'data:']);
            }
          }
        }
      }
    });
  }
});

/** Submits the complete seed form to an endpoint scripted with `reply`; resolves when the answer is shown. */
async function submitWith(reply: Reply) {
  const path = await endpoint([reply]);
  const el = await form({ endpoint: path });
  await fill(el, required);
  const done = new Promise((resolve) => {
    el.addEventListener('bijeen-registered', resolve, { once: true });
    el.addEventListener('bijeen-registration-failed', resolve, { once: true });
  });
  submitButton(el).click();
  await done;
  await el.updateComplete;
  return el;
}

describe('adversarial: XSS payloads in the endpoint’s answers', () => {
  beforeEach(() => {
    window.__xss = 0;
    sessionStorage.clear();
  });

  const answers: [string, (payload: string) => Reply][] = [
    ['201 message', (message) => ({ status: 201, body: { id: 'r1', status: 'confirmed', message } })],
    ['409 duplicate message', (message) => ({ status: 409, body: { status: 'duplicate', message } })],
    ['409 full message', (message) => ({ status: 409, body: { status: 'full', message } })],
    ['403 message', (message) => ({ status: 403, body: { message } })],
  ];

  for (const [name, reply] of answers) {
    it(`${name}: every payload shown as text`, async function () {
      this.timeout(60_000);
      for (const payload of TEXT_PAYLOADS) {
        const el = await submitWith(reply(payload));
        expect(squash(el.shadowRoot!.textContent), name).to.contain(squash(payload));
        await expectClean(el);
      }
    });
  }

  it('422 errors[].message: every payload on its field and in the summary, as text', async function () {
    this.timeout(30_000);
    const paths = ['attendee.name', 'attendee.email', 'attendee.organisation', 'answers.workshop', 'consent', 'eventId'];
    for (let i = 0; i < TEXT_PAYLOADS.length; i += paths.length) {
      const batch = TEXT_PAYLOADS.slice(i, i + paths.length);
      const el = await submitWith({
        status: 422,
        body: { errors: batch.map((message, n) => ({ path: paths[n], message })), message: batch[0] },
      });
      const summary = el.shadowRoot!.querySelector('[part="error-summary"]');
      expect(summary, 'error summary').to.be.instanceOf(HTMLElement);
      for (const payload of batch) expect(squash(summary!.textContent)).to.contain(squash(payload));
      await expectClean(el);
    }
  });
});
