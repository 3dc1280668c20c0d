// Event data rules at their edges (src/schema/event.ts): object-level rules and question kinds.
import { expect } from '@open-wc/testing';
import { answerKind, parseEvent, type EventInput } from '../../src/schema/index.js';
import { schemaMessages } from '../../src/i18n/schema.js';
import { minimalEvent } from '../fixtures/events.js';

const field = schemaMessages.nl.field;

/** `[path, message]` of every issue, or `[]` when the event is valid. */
function issues(change: Partial<EventInput> | Record<string, unknown>): [string, string][] {
  const result = parseEvent({ ...minimalEvent, ...change }, { baseUrl: 'https://partner.example.org/' });
  return result.success ? [] : result.issues.map(({ path, message }) => [path, message]);
}

describe('event rules at their edges', () => {
  it('a country is exactly two capital letters', () => {
    expect(issues({ location: { city: 'Uden', country: 'BE' } })).to.deep.equal([]);
    for (const country of ['NLD', 'XNL', 'nl']) {
      expect(issues({ location: { city: 'Uden', country } }), country).to.deep.equal([['location.country', field.country]]);
    }
  });

  it('a place needs a name, street, city or online address; coordinates alone are not one', () => {
    expect(issues({ location: { lat: 51.6, lon: 5.6 } })).to.deep.equal([['location', field.place]]);
    expect(issues({ location: { online: 'https://example.org/live' } })).to.deep.equal([]);
    // An empty name is no place either: its own message, and the place's.
    expect(issues({ location: { name: '' } })).to.deep.equal([
      ['location.name', field.notEmpty],
      ['location', field.place],
    ]);
    // Nor is a city of spaces (the card would show a blank place).
    expect(issues({ location: { city: '   ' } })).to.deep.equal([
      ['location.city', field.notEmpty],
      ['location', field.place],
    ]);
  });

  it('latitude and longitude come as a pair, each reported at the missing one', () => {
    expect(issues({ location: { city: 'Uden', lat: 51.6 } })).to.deep.equal([['location.lon', field.latLonPair]]);
    expect(issues({ location: { city: 'Uden', lon: 5.6 } })).to.deep.equal([['location.lat', field.latLonPair]]);
  });

  it('registration: closes not before opens, remaining not over capacity (equal is fine)', () => {
    const opens = '2024-02-01T09:00:00Z';
    expect(issues({ registration: { opens, closes: opens, capacity: 5, remaining: 5 } })).to.deep.equal([]);
    expect(issues({ registration: { opens, closes: '2024-01-31T09:00:00Z' } })).to.deep.equal([
      ['registration.closes', field.closesBeforeOpens],
    ]);
    expect(issues({ registration: { capacity: 0, remaining: 1 } })).to.deep.equal([['registration.remaining', field.notAbove('capacity')]]);
    // A broken date has its own message, and no comparison is made with it.
    expect(issues({ registration: { opens, closes: 'morgen' } })).to.deep.equal([['registration.closes', field.dateTime]]);
    expect(issues({ end: 'straks' })).to.deep.equal([['end', field.dateTime]]);
  });

  it('select and radio questions need at least one option; questions without an id are no duplicates', () => {
    const question = (type: string, options?: string[]) => ({ registration: { questions: [{ id: 'q', label: 'Vraag', type, options }] } });
    expect(issues(question('select'))).to.deep.equal([['registration.questions.0.options', field.needsOptions]]);
    expect(issues(question('radio', []))).to.deep.equal([['registration.questions.0.options', field.needsOptions]]);
    expect(issues(question('select', ['a']))).to.deep.equal([]);
    const noIds = issues({ registration: { questions: [{ label: 'a', type: 'text' }, { label: 'b', type: 'text' }] } });
    expect(noIds.map(([path]) => path)).to.deep.equal(['registration.questions.0.id', 'registration.questions.1.id']);
  });

  it('answerKind: select and radio are a choice, checkbox a list or a yes, the rest text', () => {
    expect(answerKind({ type: 'select' })).to.equal('choice');
    expect(answerKind({ type: 'radio' })).to.equal('choice');
    expect(answerKind({ type: 'checkbox', options: ['a'] })).to.equal('multiple');
    expect(answerKind({ type: 'checkbox', options: [] })).to.equal('confirm');
    expect(answerKind({ type: 'textarea' })).to.equal('text');
  });
});
