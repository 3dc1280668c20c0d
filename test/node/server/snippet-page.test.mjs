// The snippet builder's page (demo/server/snippet-page.ts) as rendered for a set of events: its
// language versions, what each event's <option> carries for the snippet, and every control's
// label, hint and error wired by id. (The page script and the preview: test/node/e2e/snippet-builder.)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { daysFromNow, tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';

const { SNIPPET_FILE, snippetPage, snippetPageLocale } = await tsImport('../../../demo/server/snippet-page.ts', import.meta.url);
const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);
const { eventDate } = await tsImport('../../../demo/server/html.ts', import.meta.url);

const API = 'https://api.example.org';
const INTEGRITY = 'sha384-abc+/=';
const ELEMENTS = ['bijeen-event', 'bijeen-event-card', 'bijeen-event-list', 'bijeen-registration-form', 'bijeen-map-link'];

const temps = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

const event = (id, days, extra = {}) => ({
  id,
  title: `Bijeenkomst ${id}`,
  start: daysFromNow(days),
  end: daysFromNow(days + 0.1),
  location: { name: 'Area Wonen', street: 'Leeuweriksweg 12', city: 'Uden' },
  ...extra,
});

function loaded(events) {
  const temp = tempDir('bijeen-snippet-');
  temps.push(temp);
  return [...loadEvents(writeEvents(join(temp.dir, 'events'), events), () => {}).values()];
}

const standard = () =>
  loaded({
    a: event('later', 20, { url: 'agenda/later', registration: { endpoint: '/api/events/later/registrations' } }),
    b: event('soon & near', 5, { status: 'cancelled', location: { name: 'Messe', city: 'Köln', country: 'DE', lat: 50.94, lon: 6.98 } }),
    c: event('before', -5),
  });

const page = (options = {}) => snippetPage({ locale: 'nl', events: standard(), apiOrigin: API, integrity: INTEGRITY, ...options });

/** The values of `name="…"` attributes in `html`. */
const values = (html, name) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1]);
/** Each `<tag …>` start tag in `html` that has `attribute="value"`. */
const tagsWith = (html, tag, attribute, value) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))].map((match) => match[0]).filter((found) => found.includes(` ${attribute}="${value}"`));

describe('snippetPageLocale', () => {
  test('/snippet is Dutch, /en/snippet English, nothing else is the builder', () => {
    assert.equal(snippetPageLocale('/snippet'), 'nl');
    assert.equal(snippetPageLocale('/en/snippet'), 'en');
    for (const path of ['/snippet/', '/en', '/snippet.html', '/nl/snippet', '/']) assert.equal(snippetPageLocale(path), undefined, path);
  });
});

describe('snippetPage', () => {
  test('the page in its language, linked to the other one, loading the CDN file with its integrity', () => {
    const html = page();
    assert.ok(html.startsWith('<!doctype html>\n<html lang="nl">\n'));
    assert.match(html, /<title>Insluitcode maken \| Woonstichting Het Baken<\/title>/);
    assert.match(html, /<link rel="alternate" hreflang="en" href="\/en\/snippet" \/>/);
    assert.ok(html.includes(`<script src="/cdn/${SNIPPET_FILE}" integrity="sha384-abc+/=" crossorigin="anonymous"></script>`));
    assert.match(html, /<script type="module" src="\/assets\/snippet-builder\.js"><\/script>/);
    assert.match(html, /<a href="\/snippet" aria-current="page">Insluitcode<\/a>/);
    assert.match(html, /<a href="\/en\/snippet" hreflang="en" lang="en">English<\/a>/);
    assert.match(html, /<a href="\/agenda">Agenda<\/a>/, 'Dutch pages without hreflang');
    assert.match(html, /<form id="snippet-builder" class="snippet-builder" novalidate data-script="\/cdn\/bijeen\.iife\.js" data-integrity="sha384-abc\+\/=">/);
    const english = page({ locale: 'en' });
    assert.ok(english.startsWith('<!doctype html>\n<html lang="en">\n'));
    assert.match(english, /<link rel="alternate" hreflang="nl" href="\/snippet" \/>/);
    assert.match(english, /<a href="\/agenda" hreflang="nl">Events<\/a>/, 'from English, the Dutch pages say so');
    assert.match(english, /<a class="logo" href="\/" hreflang="nl">/);
    assert.match(english, /<a href="\/snippet" hreflang="nl" lang="nl">Nederlands<\/a>/);
    assert.match(english, /<h1>Make an embed code<\/h1>/);
  });

  test('while the CDN file is not built, or without events, a note instead of the builder', () => {
    const unbuilt = page({ integrity: undefined });
    assert.match(unbuilt, /<p>Het CDN-bestand ontbreekt nog\. Voer eerst npm run build uit/);
    assert.doesNotMatch(unbuilt, /<script|<form/);
    const empty = page({ events: [] });
    assert.match(empty, /<p>Dit eindpunt heeft geen bijeenkomsten\./);
    assert.doesNotMatch(empty, /<form/);
    assert.match(empty, /<script src=/);
  });

  test('every id once; every label, hint and error reference points at one', () => {
    for (const html of [page(), page({ locale: 'en' })]) {
      const ids = values(html, 'id');
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      const referenced = [...values(html, 'for'), ...values(html, 'aria-describedby').flatMap((list) => list.split(' ')), 'inhoud'];
      for (const id of referenced) assert.ok(ids.includes(id), `#${id} exists`);
      for (const id of ids.filter((id) => /^bijeen-[\w-]+$/.test(id) && !/-(hint|error)$/.test(id))) {
        assert.equal(values(html, 'for').filter((target) => target === id).length, 1, `one label for #${id}`);
      }
    }
  });

  test('the events: upcoming, then past, the first upcoming selected; each option carries what the snippet needs', () => {
    const html = page();
    const groups = [...html.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/g)].map((match) => [match[1], values(match[2], 'value')]);
    assert.deepEqual(groups, [
      ['Komende bijeenkomsten', ['soon &#38; near', 'later']],
      ['Eerdere bijeenkomsten', ['before']],
    ]);
    const [soon] = tagsWith(html, 'option', 'value', 'soon &#38; near');
    assert.ok(soon.includes(' selected'), soon);
    assert.equal(html.match(/<option value="[^"]*" selected data-src/g).length, 1, 'one event selected');
    assert.ok(soon.includes(` data-src="${API}/api/events/soon%20%26%20near"`), soon);
    assert.ok(soon.includes(' data-title="Bijeenkomst soon &#38; near"'));
    assert.ok(soon.includes(' data-address="Köln, Duitsland"'), soon);
    assert.ok(soon.includes(' data-lat="50.94" data-lon="6.98"'), soon);
    assert.ok(!soon.includes('data-url') && !soon.includes('data-endpoint'), 'nothing the file does not have');
    const data = standard().find((entry) => entry.data.id === 'soon & near').data;
    assert.ok(html.includes(`${soon}Bijeenkomst soon &#38; near, ${eventDate(data, 'nl')} (geannuleerd)</option>`));
    const [later] = tagsWith(html, 'option', 'value', 'later');
    assert.ok(later.includes(` data-url="${API}/api/events/agenda/later"`), later);
    assert.ok(later.includes(` data-endpoint="${API}/api/events/later/registrations"`), later);
    assert.ok(later.includes(' data-address="Leeuweriksweg 12, Uden"'), later);
    assert.ok(!later.includes(' selected') && !later.includes('data-lat'));
    const english = page({ locale: 'en' });
    assert.ok(tagsWith(english, 'option', 'value', 'soon &#38; near')[0].includes(' data-address="Köln, Germany"'));
    assert.match(english, /, [^<]+ \(cancelled\)<\/option>/);
  });

  test('only past events: the latest past one is selected', () => {
    const html = page({ events: loaded({ a: event('lang-geleden', -50), b: event('net-voorbij', -2) }) });
    assert.ok(tagsWith(html, 'option', 'value', 'net-voorbij')[0].includes(' selected'));
    assert.doesNotMatch(html, /Komende bijeenkomsten/);
  });

  test('the element and language choices, the page’s own language chosen', () => {
    const html = page({ locale: 'en' });
    const radios = (name) => tagsWith(html, 'input', 'name', name);
    assert.deepEqual(radios('element').map((input) => values(input, 'value')[0]), ELEMENTS);
    assert.deepEqual(radios('element').map((input) => input.includes(' checked')), [true, false, false, false, false]);
    for (const tag of ELEMENTS) assert.ok(html.includes(`aria-describedby="snippet-element-${tag}-hint"`), tag);
    assert.match(html, /<label for="snippet-element-bijeen-map-link">[^<]+ \(bijeen-map-link\)<\/label>/);
    assert.deepEqual(radios('lang').map((input) => [values(input, 'value')[0], input.includes(' checked')]), [['nl', false], ['en', true]]);
    assert.doesNotMatch(radios('lang').join(''), /aria-describedby/, 'the languages have no hints');
    assert.match(html, /<label for="snippet-lang-nl">Dutch<\/label>/);
  });

  test('one fieldset of options per element, only the first shown; where each element’s source comes from', () => {
    const html = page();
    const fieldsets = [...html.matchAll(/<fieldset class="snippet-options" ([^>]*)>/g)].map((match) => match[1]);
    assert.deepEqual(fieldsets, [
      'data-element="bijeen-event" data-src-from-event',
      'data-element="bijeen-event-card" data-src-from-event hidden',
      `data-element="bijeen-event-list" data-src="${API}/api/events" hidden`,
      'data-element="bijeen-registration-form" data-src-from-event hidden',
      'data-element="bijeen-map-link" hidden',
    ]);
    for (const tag of ELEMENTS) assert.ok(html.includes(`<legend>Opties voor ${tag}</legend>`), tag);
  });

  test('each kind of option control, named for its attribute', () => {
    const html = page();
    const control = (id) => html.match(new RegExp(`<(?:input|select) [^>]*id="${id}"[^>]*>`))?.[0];
    assert.equal(
      control('bijeen-event-endpoint'),
      '<input type="url" id="bijeen-event-endpoint" data-attribute="endpoint" data-from-event="endpoint" aria-describedby="bijeen-event-endpoint-hint" autocomplete="off" spellcheck="false" />',
    );
    assert.match(html, /<p class="field-error" id="bijeen-event-endpoint-error" hidden>Vul een volledig webadres in [^<]+ Tot dan laat de code dit attribuut weg\.<\/p>/);
    assert.equal(control('bijeen-registration-form-max-companions'), '<input type="text" inputmode="numeric" data-min="0" data-max="10" id="bijeen-registration-form-max-companions" data-attribute="max-companions" aria-describedby="bijeen-registration-form-max-companions-hint" autocomplete="off" spellcheck="false" />');
    assert.match(html, /id="bijeen-registration-form-max-companions-error" hidden>Vul een geheel getal in van 0 tot en met 10\. /);
    assert.match(control('bijeen-event-list-limit'), /^<input type="text" inputmode="numeric" data-min="1" id=/);
    assert.match(html, /id="bijeen-event-list-limit-error" hidden>Vul een geheel getal in van 1 of meer\. /);
    assert.match(control('bijeen-map-link-lat'), /^<input type="text" inputmode="decimal" data-min="-90" data-max="90" data-decimals id="bijeen-map-link-lat" data-attribute="lat" data-from-event="lat"/);
    assert.match(html, /id="bijeen-map-link-lat-error" hidden>Vul een getal in van -90 tot en met 90, met een punt voor de decimalen\. /);
    assert.match(control('bijeen-map-link-address'), /^<input type="text" id="bijeen-map-link-address" data-attribute="address" data-from-event="address"/);
    assert.doesNotMatch(html, /id="bijeen-map-link-address-error"/, 'free text cannot be wrong');
    assert.match(
      html,
      /<select id="bijeen-event-format" data-attribute="format"><option value="" selected>JSON \(standaard\)<\/option><option value="form">Formuliergegevens \(geen CORS-preflight\)<\/option><\/select>/,
    );
    assert.match(html, /<select id="bijeen-event-card-heading-level" [^>]*><option value="1">h1<\/option><option value="" selected>h2 \(standaard\)<\/option>/);
    assert.match(html, /<input type="checkbox" id="bijeen-event-card-no-map" data-attribute="no-map" \/>/);
    assert.ok(html.includes(`<input type="checkbox" id="bijeen-event-list-calendar-href" data-attribute="calendar-href" value="${API}/api/events.ics" />`));
  });

  test('the preview and the code, with the words the page script shows', () => {
    const html = page();
    assert.match(html, /<div id="snippet-preview" class="snippet-preview"><\/div>/);
    assert.match(html, /<p id="snippet-preview-status" class="status" role="status" data-not-sent="Het voorbeeld verstuurt geen aanmelding\."><\/p>/);
    assert.match(html, /<textarea id="snippet-code" rows="9" readonly spellcheck="false" autocomplete="off"><\/textarea>/);
    assert.match(html, /<button type="button" id="snippet-copy">Kopieer de code<\/button>/);
    assert.match(html, /role="status" data-copied="De code is gekopieerd\." data-select-to-copy="Automatisch kopiëren lukt/);
    assert.ok(html.includes(`${API} `) && html.includes('trusted-types lit-html bijeen'), 'the CSP advice names the endpoint');
    assert.match(html, /<noscript><p>Voor het maken van de code is JavaScript nodig\.<\/p><\/noscript>/);
  });
});
