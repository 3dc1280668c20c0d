/**
 * `bijeen/react`: one React component per element, made with `@lit/react`, with typed event props
 * in the Shoelace convention (`bijeen-load` → `onBijeenLoad`). Importing it registers the
 * elements. It also types the raw tags for TSX in React 19 (`<bijeen-event-card src="…">`,
 * listeners as `onbijeen-load`); `import type {} from 'bijeen/react'` brings only those types.
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent, type WebComponentProps } from '@lit/react';
import { BijeenEvent as EventElement } from './components/event/event.js';
import { BijeenEventCard as EventCardElement } from './components/event-card/event-card.js';
import { BijeenEventList as EventListElement } from './components/event-list/event-list.js';
import { BijeenMapLink as MapLinkElement } from './components/map-link/map-link.js';
import { BijeenRegistrationForm as RegistrationFormElement } from './components/registration-form/registration-form.js';
import type { BijeenEventMap, ElementEventMap } from './internal/events.js';

type BijeenTag = Extract<keyof HTMLElementTagNameMap, `bijeen-${string}`>;

/**
 * The events each element fires (contract section 3); the React props and the JSX typings follow
 * it. Every registered `bijeen-` tag needs its entry (a compile error says so).
 */
const elementEvents = {
  'bijeen-event-card': ['bijeen-load', 'bijeen-data-error', 'bijeen-register'],
  'bijeen-event-list': ['bijeen-load', 'bijeen-data-error'],
  'bijeen-registration-form': [
    'bijeen-load',
    'bijeen-data-error',
    'bijeen-submit',
    'bijeen-registered',
    'bijeen-registration-failed',
  ],
  'bijeen-map-link': ['bijeen-data-error'],
  'bijeen-event': [
    'bijeen-load',
    'bijeen-data-error',
    'bijeen-register',
    'bijeen-submit',
    'bijeen-registered',
    'bijeen-registration-failed',
  ],
} as const satisfies Record<BijeenTag, readonly (keyof BijeenEventMap)[]>;

type EventsOf<Tag extends BijeenTag> = (typeof elementEvents)[Tag][number];

/** `bijeen-registration-failed` → `BijeenRegistrationFailed` */
type Pascal<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<Name>;

function pascal(name: string): string {
  return name.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `@lit/react`'s events option: `{ onBijeenLoad: 'bijeen-load' }`, each typed with the event the element `Tag` sends. */
type EventProps<Tag extends BijeenTag> = {
  [Name in EventsOf<Tag> as `on${Pascal<Name>}`]: EventName<ElementEventMap<Tag>[Name]>;
};

/**
 * Read-only properties are no props: React would assign them, which throws. `state` is read from
 * the element (a `ref`) or selected as `[state="…"]`.
 */
type ReadOnly = 'state';

/** `@lit/react`'s component for the element `Tag`, without the read-only props. */
type BijeenComponent<Tag extends BijeenTag> = React.ForwardRefExoticComponent<
  Omit<React.ComponentPropsWithoutRef<ReactWebComponent<HTMLElementTagNameMap[Tag], EventProps<Tag>>>, ReadOnly> &
    React.RefAttributes<HTMLElementTagNameMap[Tag]>
>;

function wrap<Tag extends BijeenTag>(tagName: Tag, elementClass: new () => HTMLElementTagNameMap[Tag]): BijeenComponent<Tag> {
  const events = Object.fromEntries(
    elementEvents[tagName].map((name) => [`on${pascal(name)}`, name]),
  ) as EventProps<Tag>;
  const component = createComponent({ react: React, tagName, elementClass, events, displayName: pascal(tagName) });
  // The same component, typed without the read-only props.
  return component as unknown as BijeenComponent<Tag>;
}

export const BijeenEvent = wrap('bijeen-event', EventElement);
export const BijeenEventCard = wrap('bijeen-event-card', EventCardElement);
export const BijeenEventList = wrap('bijeen-event-list', EventListElement);
export const BijeenMapLink = wrap('bijeen-map-link', MapLinkElement);
export const BijeenRegistrationForm = wrap('bijeen-registration-form', RegistrationFormElement);

export type * from './internal/events.js';

/**
 * A raw tag's props in React 19, which sets an element's properties and listens to
 * `on<event-name>` props on custom elements.
 */
type RawTagProps<Tag extends BijeenTag> = Omit<WebComponentProps<HTMLElementTagNameMap[Tag]>, ReadOnly> & {
  [Name in EventsOf<Tag> as `on${Name}`]?: (event: ElementEventMap<Tag>[Name]) => void;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends BijeenIntrinsicElements {}
  }
}

/** Bijeen's tags for JSX, for a project that declares its intrinsic elements another way. */
export type BijeenIntrinsicElements = { [Tag in BijeenTag]: RawTagProps<Tag> };
