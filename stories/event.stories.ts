import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/event/event.js';
import type { EventInput } from '../src/schema/index.js';
import { mockFetch } from './support/mock-fetch.js';

// A future meeting that registers by e-mail, so every story works without a backend.
const meeting: EventInput = {
  id: 'wat-werkt-uden',
  title: 'Wat werkt in… samenwerking in de huisvesting van kwetsbare groepen',
  summary:
    'Corporaties, gemeenten en zorgpartijen zoeken samen uit hoe een wijk kwetsbare bewoners goed kan opvangen.',
  start: '2030-09-17T13:00:00+02:00',
  end: '2030-09-17T17:00:00+02:00',
  location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' },
  audience: 'Beleidsmedewerkers en strategen van woningcorporaties, gemeenten en zorgorganisaties.',
  organizer: { name: 'Vakgemeenschap Wat Werkt in de Wijk', url: 'https://example.org/wat-werkt' },
  registration: {
    email: 'aanmelden@example.org',
    maxCompanions: 2,
    companionLabel: 'samenwerkingspartner',
    memberQuestion: 'Is uw organisatie deelnemer van de vakgemeenschap?',
    capacity: 80,
    remaining: 31,
  },
};

interface Args {
  event?: EventInput;
  lang: string;
}

const fallback = html`<p><a href="https://example.org/agenda">Bekijk de bijeenkomst op de site van de organisator</a></p>`;

const meta: Meta<Args> = {
  title: 'Elements/Event',
  component: 'bijeen-event',
  args: { event: meeting, lang: 'nl' },
  argTypes: { lang: { control: 'inline-radio', options: ['nl', 'en'] } },
  beforeEach: mockFetch,
  render: ({ event, lang }) => html`<bijeen-event lang=${lang} .event=${event}>${fallback}</bijeen-event>`,
};
export default meta;

type Story = StoryObj<Args>;

export const CardAndForm: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const WithoutRegistration: Story = { args: { event: { ...meeting, registration: undefined } } };
/** Invalid data: the fallback link stays; the integrator gets a console warning and `bijeen-data-error`. */
export const InvalidData: Story = {
  tags: ['expect-data-error'],
  args: { event: { ...meeting, start: 'dinsdag middag' } as EventInput },
};

// Loading from `src`, through the stories' mock (support/mock-fetch.ts). The fallback link shows
// until the event is loaded, and again if it cannot be.
const FEED = 'https://example.org/events/wat-werkt-uden.json';
const fromSrc: Story['render'] = ({ lang }) => html`<bijeen-event lang=${lang} src=${FEED}>${fallback}</bijeen-event>`;

/** The feed never answers: the reserved space and the fallback link. */
export const Loading: Story = { tags: ['expect-loading'], parameters: { mock: { [FEED]: { hang: true } } }, render: fromSrc };
/** `src` answers 404: `bijeen-data-error`, the fallback link stays. */
export const SrcNotFound: Story = {
  tags: ['expect-data-error'],
  parameters: { mock: { [FEED]: { status: 404, body: '<h1>Not Found</h1>' } } },
  render: fromSrc,
};
/** `src` answers with an HTML page instead of JSON (a CMS's error page, say). */
export const SrcNotJson: Story = {
  tags: ['expect-data-error'],
  parameters: { mock: { [FEED]: { body: '<!doctype html><title>Pagina niet gevonden</title>' } } },
  render: fromSrc,
};
