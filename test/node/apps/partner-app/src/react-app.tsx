// A partner's React 19 app: every element through bijeen/react, and a raw tag typed by it.
// What arrives in the event props is shown and kept in `window.received`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BijeenEvent, BijeenEventCard, BijeenMapLink, BijeenRegistrationForm } from 'bijeen/react';
import { receive, webinar } from './shared.js';

function App() {
  const [titles, setTitles] = useState<string[]>([]);
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
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
