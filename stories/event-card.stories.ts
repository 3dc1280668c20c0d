/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/event-card/event-card.js';
import type { EventInput } from '../src/schema/index.js';
// A file, never a data: URL (the schema refuses those), so Vite must not inline it.
import venueImage from './assets/event-card-venue.svg?no-inline';
import { mockFetch } from './support/mock-fetch.js';
import { longTitleEvent, multiDayEvent, udenMeeting, webinarEvent } from '../test/fixtures/events.js';

// Story data: the test fixtures (the static Storybook has no backend), with a local image for
// the seed meeting. The clock is fixed per status, so every story looks the same on any day.

const seed: EventInput = {
  ...udenMeeting,
  image: { ...udenMeeting.image, src: venueImage, alt: 'Tekening van een vergaderlocatie met bezoekers ervoor' },
};

const at = (iso: string) => new Date(iso);
const OPEN = at('2018-08-01T12:00:00+02:00');
const withPlaces = (remaining: number, waitlist = true): EventInput => ({
  ...seed,
  registration: { ...seed.registration, remaining, waitlist },
});

/** Each badge with the data and clock that produce it. */
const statuses: Record<string, { event: EventInput; now: Date }> = {
  open: { event: seed, now: OPEN },
  'almost-full': { event: withPlaces(4), now: OPEN },
  waitlist: { event: withPlaces(0, true), now: OPEN },
  full: { event: withPlaces(0, false), now: OPEN },
  'not-open': { event: seed, now: at('2018-06-01T12:00:00+02:00') },
  closed: { event: seed, now: at('2018-09-15T12:00:00+02:00') },
  past: { event: seed, now: at('2018-09-19T12:00:00+02:00') },
  cancelled: { event: { ...seed, status: 'cancelled' }, now: OPEN },
  postponed: { event: { ...seed, status: 'postponed' }, now: OPEN },
};

interface Args {
  status: string;
  variant: 'full' | 'teaser';
  lang: 'nl' | 'en';
  headingLevel: number;
  mapProvider: string;
  noCalendar: boolean;
  noMap: boolean;
  noStructuredData: boolean;
}

const card = (args: Args, event: EventInput, now: Date = OPEN) => html`<bijeen-event-card
  .event=${event}
  .now=${now}
  variant=${args.variant}
  lang=${args.lang}
  heading-level=${args.headingLevel}
  map-provider=${args.mapProvider}
  ?no-calendar=${args.noCalendar}
  ?no-map=${args.noMap}
  ?no-structured-data=${args.noStructuredData}
></bijeen-event-card>`;

const inWidth = (width: string, content: TemplateResult) => html`<div style="max-width:${width}">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Elements/Event card',
  component: 'bijeen-event-card',
  args: {
    status: 'open',
    variant: 'full',
    lang: 'nl',
    headingLevel: 2,
    mapProvider: 'osm',
    noCalendar: false,
    noMap: false,
    noStructuredData: false,
  },
  argTypes: {
    status: { control: 'select', options: Object.keys(statuses), description: 'Story only: data and clock for this badge' },
    variant: { control: 'inline-radio', options: ['full', 'teaser'] },
    lang: { control: 'inline-radio', options: ['nl', 'en'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    mapProvider: { control: 'select', options: ['osm', 'google', 'apple', 'geo'] },
  },
  render: (args) => inWidth('56rem', card(args, statuses[args.status].event, statuses[args.status].now)),
};
export default meta;

type Story = StoryObj<Args>;

// Variants and languages.
export const Full: Story = {};
export const FullEnglish: Story = { args: { lang: 'en' } };
export const Teaser: Story = { args: { variant: 'teaser' } };
export const TeaserEnglish: Story = { args: { variant: 'teaser', lang: 'en' } };

// Every status, with a fixed clock.
export const StatusOpen: Story = { args: { status: 'open' } };
export const StatusAlmostFull: Story = { args: { status: 'almost-full' } };
export const StatusWaitlist: Story = { args: { status: 'waitlist' } };
export const StatusFull: Story = { args: { status: 'full' } };
export const StatusNotOpenYet: Story = { args: { status: 'not-open' } };
export const StatusClosed: Story = { args: { status: 'closed' } };
export const StatusPast: Story = { args: { status: 'past' } };
export const StatusCancelled: Story = { args: { status: 'cancelled' } };
export const StatusPostponed: Story = { args: { status: 'postponed' } };
export const StatusesEnglish: Story = {
  args: { lang: 'en', variant: 'teaser' },
  render: (args) =>
    html`<div style="display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))">
      ${Object.values(statuses).map(({ event, now }) => card(args, { ...event, image: undefined }, now))}
    </div>`,
};

// The seed meeting's places for non-members: how many are left (the stories above), and none.
const nonMemberPlacesTaken: EventInput = { ...seed, registration: { ...seed.registration, nonMemberRemaining: 0 } };
export const NonMemberPlacesTaken: Story = { render: (args) => inWidth('56rem', card(args, nonMemberPlacesTaken)) };
export const NonMemberPlacesTakenEnglish: Story = { ...NonMemberPlacesTaken, args: { lang: 'en' } };

// Widths: the card follows its container, not the viewport.
export const Narrow: Story = { render: (args) => inWidth('240px', card(args, seed)) };
export const NarrowTeaser: Story = { args: { variant: 'teaser' }, render: (args) => inWidth('300px', card(args, seed)) };
export const NarrowLongTitle: Story = { render: (args) => inWidth('240px', card(args, longTitleEvent)) };
export const Wide: Story = { render: (args) => inWidth('72rem', card(args, seed)) };
export const TeaserList: Story = {
  args: { variant: 'teaser', headingLevel: 3 },
  render: (args) => html`<div style="display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))">
    ${card(args, seed)} ${card(args, webinarEvent)} ${card(args, longTitleEvent)} ${card(args, multiDayEvent)}
  </div>`,
};

// Other kinds of events.
export const Online: Story = { render: (args) => inWidth('40rem', card(args, webinarEvent)) };
export const SeveralDays: Story = { render: (args) => inWidth('40rem', card(args, multiDayEvent)) };
export const LongTitle: Story = { render: (args) => inWidth('40rem', card(args, longTitleEvent)) };
export const WithoutCalendarOrMap: Story = { args: { noCalendar: true, noMap: true } };

/** On a dark page: text, links, border and focus ring follow the page; badges and button keep their own pairs. */
export const DarkPage: Story = {
  render: (args) => html`<div style="background:#12263f;color:#f5f7fa;padding:1.5rem;font-family:Georgia,serif">
    ${inWidth('56rem', card(args, seed))}
  </div>`,
};
export const Themed: Story = {
  render: (args) => html`<div
    style="font-family:system-ui,sans-serif;--bijeen-accent-color:#6a1b5d;--bijeen-event-card-background:#fbf8f3;--bijeen-radius:0;--bijeen-border-color:#6a1b5d;--bijeen-event-card-title-font-size:1.6em"
  >
    ${inWidth('56rem', card(args, seed))}
  </div>`,
};

// Event sources and their failures. The fallback (a plain link) shows until the event renders,
// and again when loading or validation fails; the integrator gets a console warning.
const fallback = html`<a href="https://example.org/agenda">Bekijk de agenda van de vakgemeenschap</a>`;

/** The event in an inline `<script type="application/json">` child, as a CMS would print it. */
export const InlineJson: Story = {
  render: (args) => {
    const script = Object.assign(document.createElement('script'), {
      type: 'application/json',
      textContent: JSON.stringify({ ...seed, image: undefined }),
    });
    return html`<bijeen-event-card lang=${args.lang} .now=${OPEN}>${script}${fallback}</bijeen-event-card>`;
  },
};

// The feed never answers (see support/mock-fetch.ts), so the card stays in its loading state:
// the reserved space, the calm placeholder and the fallback link.
const PENDING_FEED = 'event-card-pending-feed.json';

export const Loading: Story = {
  tags: ['expect-loading'],
  parameters: { mock: { [PENDING_FEED]: { hang: true } } },
  beforeEach: mockFetch,
  render: (args) => inWidth('40rem', html`<bijeen-event-card src=${PENDING_FEED} lang=${args.lang}>${fallback}</bijeen-event-card>`),
};

export const ErrorInvalidData: Story = {
  tags: ['expect-data-error'],
  render: () => html`<bijeen-event-card>
    <script type="application/json">
      {"id": "kapot", "title": "", "start": "dinsdag middag", "registration": {"maxCompanions": 11}}
    </script>
    ${fallback}
  </bijeen-event-card>`,
};

export const ErrorNotJson: Story = {
  tags: ['expect-data-error'],
  render: () => html`<bijeen-event-card>
    <script type="application/json">
      <h1>Dit is geen JSON</h1>
    </script>
    ${fallback}
  </bijeen-event-card>`,
};

/** `src` points at a file that does not exist: HTTP 404. */
export const ErrorNotFound: Story = {
  tags: ['expect-http-error', 'expect-data-error'],
  render: () => html`<bijeen-event-card src="event-card-missing.json">${fallback}</bijeen-event-card>`,
};

export const HeadingLevelFour: Story = { args: { headingLevel: 4 } };
