import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/registration-form/registration-form.js';
import type { BijeenRegistrationForm } from '../src/components/registration-form/registration-form.js';
import type { RegistrationFailureReason } from '../src/internal/events.js';
import type { EventInput } from '../src/schema/index.js';
import { udenMeeting } from '../test/fixtures/events.js';
import { mockFetch, type Reply } from './support/mock-fetch.js';

/**
 * Every state of the form, viewable without a backend: `mockFetch` (support/mock-fetch.ts) answers
 * for the demo endpoint and the demo feed below, as each story scripts them. `play` functions fill
 * in and submit through the controls' public names, as a partner's own end-to-end test would.
 */

const ENDPOINT = udenMeeting.registration.endpoint;
const FEED = 'https://example.org/events/wat-werkt-in-huisvesting.json';

/** The endpoint's answers to a story's submissions, in turn (the last one repeats). */
const replies = (...list: Reply[]) => ({ mock: { [ENDPOINT]: list } });

interface Args {
  lang: 'nl' | 'en';
  /** The clock, as an ISO date-time: decides the closed states. */
  now: string;
  event: EventInput;
  endpoint?: string;
  format: 'json' | 'form';
  retries: number;
  timeout: number;
}

const answers: Record<string, string | boolean | string[]> = {
  'attendee.name': 'Anna de Vries',
  'attendee.email': 'anna@example.org',
  'attendee.organisation': 'Woonstichting Voorbeeld',
  'attendee.role': 'Beleidsadviseur',
  member: 'true',
  'answers.workshop': 'Buurtbeheer',
  'answers.themes': ['Toewijzing', 'Buurtcontact'],
  'answers.photos': true,
  consent: true,
};

/** Fills in the form as a visitor would (input events on the named controls), then optionally submits. */
async function fillIn(
  canvas: HTMLElement,
  { values = answers, companions = 0, submit = true }: { values?: typeof answers; companions?: number; submit?: boolean } = {},
) {
  const el = canvas.querySelector<BijeenRegistrationForm>('bijeen-registration-form')!;
  await el.updateComplete;
  const root = el.shadowRoot!;
  for (let i = 0; i < companions; i++) {
    root.querySelector<HTMLElement>('[part="add-companion"]')!.click();
    await el.updateComplete;
  }
  for (const [name, value] of Object.entries(values)) {
    const controls = [...root.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)];
    if (typeof value === 'boolean') {
      if (controls[0].checked !== value) controls[0].click();
    } else if (Array.isArray(value) || controls[0].type === 'radio') {
      controls.filter((c) => [value].flat().includes(c.value)).forEach((c) => c.click());
    } else {
      controls[0].value = value;
      controls[0].dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
  }
  if (submit) root.querySelector<HTMLElement>('[part="submit"]')!.click();
}

const submitEmpty = async ({ canvasElement }: { canvasElement: HTMLElement }) => fillIn(canvasElement, { values: {} });
const submitFilled = async ({ canvasElement }: { canvasElement: HTMLElement }) => fillIn(canvasElement);

/**
 * Submits the filled-in form and waits for the end of sending, so the story ends on the endpoint's
 * last answer; throws (failing the story test) unless that is `expected`: `registered` or a failure reason.
 */
const submitExpecting =
  (expected: 'registered' | RegistrationFailureReason) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const outcome = new Promise<string>((resolve) => {
      canvasElement.addEventListener('bijeen-registered', () => resolve('registered'), { once: true });
      canvasElement.addEventListener('bijeen-registration-failed', (event) => resolve(event.detail.reason), { once: true });
    });
    await fillIn(canvasElement);
    const ended = await outcome;
    if (ended !== expected) throw new Error(`expected the form to end ${expected}, it ended ${ended}`);
  };

function seed(registration: Partial<NonNullable<EventInput['registration']>> = {}, extra: Partial<EventInput> = {}): EventInput {
  return { ...udenMeeting, ...extra, registration: { ...udenMeeting.registration, ...registration } };
}

const meta: Meta<Args> = {
  title: 'Elements/Registration form',
  component: 'bijeen-registration-form',
  args: {
    lang: 'nl',
    now: '2018-08-01T12:00:00+02:00',
    event: udenMeeting,
    format: 'json',
    retries: 0,
    timeout: 15000,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nl', 'en'] },
    format: { control: 'inline-radio', options: ['json', 'form'] },
    now: { control: 'text' },
    event: { control: 'object' },
  },
  parameters: {
    mock: {
      [FEED]: { body: udenMeeting },
      [ENDPOINT]: { status: 201, body: { id: 'demo-1', status: 'confirmed' } },
    },
  },
  beforeEach: mockFetch,
  render: ({ lang, now, event, endpoint, format, retries, timeout }) => html`<bijeen-registration-form
    .event=${event}
    .now=${Date.parse(now)}
    lang=${lang}
    endpoint=${endpoint ?? nothing}
    format=${format}
    retries=${retries}
    timeout=${timeout}
    retry-delay="300"
  ></bijeen-registration-form>`,
};
export default meta;

type Story = StoryObj<Args>;

// Open form
export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { lang: 'en' } };
export const WithErrors: Story = { play: submitEmpty };
export const WithErrorsEnglish: Story = { args: { lang: 'en' }, play: submitEmpty };
export const WithCompanions: Story = {
  play: ({ canvasElement }) =>
    fillIn(canvasElement, {
      companions: 2,
      submit: false,
      values: { ...answers, 'companions.0.name': 'Bram Jansen', 'companions.0.email': 'bram@example.org' },
    }),
};
export const EveryQuestionType: Story = {
  args: {
    event: seed({
      maxCompanions: 0,
      memberQuestion: undefined,
      questions: [
        { id: 'text', label: 'Dieetwensen', type: 'text' },
        { id: 'textarea', label: 'Wat wilt u de sprekers vragen?', type: 'textarea' },
        { id: 'select', label: 'Welke ronde?', type: 'select', options: ['Ochtend', 'Middag'], required: true },
        { id: 'radio', label: 'Aan welke workshop doet u mee?', type: 'radio', options: ['Wonen en zorg', 'Buurtbeheer'], required: true },
        { id: 'multiple', label: 'Welke onderwerpen wilt u bespreken?', type: 'checkbox', options: ['Toewijzing', 'Begeleiding', 'Buurtcontact'] },
        { id: 'confirm', label: 'Ik vind het goed dat er foto’s worden gemaakt', type: 'checkbox', required: true },
      ],
    }),
  },
};
export const WaitingListForm: Story = { args: { event: seed({ remaining: 0, waitlist: true }) } };

// Loading from `src`: the fallback link shows until the event is loaded, and again if it cannot be.
const fromSrc: Story['render'] = ({ lang, now }) => html`<bijeen-registration-form src=${FEED} lang=${lang} .now=${Date.parse(now)}>
  <a href="https://example.org/agenda/huisvesting-kwetsbare-groepen">Aanmelden via de pagina van de bijeenkomst</a>
</bijeen-registration-form>`;
export const FromSrc: Story = { render: fromSrc };
/** The feed never answers: the form stays loading and shows its fallback. */
export const Loading: Story = { tags: ['expect-loading'], parameters: { mock: { [FEED]: { hang: true } } }, render: fromSrc };
/** The feed answers with an event that does not validate: `bijeen-data-error`, the fallback stays. */
export const DataError: Story = {
  tags: ['expect-data-error'],
  parameters: { mock: { [FEED]: { body: { ...udenMeeting, start: 'dinsdag middag' } } } },
  render: fromSrc,
};

// The seed meeting's rules: places for non-members, companions per organisation
const nonMemberPlacesTaken = (waitlist: boolean) => seed({ nonMemberRemaining: 0, waitlist });
const asNonMember = { ...answers, member: 'false' };
/** Non-members' places taken, with a waiting list: answering "no" turns the button into the waiting list. */
export const NonMemberPlacesTaken: Story = {
  args: { event: nonMemberPlacesTaken(true) },
  play: ({ canvasElement }) => fillIn(canvasElement, { values: asNonMember, submit: false }),
};
export const NonMemberPlacesTakenEnglish: Story = { ...NonMemberPlacesTaken, args: { ...NonMemberPlacesTaken.args, lang: 'en' } };
/** Non-members' places taken, no waiting list: a non-member who sends anyway gets the endpoint's refusal. */
export const NonMemberPlacesTakenRefused: Story = {
  args: { event: nonMemberPlacesTaken(false) },
  parameters: {
    replies: [
      {
        status: 409,
        body: { status: 'full', scope: 'non-member', remaining: 0, message: 'De plaatsen voor niet-leden zijn vergeven. Leden kunnen zich nog aanmelden.' },
      },
    ],
  },
  play: ({ canvasElement }) => fillIn(canvasElement, { values: asNonMember }),
};
/** The endpoint refuses the second companion: the organisation's colleagues brought the rest. */
export const OrganisationCompanionsUsedUp: Story = {
  parameters: {
    replies: [
      {
        status: 422,
        body: {
          errors: [
            {
              path: 'companions.1',
              message: 'Uw organisatie kan nog 1 extra deelnemer aanmelden: hoogstens 2 per organisatie, over alle aanmeldingen samen.',
            },
          ],
        },
      },
    ],
  },
  play: ({ canvasElement }) =>
    fillIn(canvasElement, {
      companions: 2,
      values: {
        ...answers,
        'companions.0.name': 'Bram Jansen',
        'companions.0.email': 'bram@example.org',
        'companions.1.name': 'Carla Smit',
        'companions.1.email': 'carla@example.org',
      },
    }),
};

// Sending and the endpoint's answers
export const Sending: Story = { parameters: replies({ hang: true }), args: { timeout: 3_600_000 }, play: submitFilled };
export const Confirmed: Story = {
  parameters: replies({ status: 201, body: { id: 'r-1', status: 'confirmed', message: 'U ontvangt een bevestiging per e-mail.' } }),
  play: submitFilled,
};
export const ConfirmedEnglish: Story = { ...Confirmed, args: { lang: 'en' } };
export const Waitlisted: Story = { parameters: replies({ status: 201, body: { id: 'r-2', status: 'waitlisted' } }), play: submitFilled };
export const Pending: Story = { parameters: replies({ status: 202, body: { id: 'r-3', status: 'pending' } }), play: submitFilled };
export const Duplicate: Story = { parameters: replies({ status: 409, body: { status: 'duplicate' } }), play: submitFilled };
export const Full: Story = { parameters: replies({ status: 409, body: { status: 'full' } }), play: submitFilled };
export const ServerFieldErrors: Story = {
  parameters: replies({ status: 422, body: { errors: [{ path: 'attendee.email', message: 'Dit e-mailadres kennen wij niet' }] } }),
  play: submitFilled,
};
export const Rejected: Story = { parameters: replies({ status: 413, body: '<h1>Too large</h1>' }), play: submitFilled };
export const FailedWithEmailFallback: Story = {
  parameters: replies({ status: 503, body: '<html><body><h1>503 Service Unavailable</h1></body></html>' }),
  play: submitFilled,
};
export const FailedWithEmailFallbackEnglish: Story = { ...FailedWithEmailFallback, args: { lang: 'en' } };
export const FailedWithoutEmailFallback: Story = {
  args: { event: seed({ email: undefined }) },
  parameters: replies({ status: 503 }),
  play: submitFilled,
};
/** A 429 whose `Retry-After` (2 minutes) is beyond what the form waits for (30 s): it stops at once and offers a retry. */
export const RateLimited: Story = {
  args: { retries: 3 },
  parameters: replies({ status: 429, headers: { 'Retry-After': '120' } }),
  play: submitExpecting('rate-limited'),
};
/** A 429 with `Retry-After: 1`: the form waits a second, sends again (same idempotency key) and is confirmed. */
export const RateLimitedThenConfirmed: Story = {
  args: { retries: 1 },
  parameters: replies({ status: 429, headers: { 'Retry-After': '1' } }, { status: 201, body: { id: 'r-4', status: 'confirmed' } }),
  play: submitExpecting('registered'),
};
/** The endpoint never answers; the `timeout` attribute is 1 s here (default 15 s). */
export const TimedOut: Story = {
  args: { timeout: 1000 },
  parameters: replies({ hang: true }),
  play: submitExpecting('timeout'),
};
export const NetworkFailure: Story = { parameters: replies({ network: true }), play: submitExpecting('network') };
export const NetworkFailureEnglish: Story = { ...NetworkFailure, args: { lang: 'en' } };

// Registering by e-mail (no endpoint, only registration.email)
export const EmailOnly: Story = { args: { event: seed({ endpoint: undefined }) } };
export const EmailOnlyPrepared: Story = { args: { event: seed({ endpoint: undefined }) }, play: submitFilled };

// Closed states
export const NotYetOpen: Story = { args: { now: '2018-06-01T12:00:00+02:00' } };
export const NotYetOpenEnglish: Story = { args: { now: '2018-06-01T12:00:00+02:00', lang: 'en' } };
export const Closed: Story = { args: { now: '2018-09-15T12:00:00+02:00' } };
export const Cancelled: Story = { args: { event: seed({}, { status: 'cancelled' }) } };
export const Postponed: Story = { args: { event: seed({}, { status: 'postponed' }) } };
export const PostponedEnglish: Story = { args: { event: seed({}, { status: 'postponed' }), lang: 'en' } };
export const Past: Story = { args: { now: '2018-09-19T12:00:00+02:00' } };
export const FullNoWaitingList: Story = { args: { event: seed({ remaining: 0, waitlist: false }) } };
export const ClosedEnglish: Story = { args: { now: '2018-09-15T12:00:00+02:00', lang: 'en' } };

/** The custom properties on a dark page. */
export const Themed: Story = {
  render: ({ now }) => html`<div
    style="background:#12263f;color:#f5f7fa;padding:1rem;font-family:system-ui,sans-serif;--bijeen-registration-form-submit-background:#ffd479;--bijeen-registration-form-submit-color:#12263f;--bijeen-focus-ring-color:#ffd479;--bijeen-link-color:#ffd479;--bijeen-registration-form-error-color:#ff8a80"
  >
    <bijeen-registration-form .event=${udenMeeting} .now=${Date.parse(now)} lang="nl"></bijeen-registration-form>
  </div>`,
  play: submitEmpty,
};
