// A partner's React 19 app: every element through bijeen/react, and a raw tag typed by it.
// What arrives in the event props, and what effects read from `state`, is shown and kept in
// `window.received`.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { BijeenEventCard as EventCardElement, BijeenRegistrationForm as FormElement } from 'bijeen';
import { BijeenEvent, BijeenEventCard, BijeenMapLink, BijeenRegistrationForm } from 'bijeen/react';
import { receive, webinar } from './shared.js';

/**
 * A ref whose element's `state` an effect reads once mounted. The effect runs after the element
 * validated its `event` and fired `bijeen-load` or `bijeen-data-error`: a listener attached here
 * would miss them, `state` does not.
 */
function useStateInEffect<Element extends EventCardElement | FormElement>(name: string) {
  const ref = useRef<Element>(null);
  useEffect(() => {
    const state: 'loading' | 'ready' | 'error' | undefined = ref.current?.state;
    receive(`${name} state in useEffect: ${state}`);
  }, [name]);
  return ref;
}

function App() {
  const [titles, setTitles] = useState<string[]>([]);
  const lateCard = useStateInEffect<EventCardElement>('card');
  const lateForm = useStateInEffect<FormElement>('form');
  const show = (line: string) => {
    receive(line);
    setTitles((seen) => [...seen, line]);
  };
  return (
    <main>
      <BijeenEventCard
        src="/events/meeting.json"
        variant="teaser"
        headingLevel={3}
        onBijeenLoad={(event) => show(`card: ${event.detail.event.title}`)}
      />
      <BijeenRegistrationForm
        event={webinar}
        lang="en"
        onBijeenLoad={(event) => show(`form: ${event.detail.event.title}`)}
        onBijeenSubmit={(event) => show(`submit: ${event.detail.payload.attendee.email}`)}
      />
      <BijeenEvent src="/events/meeting.json" onBijeenLoad={(event) => show(`event: ${event.detail.event.id}`)} />
      <BijeenMapLink address="Voorbeeldstraat 1, Utrecht" provider="osm" />
      <BijeenMapLink onBijeenDataError={(event) => show(`map link: ${event.type}, ${typeof event.detail.message}`)} />
      <bijeen-event-card
        src="/events/meeting.json"
        no-calendar
        onbijeen-load={(event) => show(`raw card: ${event.detail.event.start}`)}
      />
      <BijeenEventCard ref={lateCard} event={webinar} variant="teaser" />
      <BijeenRegistrationForm ref={lateForm} event={{ ...webinar, start: 'morgen' }} />
      <output>{titles.join(' | ')}</output>
    </main>
  );
}

/** What the typings must refuse; for the type check only, never rendered. */
export function RefusedByTypes() {
  return (
    <>
      {/* @ts-expect-error: variant takes 'full' or 'teaser' */}
      <BijeenEventCard variant="wide" />
      {/* @ts-expect-error: the raw tag is typed too */}
      <bijeen-map-link mode="walking" />
      {/* @ts-expect-error: the card fires no bijeen-submit */}
      <BijeenEventCard onBijeenSubmit={() => undefined} />
      {/* @ts-expect-error: a load event carries the event, not a payload */}
      <BijeenEvent onBijeenLoad={(event) => event.detail.payload} />
      {/* @ts-expect-error: state is read-only, no prop */}
      <BijeenEventCard state="ready" />
      {/* @ts-expect-error: nor on the raw tag */}
      <bijeen-event-list state="ready" />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
