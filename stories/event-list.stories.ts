import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/event-list/event-list.js';
import type { EventInput } from '../src/schema/index.js';
import { mockFetch } from './support/mock-fetch.js';
import { cancelledEvent, longTitleEvent, udenMeeting, webinarEvent } from '../test/fixtures/events.js';

// An organiser's agenda from the test fixtures (the static Storybook has no backend), on a fixed
// clock: 1 June 2030, so every story looks the same on any day.
const NOW = new Date('2030-06-01T12:00:00+02:00');

const meeting = (id: string, title: string, start: string, tags: string[], extra: Partial<EventInput> = {}): EventInput => ({
  id,
  title,
  summary: 'Een middag over samenwerken tussen corporaties, gemeenten en zorgpartijen in de wijk.',
  start,
  end: start.replace('T13:00', 'T17:00'),
  location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', postalCode: '5402 XD', city: 'Uden' },
  url: `https://example.org/agenda/${id}`,
  tags,
  ...extra,
});

const agenda: EventInput[] = [
  meeting('buurtbeheer', 'Buurtbeheer in Tilburg-Noord', '2030-09-17T13:00:00+02:00', ['wonen', 'wijk']),
  meeting('wonen-zorg', 'Wat werkt in… wonen en zorg', '2030-10-08T13:00:00+02:00', ['wonen', 'zorg']),
  { ...webinarEvent, tags: ['wijk'] },
  { ...cancelledEvent, id: 'excursie', title: 'Excursie gemengd wonen Utrecht', start: '2030-09-24T13:00:00+02:00', end: '2030-09-24T17:00:00+02:00', registration: undefined, tags: ['wonen'] },
  meeting('samenwerking', 'Samenwerkingsovereenkomsten in Den Bosch', '2030-11-19T13:00:00+01:00', ['zorg']),
  meeting('voorjaar', 'Voorjaarsbijeenkomst 2030', '2030-03-10T13:00:00+01:00', ['wonen']),
  { ...udenMeeting, tags: ['wonen'] },
];

interface Args {
  lang: 'nl' | 'en';
  limit: number;
  tag: string;
  past: boolean;
  groupBy: string;
  headingLevel: number;
  label: string;
  calendarHref: string;
}

const inWidth = (width: string, content: TemplateResult) => html`<div style="max-width:${width}">${content}</div>`;

const list = (args: Args, events: unknown = agenda, content: unknown = '') => html`<bijeen-event-list
  .events=${events}
  .now=${NOW}
  lang=${args.lang}
  limit=${args.limit}
  tag=${args.tag}
  ?past=${args.past}
  group-by=${args.groupBy || ''}
  heading-level=${args.headingLevel}
  label=${args.label}
  calendar-href=${args.calendarHref}
  >${content}</bijeen-event-list
>`;

const meta: Meta<Args> = {
  title: 'Elements/Event list',
  component: 'bijeen-event-list',
  args: {
    lang: 'nl',
    limit: 10,
    tag: '',
    past: false,
    groupBy: '',
    headingLevel: 2,
    label: '',
    calendarHref: 'webcal://example.org/api/events.ics',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nl', 'en'] },
    groupBy: { control: 'inline-radio', options: ['', 'month'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    limit: { control: { type: 'number', min: 1 } },
  },
  render: (args) => inWidth('72rem', list(args)),
};
export default meta;

type Story = StoryObj<Args>;

export const Agenda: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Filtered: Story = { args: { tag: 'zorg' } };
export const GroupedByMonth: Story = { args: { groupBy: 'month' } };
export const WithPast: Story = { args: { past: true } };
export const WithPastGrouped: Story = { args: { past: true, groupBy: 'month' } };
/** Three at first; "Toon meer" reveals three more. */
export const Paged: Story = { args: { limit: 3 } };
export const Empty: Story = { render: (args) => inWidth('40rem', list(args, [])) };
export const EmptyOwnText: Story = {
  render: (args) =>
    inWidth(
      '40rem',
      list(args, [], html`<p slot="empty">Nieuwe bijeenkomsten staan hier zodra de data bekend zijn. <a href="https://example.org/nieuwsbrief">Volg de nieuwsbrief</a>.</p>`),
    ),
};
export const NarrowLongTitles: Story = {
  render: (args) =>
    inWidth(
      '240px',
      list(args, [
        { ...longTitleEvent, title: 'Woningcorporatiesamenwerkingsovereenkomstenbijeenkomst' },
        longTitleEvent,
      ]),
    ),
};

// Sources and their failures. The fallback (a plain list of links, as a server renders it) shows
// until the events render, and again when loading or validation fails.
const fallback = html`<ul>
  <li><a href="https://example.org/agenda/buurtbeheer">Buurtbeheer in Tilburg-Noord, 17 september 2030</a></li>
</ul>`;

// The feed never answers (see support/mock-fetch.ts): the list stays loading.
const PENDING_FEED = 'event-list-pending-feed.json';

export const Loading: Story = {
  tags: ['expect-loading'],
  parameters: { mock: { [PENDING_FEED]: { hang: true } } },
  beforeEach: mockFetch,
  render: (args) => html`<bijeen-event-list src=${PENDING_FEED} lang=${args.lang}>${fallback}</bijeen-event-list>`,
};

/** One item has no valid start: it is left out and reported, the others show. */
export const InvalidItem: Story = {
  tags: ['expect-data-error'],
  render: (args) => inWidth('72rem', list(args, [...agenda.slice(0, 3), { id: 'kapot', title: 'Kapotte bijeenkomst', start: 'dinsdag' }])),
};

export const ErrorNotAList: Story = {
  tags: ['expect-data-error'],
  render: () => html`<bijeen-event-list>
    <script type="application/json">
      { "event": { "id": "een", "title": "Eén bijeenkomst", "start": "2030-09-17T13:00:00+02:00" } }
    </script>
    ${fallback}
  </bijeen-event-list>`,
};

/** `src` points at a file that does not exist: HTTP 404. */
export const ErrorNotFound: Story = {
  tags: ['expect-http-error', 'expect-data-error'],
  render: () => html`<bijeen-event-list src="event-list-missing.json">${fallback}</bijeen-event-list>`,
};
