// Shared by the registration form tests: the scriptable endpoint (test/server/registration-endpoint.mjs),
// a form fixture on the seed event, and ways to fill it in.
import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../../src/components/registration-form/registration-form.js';
import type { BijeenRegistrationForm } from '../../../src/components/registration-form/registration-form.js';
import type { EventInput } from '../../../src/schema/index.js';
import { udenMeeting } from '../../fixtures/events.js';
import { REGISTRATION_OPEN } from '../../support/clock.js';
import { find, findAll } from '../../support/dom.js';

/** One reply of the scripted endpoint. */
export interface Reply {
  status?: number;
  body?: unknown;
  type?: string;
  headers?: Record<string, string>;
  delay?: number;
  hang?: boolean;
  reset?: 'headers' | 'body';
}

/** A request as the endpoint recorded it. */
export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  time: number;
}

let counter = 0;

/** A fresh endpoint for one test, scripted with `replies`; returns its path. */
export async function endpoint(replies: Reply[] = []): Promise<string> {
  const name = `t${Date.now().toString(36)}-${++counter}`;
  const response = await fetch(`/registration-endpoint/${name}/script`, {
    method: 'POST',
    body: JSON.stringify({ replies }),
  });
  if (!response.ok) throw new Error(`scripting the endpoint failed: ${response.status}`);
  return `/registration-endpoint/${name}`;
}

/** Everything that reached the endpoint at `path`. */
export async function requests(path: string): Promise<Recorded[]> {
  return (await fetch(`${path}/requests`)).json();
}

/** The same endpoint on another origin (127.0.0.1 while the page is on localhost): CORS applies. */
export function crossOrigin(path: string): string {
  return `${location.protocol}//127.0.0.1:${location.port}${path}`;
}

export interface FormOptions {
  event?: EventInput;
  /** `null`: no endpoint attribute (the event's own, or none). */
  endpoint?: string | null;
  lang?: string;
  format?: string;
  retries?: number;
  timeout?: number;
  /** The form's clock (`now`); default `REGISTRATION_OPEN`. */
  now?: number | Date;
}

/** A form for the seed event (or `event`) at an open moment, quick to retry. */
export async function form(options: FormOptions = {}): Promise<BijeenRegistrationForm> {
  const el = await fixture<BijeenRegistrationForm>(html`<bijeen-registration-form
    .event=${options.event ?? udenMeeting}
    .now=${options.now ?? REGISTRATION_OPEN}
    endpoint=${options.endpoint === null ? nothing : (options.endpoint ?? '/registration-endpoint/unused')}
    lang=${options.lang ?? 'nl'}
    format=${options.format ?? 'json'}
    retries=${options.retries ?? 3}
    timeout=${options.timeout ?? 3000}
    retry-delay="10"
  ></bijeen-registration-form>`);
  await el.updateComplete;
  return el;
}

/** A deep copy of the seed event with `registration` changed. */
export function seedWith(registration: Partial<NonNullable<EventInput['registration']>>, extra: Partial<EventInput> = {}): EventInput {
  const copy = structuredClone(udenMeeting) as EventInput;
  return { ...copy, ...extra, registration: { ...copy.registration, ...registration } };
}

/** The control named `name` (the first of a group, or the one with `value`). */
export function control<T extends HTMLElement = HTMLInputElement>(el: BijeenRegistrationForm, name: string, value?: string): T {
  const selector = `[name="${name}"]${value === undefined ? '' : `[value="${value}"]`}`;
  const found = find<T>(el, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Types into text controls and ticks boxes as a user would (input events), then waits for the render. */
export async function fill(el: BijeenRegistrationForm, values: Record<string, string | boolean | string[]>) {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'boolean') {
      const box = control(el, name);
      if (box.checked !== value) box.click();
    } else if (Array.isArray(value)) {
      for (const option of value) control(el, name, option).click();
    } else if (control(el, name).type === 'radio') {
      control(el, name, value).click();
    } else {
      const field = control<HTMLInputElement | HTMLSelectElement>(el, name);
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
  }
}

/** The least the seed event needs to be valid. */
export const required = {
  'attendee.name': 'Anna de Vries',
  'attendee.email': 'anna@example.org',
  'attendee.organisation': 'Woonstichting Voorbeeld',
  member: 'true',
  'answers.workshop': 'Buurtbeheer',
  'answers.photos': true,
  consent: true,
};

export function submitButton(el: BijeenRegistrationForm): HTMLButtonElement {
  return find<HTMLButtonElement>(el, '[part="submit"]')!;
}

/** The texts of the polite and the alert status regions. */
export function status(el: BijeenRegistrationForm): { polite: string; alert: string } {
  const [polite, alert] = findAll(el, '[part="status"]');
  return { polite: polite.textContent!.replace(/\s+/g, ' ').trim(), alert: alert.textContent!.replace(/\s+/g, ' ').trim() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
