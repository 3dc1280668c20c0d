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
    assert.match(unbuilt, /snippet-builder\.css" \/>\n {2}<\/head>/, 'nothing else in the head');
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
    const laterData = standard().find((entry) => entry.data.id === 'later').data;
    assert.ok(html.includes(`${later}Bijeenkomst later, ${eventDate(laterData, 'nl')}</option>`), 'not cancelled: no note');
    const english = page({ locale: 'en' });
    assert.ok(tagsWith(english, 'option', 'value', 'soon &#38; near')[0].includes(' data-address="Köln, Germany"'));
    assert.match(english, /, [^<]+ \(cancelled\)<\/option>/);
  });

  test('only past events: the latest past one is selected', () => {
    const html = page({ events: loaded({ a: event('lang-geleden', -50), b: event('net-voorbij', -2) }) });
    assert.ok(tagsWith(html, 'option', 'value', 'net-voorbij')[0].includes(' selected'));
    assert.match(html, /aria-describedby="snippet-event-hint">\s*<optgroup label="Eerdere bijeenkomsten">.*<\/optgroup>\s*<\/select>/, 'no group for upcoming ones');
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

describe('snippetPage: the options per element', () => {
  /**
   * Each element's option controls in order, written short: `attribute: control`, where a select
   * lists its values (the default first as `*`, which the snippet leaves out), a number its range,
   * and `← fact` the event fact it is filled in with.
   */
  function optionTable(html) {
    const table = {};
    for (const [, tag, body] of html.matchAll(/<fieldset class="snippet-options" data-element="([\w-]+)"[^>]*>([\s\S]*?)<\/fieldset>/g)) {
      table[tag] = [...body.matchAll(/<select ([^>]*)>([\s\S]*?)<\/select>|<input ([^>]*)>/g)].map(([, selectAttributes, options, inputAttributes]) => {
        const attributes = selectAttributes ?? inputAttributes;
        const attribute = (name) => new RegExp(`(?:^| )${name}(?:="([^"]*)")?(?= |$| />)`).exec(attributes);
        let control;
        if (options !== undefined) {
          control = [...options.matchAll(/<option value="([^"]*)"( selected)?>/g)].map(([, value, selected]) => (selected ? `*${value}` : value)).join('|');
        } else {
          const type = attribute('type')[1];
          const mode = attribute('inputmode')?.[1];
          const range = attribute('data-min') ? ` ${attribute('data-min')[1]}..${attribute('data-max')?.[1] ?? ''}` : '';
          const value = attribute('value') ? ` =${attribute('value')[1]}` : '';
          control = `${mode ?? type}${range}${attribute('data-decimals') ? ' decimals' : ''}${value}`;
        }
        const fact = attribute('data-from-event')?.[1];
        return `${attribute('data-attribute')[1]}: ${control}${fact ? ` ← ${fact}` : ''}`;
      });
    }
    return table;
  }

  test('each element offers its documented attributes, each with the control it needs', () => {
    const providers = '*|google|apple|geo';
    const levels = '1|*|3|4|5|6';
    assert.deepEqual(optionTable(page()), {
      'bijeen-event': ['endpoint: url ← endpoint', 'format: *|form', `map-provider: ${providers}`, 'no-structured-data: checkbox'],
      'bijeen-event-card': [
        'variant: *|teaser',
        `heading-level: ${levels}`,
        `map-provider: ${providers}`,
        'registration-href: text',
        'no-calendar: checkbox',
        'no-map: checkbox',
        'no-structured-data: checkbox',
      ],
      'bijeen-event-list': [
        'tag: text',
        'limit: numeric 1..',
        'past: checkbox',
        'group-by: *|month',
        `heading-level: ${levels}`,
        `map-provider: ${providers}`,
        'label: text',
        `calendar-href: checkbox =${API}/api/events.ics`,
        'no-structured-data: checkbox',
      ],
      'bijeen-registration-form': [
        'endpoint: url ← endpoint',
        'format: *|form',
        'max-companions: numeric 0..10',
        'privacy-url: url',
        'timeout: numeric 0..3600000',
        'retries: numeric 0..10',
        'retry-delay: numeric 0..60000',
      ],
      'bijeen-map-link': [
        'address: text ← address',
        'lat: decimal -90..90 decimals ← lat',
        'lon: decimal -180..180 decimals ← lon',
        'label: text',
        `provider: ${providers}`,
        'mode: *|directions',
      ],
    });
  });

  test('select values in words, the default marked as such; in English too', () => {
    const dutch = page();
    assert.match(dutch, /<select id="bijeen-event-card-variant" data-attribute="variant"[^>]*><option value="" selected>[^<]+ \(standaard\)<\/option><option value="teaser">/);
    assert.match(dutch, /<select id="bijeen-map-link-mode" [^>]*><option value="" selected>[^<]+ \(standaard\)<\/option><option value="directions">[^<]+<\/option><\/select>/);
    const english = page({ locale: 'en' });
    assert.match(english, /<legend>Options for bijeen-event<\/legend>/);
    assert.match(english, /<option value="" selected>JSON \(default\)<\/option>/);
    assert.match(english, /id="bijeen-event-list-limit-error" hidden>Enter a whole number of 1 or more\. Until then the code leaves this attribute out\.<\/p>/);
    assert.match(english, /id="bijeen-registration-form-retries-error" hidden>Enter a whole number from 0 to 10\. /);
    assert.match(english, /id="bijeen-map-link-lon-error" hidden>Enter a number from -180 to 180, with a point for decimals\. /);
    assert.ok(
      english.includes(
        `<p>If the partner site has a Content-Security-Policy, add the script&#39;s address to script-src and ${API} to connect-src, and with Trusted Types: trusted-types lit-html bijeen. The endpoint accepts registrations only from the sites in ALLOWED_ORIGINS.</p>`,
      ),
    );
  });

  test('the start tags exactly: options, radios, labels and hints carry nothing else', () => {
    const html = page();
    const [later] = tagsWith(html, 'option', 'value', 'before');
    assert.equal(later, `<option value="before" data-src="${API}/api/events/before" data-title="Bijeenkomst before" data-address="Leeuweriksweg 12, Uden">`);
    const lang = tagsWith(html, 'input', 'name', 'lang');
    assert.deepEqual(lang, [
      '<input type="radio" name="lang" id="snippet-lang-nl" value="nl" checked />',
      '<input type="radio" name="lang" id="snippet-lang-en" value="en" />',
    ]);
    assert.match(html, /<label for="snippet-lang-en">Engels<\/label>\n {10}<\/div>/, 'no hint after a language');
    assert.equal(
      tagsWith(html, 'input', 'value', 'bijeen-event-card')[0],
      '<input type="radio" name="element" id="snippet-element-bijeen-event-card" value="bijeen-event-card" aria-describedby="snippet-element-bijeen-event-card-hint" />',
    );
    assert.match(html, /<label for="bijeen-event-card-no-map">[^<]+<\/label>\n {10}<\/div>/, 'a checkbox without a hint');
    assert.match(html, /<label for="bijeen-event-list-tag">[^<]+<\/label>\n {12}<p class="hint" id="bijeen-event-list-tag-hint">/);
    assert.match(html, /id="bijeen-event-card-registration-href-hint">[^<]+<\/p>\n {12}<input type="text"/, 'text: no error message');
    assert.match(html, /<\/optgroup><optgroup label=/, 'the groups side by side');
    assert.match(html, /<\/option><option value="later"/, 'options side by side');
    assert.match(html, /<\/div>\n {8}<\/fieldset>\n\n {8}<fieldset class="snippet-choices">/);
    assert.match(html, /<\/fieldset>\n {8}<fieldset class="snippet-options"/);
    assert.match(html, /<\/div>\n {10}<div class="choice">\n {12}<input type="radio" name="element" id="snippet-element-bijeen-event-card"/, 'choices side by side');
    assert.match(html, /<\/div>\n {10}<div class="field">\n {12}<label for="bijeen-event-format">/, 'option fields side by side');
    assert.doesNotMatch(html, /<optgroup label="[^"]*"><\/optgroup>/);
  });

  test('an event without a place or coordinates: no address, no lat or lon on its option', () => {
    const online = loaded({ a: event('online', 3, { location: { online: 'https://meet.example.org/x' } }), b: event('nergens', 4, { location: undefined }) });
    const html = page({ events: online });
    for (const id of ['online', 'nergens']) {
      const [option] = tagsWith(html, 'option', 'value', id);
      assert.doesNotMatch(option, /data-address|data-lat|data-lon/, id);
    }
  });
});
