// A partner's React 19 app: every element through bijeen/react, and a raw tag typed by it.
// What arrives in the event props is kept in `window.received` for the test to read.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BijeenEvent, BijeenEventCard, BijeenMapLink, BijeenRegistrationForm } from 'bijeen/react';
import type { EventInput } from 'bijeen/schema';

declare global {
  interface Window {
    received: string[];
  }
}
window.received = [];

const meeting: EventInput = {
  id: 'webinar',
  title: 'Webinar samenwerken',
  start: '2040-04-02T10:00:00+02:00',
  location: { online: 'https://meet.example.org/webinar' },
  registration: { email: 'aanmelden@example.org' },
};

function App() {
  const [titles, setTitles] = useState<string[]>([]);
  const receive = (line: string) => {
    window.received.push(line);
    setTitles((seen) => [...seen, line]);
  };
  return (
    <main>
      <BijeenEventCard
        src="/events/meeting.json"
        variant="teaser"
        headingLevel={3}
        onBijeenLoad={(event) => receive(`card: ${event.detail.event.title}`)}
      />
      <BijeenRegistrationForm
        event={meeting}
        lang="en"
        onBijeenLoad={(event) => receive(`form: ${event.detail.event.title}`)}
        onBijeenSubmit={(event) => receive(`submit: ${event.detail.payload.attendee.email}`)}
      />
      <BijeenEvent src="/events/meeting.json" onBijeenLoad={(event) => receive(`event: ${event.detail.event.id}`)} />
      <BijeenMapLink address="Voorbeeldstraat 1, Utrecht" provider="osm" />
      <BijeenMapLink onBijeenDataError={(event) => receive(`map link: ${event.type}, ${typeof event.detail.message}`)} />
      <bijeen-event-card
        src="/events/meeting.json"
        no-calendar
        onbijeen-load={(event) => receive(`raw card: ${event.detail.event.start}`)}
      />
      {/* @ts-expect-error: variant takes 'full' or 'teaser' */}
      <BijeenEventCard variant="wide" />
      {/* @ts-expect-error: the raw tag is typed too */}
      <bijeen-map-link mode="walking" />
      {/* @ts-expect-error: the card fires no bijeen-submit */}
      <BijeenEventCard onBijeenSubmit={() => undefined} />
      <output>{titles.join(' | ')}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
