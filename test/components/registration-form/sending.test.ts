// Sending a registration over real HTTP to the scripted endpoint (contract sections 4 and 5).
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BijeenRegistrationForm } from '../../../src/components/registration-form/registration-form.js';
import type { RegistrationFailedDetail } from '../../../src/internal/events.js';
import { UUID_V4, type RegistrationPayload } from '../../../src/schema/index.js';
import { udenMeeting } from '../../fixtures/events.js';
import { find, findAll } from '../../support/dom.js';
import {
  control,
  crossOrigin,
  endpoint,
  fill,
  form,
  requests,
  required,
  seedWith,
  sleep,
  status,
  submitButton,
} from './helpers.js';

type Registered = CustomEvent<{ payload: RegistrationPayload; response: unknown }>;
type Failed = CustomEvent<RegistrationFailedDetail>;

async function registered(el: BijeenRegistrationForm, act: () => unknown) {
  const event = oneEvent(el, 'bijeen-registered') as Promise<Registered>;
  await act();
  return (await event).detail;
}

async function failed(el: BijeenRegistrationForm, act: () => unknown) {
  const event = oneEvent(el, 'bijeen-registration-failed') as Promise<Failed>;
  await act();
  return (await event).detail;
}

const bodies = (list: { body: string }[]) => list.map((request) => JSON.parse(request.body) as RegistrationPayload);
const posts = async (path: string) => (await requests(path)).filter((request) => request.method === 'POST');

/** Types text with the keyboard into the focused control. */
const type = (text: string) => sendKeys({ type: text });
const press = (key: string) => sendKeys({ press: key });

function focusedName(el: BijeenRegistrationForm): string | null {
  return (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name ?? null;
}

describe('<bijeen-registration-form> sending', () => {
  beforeEach(() => sessionStorage.clear());

  it('registers by keyboard alone: fill in, add two companions, submit; the endpoint receives exactly the contract body', async function () {
    this.timeout(20_000);
    const path = await endpoint([{ status: 201, body: { id: 'r1', status: 'confirmed' } }]);
    const el = await form({ endpoint: path });
    (document.activeElement as HTMLElement | null)?.blur();

    await press('Tab');
    expect(focusedName(el)).to.equal('attendee.name');
    await type('Anna de Vries');
    await press('Tab');
    await type('anna@example.org');
    await press('Tab');
    await type('Woonstichting Voorbeeld');
    await press('Tab');
    await type('Beleidsadviseur');
    await press('Tab');
    await type('06 12345678');
    await press('Tab');
    expect(focusedName(el)).to.equal('member');
    await press('Space');
    await press('Tab');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('add-companion');
    await press('Enter');
    await el.updateComplete;
    expect(focusedName(el)).to.equal('companions.0.name');
    await type('Bram Jansen');
    await press('Tab');
    await type('bram@example.org');
    await press('Tab');
    await type('Gemeente Voorbeeld');
    await press('Tab');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('remove-companion');
    await press('Tab');
    await press('Enter');
    await el.updateComplete;
    expect(focusedName(el)).to.equal('companions.1.name');
    await type('Carla Smit');
    await press('Tab');
    await type('carla@example.org');
    await press('Tab'); // organisation: optional, left empty
    await press('Tab'); // remove companion 2
    await press('Tab');
    expect(focusedName(el)).to.equal('answers.workshop');
    await press('ArrowDown'); // second option: Buurtbeheer
    await press('Tab');
    expect(focusedName(el)).to.equal('answers.themes');
    await press('Space'); // Toewijzing
    await press('Tab');
    await press('Tab');
    await press('Space'); // Buurtcontact
    await press('Tab');
    await type('Vegetarisch');
    await press('Tab');
    expect(focusedName(el)).to.equal('answers.photos');
    await press('Space');
    await press('Tab');
    await type('Graag een plek vooraan.');
    await press('Tab'); // privacy statement link
    await press('Tab');
    expect(focusedName(el)).to.equal('consent');
    await press('Space');
    await press('Tab');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit');

    const detail = await registered(el, () => press('Enter'));

    const [request, ...more] = await requests(path);
    expect(more).to.have.length(0);
    expect(request.method).to.equal('POST');
    expect(request.headers['content-type']).to.equal('application/json');
    const body = JSON.parse(request.body);
    expect(body.idempotencyKey).to.match(UUID_V4);
    expect(request.headers['idempotency-key']).to.equal(body.idempotencyKey);
    expect(body).to.deep.equal({
      eventId: udenMeeting.id,
      idempotencyKey: body.idempotencyKey,
      attendee: {
        name: 'Anna de Vries',
        email: 'anna@example.org',
        organisation: 'Woonstichting Voorbeeld',
        role: 'Beleidsadviseur',
        phone: '06 12345678',
      },
      member: true,
      companions: [
        { name: 'Bram Jansen', email: 'bram@example.org', organisation: 'Gemeente Voorbeeld' },
        { name: 'Carla Smit', email: 'carla@example.org' },
      ],
      answers: { workshop: 'Buurtbeheer', themes: ['Toewijzing', 'Buurtcontact'], dietary: 'Vegetarisch', photos: true },
      remarks: 'Graag een plek vooraan.',
      consent: true,
      locale: 'nl',
      source: location.origin + location.pathname,
    });
    expect(detail.payload).to.deep.equal(body);
    expect(detail.response).to.deep.equal({ id: 'r1', status: 'confirmed' });
    expect(status(el).polite).to.contain('Bedankt voor uw aanmelding');
    expect(el.shadowRoot!.activeElement?.classList.contains('done')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('sends format="form" as a flattened urlencoded body without a CORS preflight, also cross-origin', async () => {
    const path = await endpoint();
    const el = await form({ endpoint: crossOrigin(path), format: 'form' });
    await fill(el, { ...required, 'answers.themes': ['Begeleiding', 'Buurtcontact'] });
    await registered(el, () => submitButton(el).click());

    const all = await requests(path);
    expect(all.map((request) => request.method)).to.deep.equal(['POST']);
    const [request] = all;
    expect(request.headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
    expect(request.headers).not.to.have.property('idempotency-key');
    const params = new URLSearchParams(request.body);
    expect(params.get('idempotencyKey')).to.match(UUID_V4);
    expect(params.get('eventId')).to.equal(udenMeeting.id);
    expect(params.get('attendee.name')).to.equal('Anna de Vries');
    expect(params.get('attendee.email')).to.equal('anna@example.org');
    expect(params.get('member')).to.equal('true');
    expect(params.getAll('answers.themes')).to.deep.equal(['Begeleiding', 'Buurtcontact']);
    expect(params.get('answers.photos')).to.equal('true');
    expect(params.get('consent')).to.equal('true');
    expect(params.get('locale')).to.equal('nl');
    expect(params.has('website')).to.equal(false);
  });

  it('does send a preflight for JSON cross-origin (so the form test above can tell)', async () => {
    const path = await endpoint();
    const el = await form({ endpoint: crossOrigin(path) });
    await fill(el, required);
    await registered(el, () => submitButton(el).click());
    const all = await requests(path);
    expect(all.map((request) => request.method)).to.deep.equal(['OPTIONS', 'POST']);
    expect(all[0].headers['access-control-request-headers']).to.contain('idempotency-key');
  });

  it('503, 503, 201: one success after three requests with the same key', async () => {
    const path = await endpoint([{ status: 503 }, { status: 503, type: 'text/html', body: '<h1>Service Unavailable</h1>' }, { status: 201 }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    const detail = await registered(el, () => submitButton(el).click());

    const sent = await posts(path);
    expect(sent).to.have.length(3);
    const keys = sent.map((request) => request.headers['idempotency-key']);
    expect(new Set(keys).size).to.equal(1);
    expect(bodies(sent).map((body) => body.idempotencyKey)).to.deep.equal(keys);
    expect(detail.payload.idempotencyKey).to.equal(keys[0]);
    expect(status(el).polite).to.contain('Bedankt');
  });

  it('429 with Retry-After: 1 waits at least one second before the next attempt', async function () {
    this.timeout(15_000);
    const path = await endpoint([{ status: 429, headers: { 'Retry-After': '1' }, body: { error: 'slow down' } }, { status: 201 }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    await registered(el, () => submitButton(el).click());
    const [first, second] = await posts(path);
    expect(second.time - first.time).to.be.at.least(1000);
  });

  it('does not wait for a Retry-After beyond 30 seconds: stops and offers the retry button', async () => {
    const path = await endpoint([{ status: 429, headers: { 'Retry-After': '120' } }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    const detail = await failed(el, () => submitButton(el).click());
    expect(detail).to.deep.equal({ reason: 'rate-limited', status: 429, attempts: 1 });
    expect(status(el).alert).to.contain('te druk');
    expect(findAll(el, '[part="retry"]')).to.have.length(1);
  });

  it('gives up on a hung response after `timeout` and retries with the same key', async () => {
    const path = await endpoint([{ hang: true }, { status: 201 }]);
    const el = await form({ endpoint: path, timeout: 300 });
    await fill(el, required);
    const started = Date.now();
    await registered(el, () => submitButton(el).click());
    expect(Date.now() - started).to.be.at.least(300);
    const sent = await posts(path);
    expect(sent).to.have.length(2);
    expect(sent[1].headers['idempotency-key']).to.equal(sent[0].headers['idempotency-key']);
  });

  for (const reset of ['headers', 'body'] as const) {
    it(`retries when the connection is reset mid-response (after the ${reset})`, async () => {
      const path = await endpoint([{ status: 201, reset }, { status: 201, body: { id: 'r2', status: 'confirmed' } }]);
      const el = await form({ endpoint: path });
      await fill(el, required);
      const detail = await registered(el, () => submitButton(el).click());
      const sent = await posts(path);
      expect(sent).to.have.length(2);
      expect(sent[1].headers['idempotency-key']).to.equal(sent[0].headers['idempotency-key']);
      expect(detail.response).to.deep.equal({ id: 'r2', status: 'confirmed' });
    });
  }

  it('reports a network error when nothing answers', async () => {
    const el = await form({ endpoint: 'http://127.0.0.1:9/registrations', retries: 1 });
    await fill(el, required);
    const detail = await failed(el, () => submitButton(el).click());
    expect(detail).to.deep.equal({ reason: 'network', status: undefined, attempts: 2 });
    expect(status(el).alert).to.contain('geen verbinding');
  });

  it('after every attempt fails: a plain explanation, typed values intact, and a retry button that reuses the key', async () => {
    const path = await endpoint([{ status: 503 }, { status: 500 }, { status: 502 }, { status: 201 }]);
    const el = await form({ endpoint: path, retries: 2 });
    await fill(el, { ...required, remarks: 'Tot dan!' });
    const detail = await failed(el, () => submitButton(el).click());
    expect(detail).to.deep.equal({ reason: 'server', status: 502, attempts: 3 });

    const alert = find(el, '[role="alert"]')!;
    expect(alert.getAttribute('part')).to.equal('status');
    expect(status(el).alert).to.contain('storing');
    expect(status(el).alert).to.contain('Foutcode: 502');
    expect(status(el).alert).to.contain('Uw gegevens staan nog in het formulier');
    expect(control(el, 'attendee.name').value).to.equal('Anna de Vries');
    expect(control<HTMLTextAreaElement>(el, 'remarks').value).to.equal('Tot dan!');
    expect(control(el, 'consent').checked).to.equal(true);
    const mail = find<HTMLAnchorElement>(el, '[role="alert"] a[href^="mailto:"]')!;
    expect(mail.href).to.match(/^mailto:aanmelden@example\.org\?subject=/);
    await expect(el).to.be.accessible();

    await registered(el, () => find(el, '[part="retry"]')!.click());
    const keys = (await posts(path)).map((request) => request.headers['idempotency-key']);
    expect(keys).to.have.length(4);
    expect(new Set(keys).size).to.equal(1);
  });

  it('changed data after a failure gets a new key; unchanged data keeps it', async () => {
    const path = await endpoint([{ status: 400 }, { status: 400 }, { status: 201 }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    await failed(el, () => submitButton(el).click());
    await failed(el, () => submitButton(el).click());
    await fill(el, { 'attendee.role': 'Projectleider' });
    await registered(el, () => submitButton(el).click());
    const [a, b, c] = (await posts(path)).map((request) => request.headers['idempotency-key']);
    expect(a).to.equal(b);
    expect(c).not.to.equal(a);
  });

  it('sends one registration however often submit is clicked or Enter is pressed while sending', async () => {
    // Long enough for the axe check and every key press below to land while sending, on a busy machine too.
    const path = await endpoint([{ status: 201, delay: 2500 }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    const done = oneEvent(el, 'bijeen-registered');
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(submitButton(el).disabled).to.equal(false);
    expect(status(el).polite).to.contain('wordt verstuurd');
    await expect(el).to.be.accessible();
    submitButton(el).click();
    submitButton(el).click();
    submitButton(el).focus();
    await press('Enter');
    control(el, 'attendee.name').focus();
    await press('Enter');
    await press('Enter');
    await done;
    await sleep(100);
    expect(await posts(path)).to.have.length(1);
  });

  it('409 duplicate: a friendly "already registered", which counts as success', async () => {
    const path = await endpoint([{ status: 409, body: { status: 'duplicate', message: 'U staat al op de lijst.' } }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    const detail = await registered(el, () => submitButton(el).click());
    expect(detail.response).to.deep.equal({ status: 'duplicate', message: 'U staat al op de lijst.' });
    expect(status(el).polite).to.contain('U was al aangemeld');
    expect(status(el).polite).to.contain('U staat al op de lijst.');
    expect(sessionStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('409 full: says there is no place left, keeps the input, reason "full"', async () => {
    const path = await endpoint([{ status: 409, body: { status: 'full' } }]);
    const el = await form({ endpoint: path, event: seedWith({ waitlist: false }) });
    await fill(el, required);
    const detail = await failed(el, () => submitButton(el).click());
    expect(detail).to.deep.equal({ reason: 'full', status: 409, attempts: 1 });
    expect(status(el).alert).to.contain('geen plaats meer vrij');
    expect(control(el, 'attendee.email').value).to.equal('anna@example.org');
    expect(findAll(el, '[part="retry"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('409 full for an event with a waiting list: the waiting list is full too', async () => {
    const path = await endpoint([{ status: 409, body: { status: 'full' } }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    await failed(el, () => submitButton(el).click());
    expect(status(el).alert).to.contain('ook niet op de wachtlijst');
  });

  it('422: puts each message on its field and focuses the summary', async () => {
    const path = await endpoint([
      {
        status: 422,
        body: {
          errors: [
            { path: 'attendee.email', message: 'Dit e-mailadres is al gebruikt' },
            { path: 'eventId', message: 'Onbekend evenement' },
          ],
        },
      },
    ]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    const detail = await failed(el, () => submitButton(el).click());
    expect(detail).to.deep.equal({ reason: 'rejected', status: 422, attempts: 1 });
    await el.updateComplete;
    const summary = find(el, '[part="error-summary"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(findAll(el, '[part="error-summary"] a').map((a) => a.getAttribute('href'))).to.deep.equal(['#c-attendee.email']);
    expect(summary.textContent).to.contain('Onbekend evenement');
    expect(find(el, '#e-attendee\\.email')!.textContent).to.contain('Dit e-mailadres is al gebruikt');
    expect(control(el, 'attendee.email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  for (const code of [400, 403, 404, 413]) {
    it(`${code}: a clear refusal with the code, input kept, the e-mail route, no retry`, async () => {
      const path = await endpoint([{ status: code, body: { error: 'nope' } }]);
      const el = await form({ endpoint: path });
      await fill(el, required);
      const detail = await failed(el, () => submitButton(el).click());
      expect(detail).to.deep.equal({ reason: 'rejected', status: code, attempts: 1 });
      expect(status(el).alert).to.contain(`niet aangenomen`);
      expect(status(el).alert).to.contain(`Foutcode: ${code}`);
      expect(findAll(el, '[part="retry"]')).to.have.length(0);
      expect(findAll(el, '[role="alert"] a[href^="mailto:"]')).to.have.length(1);
      expect(control(el, 'attendee.name').value).to.equal('Anna de Vries');
      expect(await posts(path)).to.have.length(1);
    });
  }

  it('an HTML 502 page from a proxy breaks nothing: retried, then a server failure', async () => {
    const html502 = '<!doctype html><html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
    const path = await endpoint([
      { status: 502, type: 'text/html', body: html502 },
      { status: 502, type: 'text/html', body: html502 },
    ]);
    const el = await form({ endpoint: path, retries: 1 });
    await fill(el, required);
    const detail = await failed(el, () => submitButton(el).click());
    expect(detail).to.deep.equal({ reason: 'server', status: 502, attempts: 2 });
    expect(status(el).alert).to.contain('storing');
    expect(status(el).alert).not.to.contain('nginx');
    await expect(el).to.be.accessible();
  });

  it('a failure without registration.email offers no e-mail route', async () => {
    const path = await endpoint([{ status: 500 }]);
    const el = await form({ endpoint: path, retries: 0, event: seedWith({ email: undefined }) });
    await fill(el, required);
    await failed(el, () => submitButton(el).click());
    expect(findAll(el, 'a[href^="mailto:"]')).to.have.length(0);
    expect(findAll(el, '[part="retry"]')).to.have.length(1);
  });

  for (const [word, text] of [
    ['waitlisted', 'U staat op de wachtlijst'],
    ['pending', 'Uw aanmelding is ontvangen'],
  ]) {
    it(`2xx with status "${word}" shows its own wording`, async () => {
      const path = await endpoint([{ status: 202, body: { id: 'x', status: word, message: 'Tot ziens in Uden.' } }]);
      const el = await form({ endpoint: path });
      await fill(el, required);
      await registered(el, () => submitButton(el).click());
      expect(status(el).polite).to.contain(text);
      expect(status(el).polite).to.contain('Tot ziens in Uden.');
      await expect(el).to.be.accessible();
    });
  }

  it('2xx without a body counts as confirmed', async () => {
    const path = await endpoint([{ status: 204, body: '' }]);
    const el = await form({ endpoint: path });
    await fill(el, required);
    const detail = await registered(el, () => submitButton(el).click());
    expect(detail.response).to.deep.equal({ status: 'confirmed' });
    expect(status(el).polite).to.contain('Bedankt voor uw aanmelding');
  });

  it('sends nothing when a bijeen-submit listener cancels', async () => {
    const path = await endpoint();
    const el = await form({ endpoint: path });
    await fill(el, required);
    el.addEventListener('bijeen-submit', (event) => event.preventDefault(), { once: true });
    const submitted = oneEvent(el, 'bijeen-submit');
    submitButton(el).click();
    const event = (await submitted) as CustomEvent<{ payload: RegistrationPayload }>;
    expect(event.cancelable).to.equal(true);
    expect(event.detail.payload.attendee.name).to.equal('Anna de Vries');
    await sleep(200);
    expect(await requests(path)).to.have.length(0);
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('sends nothing when the honeypot is filled in', async () => {
    const path = await endpoint();
    const el = await form({ endpoint: path });
    await fill(el, required);
    let submitted = false;
    el.addEventListener('bijeen-submit', () => (submitted = true));
    control(el, 'website').value = 'https://spam.example.org';
    submitButton(el).click();
    await sleep(200);
    expect(submitted).to.equal(false);
    expect(await requests(path)).to.have.length(0);
  });

  it('clears the draft after success', async () => {
    const path = await endpoint();
    const el = await form({ endpoint: path });
    await fill(el, required);
    expect(sessionStorage.length).to.equal(1);
    await registered(el, () => submitButton(el).click());
    expect(sessionStorage.length).to.equal(0);
  });

  it('keeps the key in the draft, so the same data after a reload mid-send is not registered twice', async () => {
    const path = await endpoint([{ hang: true }, { status: 201 }]);
    const el = await form({ endpoint: path, timeout: 5000 });
    await fill(el, required);
    submitButton(el).click();
    await waitUntil(async () => (await posts(path)).length === 1, 'the first request reached the endpoint', { timeout: 5000 });
    el.remove(); // the visitor reloads while the first request hangs

    const again = await form({ endpoint: path });
    expect(control(again, 'attendee.name').value).to.equal('Anna de Vries');
    await registered(again, () => submitButton(again).click());
    const keys = (await posts(path)).map((request) => request.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('speaks English: progress, failure and success', async () => {
    const path = await endpoint([{ status: 503 }, { status: 201, body: { id: 'e', status: 'waitlisted' } }]);
    const el = await form({ endpoint: path, lang: 'en', retries: 0 });
    await fill(el, required);
    await failed(el, () => submitButton(el).click());
    expect(status(el).alert).to.contain('there is a fault');
    expect(status(el).alert).to.contain('Error code: 503');
    expect(find(el, '[part="retry"]')!.textContent).to.contain('Try again');
    await expect(el).to.be.accessible();
    await registered(el, () => find(el, '[part="retry"]')!.click());
    expect(status(el).polite).to.contain('You are on the waiting list');
    await expect(el).to.be.accessible();
  });
});
