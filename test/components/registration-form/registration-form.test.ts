// The form's fields, validation, companions, closed states, e-mail route and draft.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { BijeenRegistrationForm } from '../../../src/components/registration-form/registration-form.js';
import type { DataErrorDetail } from '../../../src/internal/events.js';
import type { EventInput } from '../../../src/schema/index.js';
import { minimalEvent, udenMeeting } from '../../fixtures/events.js';
import { captureWarnings } from '../../support/console.js';
import { REGISTRATION_OPEN } from '../../support/clock.js';
import { find, findAll } from '../../support/dom.js';
import { control, endpoint, fill, form, requests, required, seedWith, sleep, submitButton } from './helpers.js';

const allQuestionTypes: EventInput = {
  id: 'alle-vragen',
  title: 'Proefbijeenkomst',
  start: '2030-03-12T13:00:00+01:00',
  registration: {
    endpoint: '/registration-endpoint/unused',
    questions: [
      { id: 'q-text', label: 'Korte vraag', type: 'text', required: true },
      { id: 'q-textarea', label: 'Lange vraag', type: 'textarea' },
      { id: 'q-select', label: 'Kies een ronde', type: 'select', options: ['Ochtend', 'Middag'], required: true },
      { id: 'q-radio', label: 'Komt u met de trein?', type: 'radio', options: ['Ja', 'Nee'] },
      { id: 'q-multi', label: 'Welke thema’s?', type: 'checkbox', options: ['Wonen', 'Zorg', 'Werk'], required: true },
      { id: 'q-confirm', label: 'Ik heb het programma gelezen', type: 'checkbox', required: true },
    ],
  },
};
const OPEN_2030 = Date.parse('2030-01-01T12:00:00+01:00');

function activeName(el: BijeenRegistrationForm): string | null {
  return (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name ?? null;
}

function labelOf(el: BijeenRegistrationForm, name: string): string {
  return find(el, `label[for="c-${name}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('<bijeen-registration-form>', () => {
  beforeEach(() => sessionStorage.clear());

  describe('fields', () => {
    it('names every control by its payload path, in one form with novalidate', async () => {
      const el = await form();
      const formElement = find<HTMLFormElement>(el, 'form')!;
      expect(formElement.noValidate).to.equal(true);
      expect(formElement.getAttribute('part')).to.equal('form');
      const names = [...new Set(findAll<HTMLInputElement>(el, '[name]').map((c) => c.name))];
      expect(names).to.deep.equal([
        'attendee.name',
        'attendee.email',
        'attendee.organisation',
        'attendee.role',
        'attendee.phone',
        'member',
        'answers.workshop',
        'answers.themes',
        'answers.dietary',
        'answers.photos',
        'remarks',
        'consent',
        'website',
      ]);
      await expect(el).to.be.accessible();
    });

    it('marks optional fields "(niet verplicht)", required ones `required`, and sets autocomplete', async () => {
      const el = await form();
      expect(labelOf(el, 'attendee.name')).to.equal('Naam');
      expect(labelOf(el, 'attendee.role')).to.equal('Functie (niet verplicht)');
      expect(labelOf(el, 'attendee.phone')).to.equal('Telefoonnummer (niet verplicht)');
      expect(labelOf(el, 'remarks')).to.equal('Opmerkingen (niet verplicht)');
      expect(control(el, 'attendee.name').required).to.equal(true);
      expect(control(el, 'attendee.role').required).to.equal(false);
      const autocomplete = Object.fromEntries(
        ['name', 'email', 'organisation', 'role', 'phone'].map((f) => [f, control(el, `attendee.${f}`).autocomplete]),
      );
      expect(autocomplete).to.deep.equal({
        name: 'name',
        email: 'email',
        organisation: 'organization',
        role: 'organization-title',
        phone: 'tel',
      });
      expect(control(el, 'attendee.email').type).to.equal('email');
      expect(control(el, 'attendee.phone').type).to.equal('tel');
    });

    it('asks the member question as a yes/no radio group with the question as legend', async () => {
      const el = await form();
      const group = control(el, 'member').closest('fieldset')!;
      expect(group.querySelector('legend')!.textContent).to.contain(udenMeeting.registration.memberQuestion);
      expect(findAll<HTMLInputElement>(el, '[name="member"]').map((r) => [r.type, r.value])).to.deep.equal([
        ['radio', 'true'],
        ['radio', 'false'],
      ]);
    });

    it('hides the honeypot from people and assistive technology', async () => {
      const el = await form();
      const honeypot = control(el, 'website');
      expect(honeypot.tabIndex).to.equal(-1);
      expect(honeypot.getAttribute('autocomplete')).to.equal('off');
      expect(honeypot.closest('[aria-hidden="true"]')).not.to.equal(null);
      expect(honeypot.getBoundingClientRect().right).to.be.at.most(0);
    });

    it('links the consent to the privacy statement in a new tab, and says so', async () => {
      const el = await form();
      const link = find<HTMLAnchorElement>(el, 'a[target="_blank"]')!;
      expect(link.href).to.equal('https://example.org/privacy');
      expect(link.rel).to.contain('noopener');
      expect(link.textContent).to.contain('(opent in een nieuw venster)');
      expect(control(el, 'consent').getAttribute('aria-describedby')).to.equal(link.parentElement!.id);
    });

    it('has no consent box without a privacy URL', async () => {
      const el = await form({ event: seedWith({ privacyUrl: undefined }) });
      expect(findAll(el, '[name="consent"]')).to.have.length(0);
    });

    it('renders every question type and sends each answer in its shape', async () => {
      const path = await endpoint();
      const el = await form({ event: allQuestionTypes, endpoint: path, now: OPEN_2030 });
      expect(control(el, 'answers.q-text').type).to.equal('text');
      expect(control(el, 'answers.q-textarea').localName).to.equal('textarea');
      expect(control(el, 'answers.q-select').localName).to.equal('select');
      expect(findAll<HTMLInputElement>(el, '[name="answers.q-radio"]').map((r) => r.type)).to.deep.equal(['radio', 'radio']);
      expect(findAll<HTMLInputElement>(el, '[name="answers.q-multi"]').map((r) => r.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
      expect(findAll<HTMLInputElement>(el, '[name="answers.q-confirm"]').map((r) => r.type)).to.deep.equal(['checkbox']);
      expect(labelOf(el, 'answers.q-textarea')).to.equal('Lange vraag (niet verplicht)');
      await expect(el).to.be.accessible();

      await fill(el, {
        'attendee.name': 'Anna de Vries',
        'attendee.email': 'anna@example.org',
        'attendee.organisation': 'Woonstichting Voorbeeld',
        'answers.q-text': 'Kort',
        'answers.q-textarea': 'Lang antwoord',
        'answers.q-select': 'Middag',
        'answers.q-radio': 'Nee',
        'answers.q-multi': ['Zorg', 'Werk'],
        'answers.q-confirm': true,
      });
      const registered = oneEvent(el, 'bijeen-registered');
      submitButton(el).click();
      await registered;
      const [request] = await requests(path);
      expect(JSON.parse(request.body).answers).to.deep.equal({
        'q-text': 'Kort',
        'q-textarea': 'Lang antwoord',
        'q-select': 'Middag',
        'q-radio': 'Nee',
        'q-multi': ['Zorg', 'Werk'],
        'q-confirm': true,
      });
    });
  });

  describe('validation', () => {
    it('on submit: a focused error summary linking to each field, messages above the controls, nothing sent', async () => {
      const path = await endpoint();
      const el = await form({ endpoint: path });
      await fill(el, { 'attendee.email': 'anna.example.org' });
      submitButton(el).click();
      await el.updateComplete;

      const summary = find(el, '[part="error-summary"]')!;
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      expect(summary.textContent).to.contain('Er zijn 7 problemen met uw aanmelding');
      const links = [...summary.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        '#c-attendee.name',
        '#c-attendee.email',
        '#c-attendee.organisation',
        '#c-member',
        '#c-answers.workshop',
        '#c-answers.photos',
        '#c-consent',
      ]);
      expect(links[1].textContent).to.equal('Een e-mailadres heeft de vorm naam@voorbeeld.nl');

      const email = control(el, 'attendee.email');
      const message = find(el, '#e-attendee\\.email')!;
      expect(message.getAttribute('part')).to.equal('error');
      expect(message.textContent).to.equal('Invoerfout: Een e-mailadres heeft de vorm naam@voorbeeld.nl');
      expect(message.querySelector('.visually-hidden')!.textContent!.trim()).to.equal('Invoerfout:');
      expect(message.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.getAttribute('aria-describedby')).to.equal('e-attendee.email');
      expect(email.value).to.equal('anna.example.org');
      expect(control(el, 'attendee.name').closest('[part="field"]')!.querySelector('[part="error"]')!.textContent).to.contain(
        'Vul uw naam in',
      );
      await sleep(50);
      expect(await requests(path)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('summary links move focus to their control (a radio group: its first radio)', async () => {
      const el = await form();
      submitButton(el).click();
      await el.updateComplete;
      const before = location.href;
      find(el, '[part="error-summary"] a[href="#c-attendee.organisation"]')!.click();
      expect(activeName(el)).to.equal('attendee.organisation');
      find(el, '[part="error-summary"] a[href="#c-member"]')!.click();
      expect(control(el, 'member', 'true')).to.equal(el.shadowRoot!.activeElement);
      expect(location.href).to.equal(before);
    });

    it('never clears what was typed, and clears the messages once fixed', async () => {
      const el = await form();
      await fill(el, { 'attendee.name': 'Anna', 'attendee.phone': '06-123', remarks: 'Hallo' });
      submitButton(el).click();
      await el.updateComplete;
      expect(control(el, 'attendee.name').value).to.equal('Anna');
      expect(control(el, 'attendee.phone').value).to.equal('06-123');
      expect(find(el, '#e-attendee\\.phone')!.textContent).to.contain('telefoonnummer');
      await fill(el, { ...required, 'attendee.phone': '06 12345678' });
      const submitted = oneEvent(el, 'bijeen-submit');
      el.addEventListener('bijeen-submit', (e) => e.preventDefault(), { once: true });
      submitButton(el).click();
      await submitted;
      await el.updateComplete;
      expect(findAll(el, '[part="error"], [part="error-summary"]')).to.have.length(0);
      expect(control<HTMLTextAreaElement>(el, 'remarks').value).to.equal('Hallo');
    });

    it('speaks English: labels, "(optional)", "Error:" and the messages', async () => {
      const el = await form({ lang: 'en' });
      expect(labelOf(el, 'attendee.role')).to.equal('Job title (optional)');
      expect(submitButton(el).textContent!.trim()).to.equal('Register');
      submitButton(el).click();
      await el.updateComplete;
      expect(find(el, '[part="error-summary"]')!.textContent).to.contain('There are 7 problems with your registration');
      expect(find(el, '#e-attendee\\.email')!.textContent).to.equal('Error: Enter your e-mail address');
      await expect(el).to.be.accessible();
    });
  });

  describe('companions', () => {
    it('adds up to maxCompanions, labelled with companionLabel; focus and the count are announced', async () => {
      const el = await form();
      const add = () => find(el, '[part="add-companion"]')!;
      expect(add().textContent!.trim()).to.equal('Voeg een samenwerkingspartner toe');
      add().click();
      await el.updateComplete;
      expect(activeName(el)).to.equal('companions.0.name');
      expect(find(el, 'fieldset.companion legend')!.textContent).to.equal('Samenwerkingspartner 1');
      expect(find(el, '[aria-live="polite"]')!.textContent).to.equal('Samenwerkingspartner 1 toegevoegd, 1 van 2');
      add().click();
      await el.updateComplete;
      expect(activeName(el)).to.equal('companions.1.name');
      expect(findAll(el, '[part="add-companion"]')).to.have.length(0);
      expect(findAll(el, '[part="remove-companion"]').map((b) => b.textContent!.trim())).to.deep.equal([
        'Verwijder samenwerkingspartner 1',
        'Verwijder samenwerkingspartner 2',
      ]);
      await expect(el).to.be.accessible();
    });

    it('removes one, renumbers the rest with their values, and moves focus to "add"', async () => {
      const el = await form();
      find(el, '[part="add-companion"]')!.click();
      await el.updateComplete;
      find(el, '[part="add-companion"]')!.click();
      await el.updateComplete;
      await fill(el, {
        'companions.0.name': 'Bram',
        'companions.0.email': 'bram@example.org',
        'companions.1.name': 'Carla',
        'companions.1.email': 'carla@example.org',
        'companions.1.organisation': 'Gemeente',
      });
      findAll(el, '[part="remove-companion"]')[0].click();
      await el.updateComplete;
      expect(findAll(el, 'fieldset.companion')).to.have.length(1);
      expect(control(el, 'companions.0.name').value).to.equal('Carla');
      expect(control(el, 'companions.0.organisation').value).to.equal('Gemeente');
      expect(el.shadowRoot!.activeElement).to.equal(find(el, '[part="add-companion"]')!);
      expect(find(el, '[aria-live="polite"]')!.textContent).to.equal('Samenwerkingspartner 1 verwijderd, 1 van 2');
    });

    it('honours the max-companions attribute, and calls them "extra deelnemer" without a label', async () => {
      const el = await fixture<BijeenRegistrationForm>(html`<bijeen-registration-form
        .event=${seedWith({ companionLabel: undefined })}
        .now=${REGISTRATION_OPEN}
        endpoint="/registration-endpoint/unused"
        max-companions="1"
      ></bijeen-registration-form>`);
      find(el, '[part="add-companion"]')!.click();
      await el.updateComplete;
      expect(find(el, 'fieldset.companion legend')!.textContent).to.equal('Extra deelnemer 1');
      expect(findAll(el, '[part="add-companion"]')).to.have.length(0);
    });
  });

  describe('closed states', () => {
    const cases: [string, EventInput, number | Date, string][] = [
      ['not yet open, with the opening date', udenMeeting, Date.parse('2018-06-01T12:00:00+02:00'), 'Aanmelden kan vanaf maandag 2 juli 2018, 9.00 uur.'],
      ['closed', udenMeeting, Date.parse('2018-09-15T12:00:00+02:00'), 'De aanmelding voor deze bijeenkomst is gesloten.'],
      ['cancelled', seedWith({}, { status: 'cancelled' }), REGISTRATION_OPEN, 'Deze bijeenkomst gaat niet door.'],
      ['postponed', seedWith({}, { status: 'postponed' }), REGISTRATION_OPEN, 'Deze bijeenkomst is uitgesteld; aanmelden kan weer zodra de nieuwe datum bekend is.'],
      ['past', udenMeeting, Date.parse('2018-09-18T17:00:00+02:00'), 'Deze bijeenkomst is voorbij.'],
      ['full', seedWith({ remaining: 0, waitlist: false }), REGISTRATION_OPEN, 'Deze bijeenkomst is vol. U kunt zich niet meer aanmelden.'],
    ];
    for (const [name, event, now, sentence] of cases) {
      it(`${name}: a clear sentence and no form`, async () => {
        const el = await form({ event, now });
        expect(findAll(el, 'form, input, button')).to.have.length(0);
        expect(find(el, '.notice')!.textContent).to.contain(sentence);
        el.focus();
        expect(el.shadowRoot!.activeElement).to.equal(find(el, '.notice')!);
        await expect(el).to.be.accessible();
      });
    }

    it('takes the clock from `now`, a Date or epoch milliseconds; without it, the current time', async () => {
      const closed = await form({ now: new Date('2018-09-15T12:00:00+02:00') });
      expect(find(closed, '.notice')!.textContent).to.contain('gesloten');
      const hoursAhead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
      const upcoming = seedWith({ opens: undefined, closes: undefined }, { start: hoursAhead(48), end: hoursAhead(52) });
      for (const [event, open] of [
        [upcoming, true],
        [udenMeeting, false],
      ] as const) {
        const el = await fixture<BijeenRegistrationForm>(html`<bijeen-registration-form
          .event=${event}
          endpoint="/registration-endpoint/unused"
        ></bijeen-registration-form>`);
        expect(findAll(el, 'form')).to.have.length(open ? 1 : 0);
        if (!open) expect(find(el, '.notice')!.textContent).to.contain('voorbij');
      }
    });

    it('not yet open, in English and in the event’s time zone', async () => {
      const el = await form({ lang: 'en', now: Date.parse('2018-06-01T12:00:00Z') });
      expect(find(el, '.notice')!.textContent).to.equal('Registration opens Monday 2 July 2018, 09:00.');
    });

    it('full with a waiting list: the waiting-list form, says so', async () => {
      const el = await form({ event: seedWith({ remaining: 0 }) });
      expect(find(el, 'form .notice')!.textContent).to.contain('U kunt zich aanmelden voor de wachtlijst');
      expect(submitButton(el).textContent!.trim()).to.equal('Aanmelden voor de wachtlijst');
      await expect(el).to.be.accessible();
    });

    it('an event without a way to register: a sentence, and a bijeen-data-error for the integrator', async () => {
      const warnings = await captureWarnings(async () => {
        const error = new Promise<CustomEvent<DataErrorDetail>>((resolve) =>
          document.addEventListener('bijeen-data-error', (e) => resolve(e as CustomEvent<DataErrorDetail>), { once: true }),
        );
        const el = await form({ event: minimalEvent, endpoint: null });
        expect((await error).detail.message).to.contain('geen endpoint');
        expect(find(el, '.notice')!.textContent).to.contain('niet via dit formulier');
      });
      expect(warnings).to.have.length(1);
    });
  });

  describe('attributes', () => {
    it('privacy-url and endpoint override the event; an invalid one is reported and ignored', async () => {
      const warnings = await captureWarnings(async () => {
        const error = new Promise<CustomEvent<DataErrorDetail>>((resolve) =>
          document.addEventListener('bijeen-data-error', (e) => resolve(e as CustomEvent<DataErrorDetail>), { once: true }),
        );
        const el = await fixture<BijeenRegistrationForm>(html`<bijeen-registration-form
          .event=${udenMeeting}
          .now=${REGISTRATION_OPEN}
          endpoint="javascript:alert(1)"
          privacy-url="/privacy-nl"
          max-companions="12"
          format="xml"
        ></bijeen-registration-form>`);
        const { issues } = (await error).detail;
        expect(issues!.map((issue) => issue.path)).to.deep.equal(['endpoint', 'max-companions', 'format']);
        expect(find<HTMLAnchorElement>(el, 'a[target="_blank"]')!.href).to.equal(new URL('/privacy-nl', location.href).href);
        expect(findAll(el, '[part="add-companion"]')).to.have.length(1);
      });
      expect(warnings).to.have.length(1);
    });

    it('focus() moves focus to the first field', async () => {
      const el = await form();
      el.focus();
      expect(activeName(el)).to.equal('attendee.name');
    });
  });

  describe('e-mail route', () => {
    it('without an endpoint but with registration.email: says so up front and prepares a mailto, sending nothing', async () => {
      const el = await form({ event: seedWith({ endpoint: undefined }), endpoint: null });
      expect(find(el, 'form .notice')!.textContent).to.contain('U meldt zich aan per e-mail');
      expect(submitButton(el).textContent!.trim()).to.equal('Aanmelding per e-mail klaarzetten');
      await expect(el).to.be.accessible();
      await fill(el, { ...required, 'answers.themes': ['Toewijzing', 'Begeleiding'] });
      find(el, '[part="add-companion"]')!.click();
      await el.updateComplete;
      await fill(el, { 'companions.0.name': 'Bram Jansen', 'companions.0.email': 'bram@example.org' });
      const submitted = oneEvent(el, 'bijeen-submit');
      submitButton(el).click();
      await submitted;
      await el.updateComplete;

      const link = find<HTMLAnchorElement>(el, '[role="status"] a')!;
      expect(el.shadowRoot!.activeElement).to.equal(link);
      const url = new URL(link.href);
      expect(url.protocol + url.pathname).to.equal('mailto:aanmelden@example.org');
      const query = new URLSearchParams(url.search.replace(/\+/g, '%2B'));
      expect(query.get('subject')).to.equal(`Aanmelding: ${udenMeeting.title}`);
      const body = query.get('body')!;
      expect(body.split('\r\n')).to.deep.equal([
        'Naam: Anna de Vries',
        'E-mailadres: anna@example.org',
        'Organisatie: Woonstichting Voorbeeld',
        `${udenMeeting.registration.memberQuestion}: Ja`,
        'Samenwerkingspartner 1: Bram Jansen, bram@example.org',
        'Aan welke workshop doet u mee?: Buurtbeheer',
        'Welke onderwerpen wilt u bespreken?: Toewijzing, Begeleiding',
        'Ik vind het goed dat er foto’s worden gemaakt: Ja',
        'Ik geef toestemming om mijn gegevens voor deze aanmelding te gebruiken: Ja',
      ]);
      await expect(el).to.be.accessible();
    });
  });

  describe('draft', () => {
    it('restores typed values after the element is re-created, in sessionStorage only, without the honeypot', async () => {
      const localBefore = Object.keys(localStorage).sort();
      const el = await form();
      await fill(el, { 'attendee.name': 'Anna', member: 'false', 'answers.themes': ['Begeleiding'], 'answers.photos': true });
      find(el, '[part="add-companion"]')!.click();
      await el.updateComplete;
      await fill(el, { 'companions.0.name': 'Bram' });
      control(el, 'website').value = 'bot';
      control(el, 'website').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      el.remove();

      const again = await form();
      expect(control(again, 'attendee.name').value).to.equal('Anna');
      expect(control(again, 'member', 'false').checked).to.equal(true);
      expect(control(again, 'answers.themes', 'Begeleiding').checked).to.equal(true);
      expect(control(again, 'answers.themes', 'Toewijzing').checked).to.equal(false);
      expect(control(again, 'answers.photos').checked).to.equal(true);
      expect(control(again, 'companions.0.name').value).to.equal('Bram');
      expect(control(again, 'website').value).to.equal('');
      expect(Object.keys(localStorage).sort()).to.deep.equal(localBefore);
      expect(Object.keys(localStorage).filter((key) => key.startsWith('bijeen-registration:'))).to.deep.equal([]);
      const stored = sessionStorage.getItem(`bijeen-registration:${udenMeeting.id}`)!;
      expect(stored).to.contain('Anna');
      expect(stored).not.to.contain('bot');
    });

    it('restores a chosen select option', async () => {
      const el = await form({ event: allQuestionTypes, now: OPEN_2030 });
      await fill(el, { 'answers.q-select': 'Middag' });
      el.remove();
      const again = await form({ event: allQuestionTypes, now: OPEN_2030 });
      expect(control<HTMLSelectElement>(again, 'answers.q-select').value).to.equal('Middag');
    });

    it('works when sessionStorage is unavailable (it throws in some privacy modes)', async () => {
      const original = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
      Object.defineProperty(window, 'sessionStorage', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      try {
        const path = await endpoint();
        const el = await form({ endpoint: path });
        await fill(el, required);
        const registered = oneEvent(el, 'bijeen-registered');
        submitButton(el).click();
        await registered;
        expect(await requests(path)).to.have.length(1);
      } finally {
        Object.defineProperty(window, 'sessionStorage', original);
      }
    });
  });
});
