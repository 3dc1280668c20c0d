// The event every browser measure uses: the demo's seed meeting, a month ahead, open for
// registration with five questions.
import { readFileSync } from 'node:fs';
import { daysFromNow } from '../test/node/endpoint/support/server.mjs';

export function benchEvent() {
  const event = JSON.parse(readFileSync('demo/events/wat-werkt-uden.json', 'utf8'));
  return {
    ...event,
    start: daysFromNow(30),
    end: daysFromNow(30.2),
    registration: {
      ...event.registration,
      endpoint: 'https://example.org/never-called',
      opens: daysFromNow(-1),
      closes: daysFromNow(29),
      questions: [
        { id: 'dieet', label: 'Dieetwensen', type: 'text' },
        { id: 'sessie', label: 'Welke werksessie?', type: 'radio', options: ['Wonen', 'Zorg'], required: true },
        { id: 'rol', label: 'Uw rol', type: 'select', options: ['Beleid', 'Uitvoering'] },
        { id: 'thema', label: 'Thema’s', type: 'checkbox', options: ['A', 'B', 'C'] },
        { id: 'vraag', label: 'Uw vraag vooraf', type: 'textarea' },
      ],
    },
  };
}
