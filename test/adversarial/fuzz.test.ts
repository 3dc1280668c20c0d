// Adversarial: property-based fuzzing (fast-check) of the event and registration schemas and of
// the card and the form fed arbitrary event-like JSON (issue 6). The schemas never throw and always
// say what is wrong; the elements either render or report a bijeen-data-error, never an uncaught
// exception.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/components/event-card/event-card.js';
import '../../src/components/registration-form/registration-form.js';
import { parseEvent, validateRegistration, type EventData, type SchemaResult } from '../../src/schema/index.js';
import { minimalEvent, onlineEvent, udenMeeting, webinarEvent } from '../fixtures/events.js';
import { validRegistration } from '../fixtures/registrations.js';
import { quietly } from '../support/console.js';
import { checkProperty } from '../support/property.js';

type Json = unknown;
type Path = (string | number)[];

/** Every path into `value` (objects and arrays), the root excluded. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

const DELETE = Symbol('delete');

/** A deep copy of `base` with the value at each path replaced (or the key removed). */
function mutate(base: Json, changes: [Path, unknown][]): Json {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  for (const [path, value] of changes) {
    let holder: unknown = copy;
    for (const key of path.slice(0, -1)) holder = typeof holder === 'object' && holder !== null ? (holder as Record<string | number, unknown>)[key] : undefined;
    if (typeof holder !== 'object' || holder === null) continue;
    const last = path[path.length - 1];
    if (value === DELETE) delete (holder as Record<string | number, unknown>)[last];
    else (holder as Record<string | number, unknown>)[last] = value;
  }
  return copy;
}

/** Values a hostile or broken feed might send in any field. */
const edgeValue = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  '__proto__',
  'javascript:alert(1)',
  '//evil.example',
  'http://evil.example/x',
  'http://localhost:8080/x',
  '2018-13-45T25:61:00+02:00',
  '2018-09-18T13:00:00+02:00',
  '1970-01-01T00:00:00Z',
  'Europe/Nowhere',
  'x'.repeat(20_000),
  -0,
  -1,
  0,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  [],
  {},
  [null],
  { __proto__: null },
  { toString: 'x', valueOf: 1 },
);

const anyValue = fc.oneof({ arbitrary: fc.jsonValue(), weight: 3 }, { arbitrary: edgeValue, weight: 2 }, { arbitrary: fc.anything(), weight: 1 });

/** `base` with one to four of its fields replaced by arbitrary values or removed. */
function mutated(base: Json) {
  const paths = pathsOf(base);
  const change = fc.tuple(
    fc.oneof(fc.constantFrom(...paths), fc.constantFrom(...paths).map((path) => [...path.slice(0, -1), 'extra'])),
    fc.oneof({ arbitrary: anyValue, weight: 4 }, { arbitrary: fc.constant<unknown>(DELETE), weight: 1 }),
  );
  return fc.array(change, { minLength: 1, maxLength: 4 }).map((changes) => mutate(base, changes));
}

const EVENTS = [udenMeeting, minimalEvent, onlineEvent, webinarEvent];

/**
 * Event-like JSON: mostly a valid fixture with a few fields broken, sometimes anything at all.
 * Not `null` or `undefined`: for the `event` property those mean "no event given" (the element
 * then waits for `src` or an inline script), not bad data.
 */
const eventLike = fc
  .oneof(
    { arbitrary: fc.oneof(...EVENTS.map(mutated)), weight: 6 },
    { arbitrary: fc.constantFrom<Json>(...EVENTS), weight: 1 },
    { arbitrary: fc.object(), weight: 1 },
    { arbitrary: fc.anything(), weight: 1 },
  )
  .filter((value) => value != null);

const validBody = validRegistration();

/** The schemas' promise: never throws; success with data, or a message and issues that each name a path and say something. */
function expectSound(result: SchemaResult<unknown>) {
  expect(result).to.be.an('object');
  if (result.success) {
    expect(result.data).to.be.an('object');
    return;
  }
  expect(result.message).to.be.a('string').and.not.equal('');
  expect(result.issues).to.be.an('array');
  expect(result.issues.length, 'issues').to.be.above(0);
  for (const issue of result.issues) {
    expect(issue.path).to.be.a('string');
    expect(issue.message).to.be.a('string');
    expect(issue.message.trim()).not.to.equal('');
  }
}

const SHARED_PROTOTYPES = [Object.prototype, Array.prototype];
type PrototypeSnapshot = Map<string | symbol, PropertyDescriptor>[];

/** Every own property of the shared prototypes, with its descriptor. */
function prototypeSnapshot(): PrototypeSnapshot {
  return SHARED_PROTOTYPES.map((proto) => new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)!])));
}

/** The shared prototypes' properties added, removed or replaced since `before` (names only). */
function prototypeChanges(before: PrototypeSnapshot): string[] {
  return prototypeSnapshot().flatMap((now, i) => {
    const name = i === 0 ? 'Object.prototype' : 'Array.prototype';
    const keys = new Set([...before[i].keys(), ...now.keys()]);
    return [...keys]
      .filter((key) => {
        const [was, is] = [before[i].get(key), now.get(key)];
        return !was || !is || was.value !== is.value || was.get !== is.get || was.set !== is.set;
      })
      .map((key) => `${name}.${String(key)}`);
  });
}

let prototypesAtStart: PrototypeSnapshot;
before(() => {
  prototypesAtStart = prototypeSnapshot();
});

/** Nothing the schemas did reached a shared prototype: no property added, removed or replaced. */
function expectPrototypesClean() {
  expect(prototypeChanges(prototypesAtStart)).to.deep.equal([]);
}

const seedData = (() => {
  const result = parseEvent(udenMeeting, { baseUrl: location.href });
  if (!result.success) throw new Error('seed event does not validate');
  return result.data;
})();

describe('adversarial: schema fuzzing', () => {
  it('sanity: the fixtures and the base body are valid', () => {
    for (const event of EVENTS) expect(parseEvent(event).success).to.equal(true);
    const result = validateRegistration(validBody, seedData);
    expect(result.success, JSON.stringify(result)).to.equal(true);
  });

  it('parseEvent never throws on anything', () => {
    checkProperty(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true, withTypedArray: true }), (input) => {
        expectSound(parseEvent(input));
      }),
      { numRuns: 300 },
    );
    expectPrototypesClean();
  });

  it('parseEvent never throws on arbitrary objects, in both languages, with and without a base URL', () => {
    checkProperty(
      fc.property(fc.object({ key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'id', 'title', 'start', 'registration')) }), fc.constantFrom('nl', 'en'), fc.constantFrom(undefined, 'https://example.org/feed.json', 'not a url'), (input, locale, baseUrl) => {
        expectSound(parseEvent(input, { locale: locale as 'nl' | 'en', baseUrl }));
      }),
      { numRuns: 300 },
    );
    expectPrototypesClean();
  });

  it('parseEvent never throws on valid events with fields replaced by arbitrary values', () => {
    checkProperty(
      fc.property(fc.oneof(...EVENTS.map(mutated)), fc.constantFrom(undefined, 'https://example.org/feed.json'), (input, baseUrl) => {
        const result = parseEvent(input, { baseUrl });
        expectSound(result);
        // A valid result holds only absolute, allowed URLs: https, or http on the loopback host.
        if (result.success) {
          for (const url of [result.data.url, result.data.image?.src, result.data.organizer?.url, result.data.location?.online, result.data.registration?.endpoint, result.data.registration?.privacyUrl]) {
            if (url === undefined) continue;
            const { protocol, hostname } = new URL(url);
            expect(protocol, url).to.be.oneOf(['https:', 'http:']);
            if (protocol === 'http:') expect(hostname, url).to.be.oneOf(['localhost', '127.0.0.1', '[::1]']);
          }
        }
      }),
      { numRuns: 300 },
    );
    expectPrototypesClean();
  });

  it('parseEvent keeps cleartext http only for the loopback host, in every URL field', () => {
    const fields: [string, (url: string) => unknown][] = [
      ['url', (url) => ({ ...udenMeeting, url })],
      ['image.src', (url) => ({ ...udenMeeting, image: { ...udenMeeting.image, src: url } })],
      ['organizer.url', (url) => ({ ...udenMeeting, organizer: { ...udenMeeting.organizer, url } })],
      ['location.online', (url) => ({ ...onlineEvent, location: { online: url } })],
      ['registration.endpoint', (url) => ({ ...udenMeeting, registration: { ...udenMeeting.registration, endpoint: url } })],
      ['registration.privacyUrl', (url) => ({ ...udenMeeting, registration: { ...udenMeeting.registration, privacyUrl: url } })],
    ];
    const host = fc.oneof(fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'example.org', 'localhost.evil.example', '127.0.0.2', '10.0.0.1'), fc.domain());
    checkProperty(
      fc.property(fc.constantFrom(...fields), host, ([name, withUrl], hostname) => {
        const url = `http://${hostname}/x`;
        const result = parseEvent(withUrl(url), { baseUrl: 'https://example.org/feed.json' });
        const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
        expect(result.success, `${name}: ${url}`).to.equal(loopback);
      }),
      { numRuns: 200 },
    );
  });

  it('validateRegistration never throws on anything, with or without the event', () => {
    checkProperty(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSparseArray: true, withBoxedValues: true }), fc.boolean(), (input, withEvent) => {
        expectSound(validateRegistration(input, withEvent ? seedData : undefined));
      }),
      { numRuns: 300 },
    );
    expectPrototypesClean();
  });

  it('validateRegistration never throws on a valid body with fields replaced by arbitrary values', () => {
    checkProperty(
      fc.property(mutated(validBody), fc.boolean(), fc.constantFrom(undefined, 'nl', 'en'), (input, withEvent, locale) => {
        expectSound(validateRegistration(input, withEvent ? seedData : undefined, locale as 'nl' | 'en' | undefined));
      }),
      { numRuns: 300 },
    );
    expectPrototypesClean();
  });

  it('validateRegistration never throws for an arbitrary valid event', () => {
    const events = fc
      .oneof(...EVENTS.map(mutated))
      .map((input) => parseEvent(input))
      .filter((result): result is { success: true; data: EventData } => result.success)
      .map((result) => result.data);
    checkProperty(
      fc.property(events, fc.oneof(mutated(validBody), fc.object()), (event, input) => {
        expectSound(validateRegistration(input, event));
      }),
      { numRuns: 300 },
    );
  });
});

/** Uncaught errors and rejections on the page while `run` runs. */
async function uncaughtDuring(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onError = (event: ErrorEvent) => seen.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => seen.push(`unhandledrejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await quietly(run);
    // Late callbacks (a rejected promise is reported a task later).
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return seen;
}

/** Puts a fresh `tag` with `event` into `container`; resolves once it has rendered content or reported a data error. */
async function feed(container: HTMLElement, tag: 'bijeen-event-card' | 'bijeen-registration-form', event: unknown) {
  const el = document.createElement(tag);
  let dataError = false;
  el.addEventListener('bijeen-data-error', () => (dataError = true));
  (el as unknown as { event: unknown }).event = event;
  container.replaceChildren(el);
  const rendered = () => [...el.shadowRoot!.children].some((child) => child.localName !== 'style' && child.localName !== 'slot');
  await waitUntil(() => dataError || (el.shadowRoot && rendered()), `${tag} neither rendered nor reported`, { timeout: 2000 });
  await el.updateComplete;
  return { el, dataError, valid: parseEvent(event).success };
}

describe('adversarial: elements fed arbitrary event-like JSON', () => {
  beforeEach(() => sessionStorage.clear());

  for (const tag of ['bijeen-event-card', 'bijeen-registration-form'] as const) {
    it(`<${tag}> renders or reports a data error, never throws`, async function () {
      this.timeout(60_000);
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const failures: unknown[] = [];
      const uncaught = await uncaughtDuring(() =>
        checkProperty(
          fc.asyncProperty(eventLike, async (event) => {
            const { el, dataError, valid } = await feed(container, tag, event);
            // Invalid data is always reported; valid data renders the card (the form may still
            // report a configuration problem, such as no way to register).
            if (!valid) expect(dataError, 'invalid data reported').to.equal(true);
            if (valid && tag === 'bijeen-event-card') {
              expect(dataError, 'valid data not reported').to.equal(false);
              expect(el.shadowRoot!.querySelector('[part~="title"]'), 'title rendered').to.be.instanceOf(HTMLElement);
            }
          }),
          { numRuns: 40, reporter: (details) =>
              details.failed &&
              failures.push({ error: String(details.errorInstance), counterexample: details.counterexample, seed: details.seed, path: details.counterexamplePath }),
          },
        ),
      );
      expect(uncaught).to.deep.equal([]);
      expect(failures.length, JSON.stringify(failures[0], (_key, value) => (typeof value === 'bigint' ? `${value}n` : value))?.slice(0, 2000)).to.equal(0);
    });
  }
});
