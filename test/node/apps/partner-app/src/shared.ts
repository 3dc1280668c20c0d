// What both pages share: an event given as a property, and `window.received`, where the event
// handlers write what reached them for the test to read.
import type { EventInput } from 'bijeen/schema';

declare global {
  interface Window {
    received: string[];
  }
}
window.received = [];

export function receive(line: string): void {
  window.received.push(line);
}

export const webinar: EventInput = {
  id: 'webinar',
  title: 'Webinar samenwerken',
  start: '2040-04-02T10:00:00+02:00',
  location: { online: 'https://meet.example.org/webinar' },
  registration: { email: 'aanmelden@example.org' },
};
