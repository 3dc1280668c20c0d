// The registrant's own page (demo/server/self-service.ts, `/registration/<token>` from the mails) in
// this process, over loopback HTTP on a SQLite file in a temporary folder: what it shows in Dutch
// and English, the confirmation steps and their plain form posts (no JavaScript), double opt-in,
// and what it refuses: other sites, missing form tokens, odd requests, unknown or malformed links.
// Every registration is made through the API, and its personal link read from the mail it queued.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import * as fixtures from '../endpoint/support/events.mjs';
import { companions, postJson, registration, tempDir } from '../endpoint/support/server.mjs';
import { afterEach, describe, test } from '../support/suite.mjs';
import { closeEndpoints, request, startEndpoint } from './support/endpoint.mjs';

const { SqliteStore } = await tsImport('../../../demo/server/sqlite-store.ts', import.meta.url);
const { formToken } = await tsImport('../../../demo/server/access-token.ts', import.meta.url);
const { formatMoment } = await tsImport('../../../src/text.ts', import.meta.url);
const { time } = await tsImport('../../../src/schema/index.ts', import.meta.url);

const { rules, unlimited } = fixtures;
/** One place, then a waiting list. */
const onePlace = {
  ...unlimited,
  id: 'een-plaats',
  title: 'Testbijeenkomst een-plaats',
  registration: { ...unlimited.registration, endpoint: '/api/events/een-plaats/registrations', capacity: 1, waitlist: true },
};

const temps = [];
afterEach(async () => {
  await closeEndpoints();
  for (const temp of temps.splice(0)) temp.cleanup();
});

/**
 * An endpoint on a SQLite file of its own; `endpoint.mailsQueued()` counts the calls of its
 * `mailQueued` since the last `register()` (whose own mail is the API's). `wrap(store)` may stand
 * between the handlers and the store.
 */
async function start({ wrap = (store) => store, ...options } = {}) {
  const temp = tempDir('bijeen-self-service-');
  temps.push(temp);
  let queued = 0;
  const endpoint = await startEndpoint({
    events: { rules, unlimited, onePlace },
    store: wrap(new SqliteStore(join(temp.dir, 'registrations.sqlite'))),
    mailQueued: () => (queued += 1),
    ...options,
  });
  endpoint.mailsQueued = () => queued;
  endpoint.forgetMailsQueued = () => (queued = 0);
  return endpoint;
}

/** Registers through the API; resolves to `{ body, id, token, path }`: `path` is the personal link's path, from the queued mail. */
async function register(endpoint, event, overrides = {}) {
  const body = registration(event, overrides);
  const answer = await postJson(endpoint, event.id, body);
  assert.equal(answer.status, 201, answer.text);
  const links = (await endpoint.store.mailsTo(body.attendee.email)).map((mail) => mail.message?.link).filter(Boolean);
  assert.equal(links.length, 1, 'one mail with the personal link');
  const link = new URL(links[0]);
  assert.equal(link.origin, endpoint.api);
  const token = link.pathname.slice('/registration/'.length);
  endpoint.forgetMailsQueued();
  return { body, id: answer.body.id, token, path: link.pathname };
}

const get = (endpoint, path, headers = {}) => request(endpoint, { path, headers });

/** A form post from this page (same origin, as a browser sends it without JavaScript). */
function post(endpoint, path, fields, headers = { Origin: endpoint.api }) {
  return request(endpoint, {
    method: 'POST',
    path,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The page's form: its action and its fields (hidden inputs), as a browser would post them. */
function formOf(html) {
  const form = /<form method="post" action="([^"]+)">(.*?)<\/form>/s.exec(html);
  assert.ok(form, `a form in ${html}`);
  const fields = Object.fromEntries(
    [...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))]),
  );
  return { action: form[1], fields };
}

/** The content of `<main>`. */
const mainOf = (html) => /<main>\n(.*)\n<\/main>/s.exec(html)?.[1];
const statuses = async (endpoint, event) => (await endpoint.store.list(event.id)).map((row) => row.status);

const CSP = /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/;

/** The headers of every answer of the page. */
function assertPageHeaders(response) {
  assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['referrer-policy'], 'no-referrer');
  assert.equal(response.headers['x-robots-tag'], 'noindex, nofollow');
  assert.match(response.headers['content-security-policy'], CSP);
}

const NL_CANCEL_EXPLAIN = 'Kunt u niet komen? Annuleer dan uw aanmelding, zodat een ander uw plaats kan krijgen. Wie met u meegaat, wordt ook afgemeld.';
const EN_CANCEL_EXPLAIN = 'Cannot come? Then cancel your registration, so someone else can have your place. Those coming with you are taken off too.';

describe('the personal page', () => {
  test('shows the registration in its language: status, event, what was filled in, companions, cancel link', async () => {
    const endpoint = await start();
    const { path, body } = await register(endpoint, rules, { companions: companions(2, 'pagina') });
    const response = await get(endpoint, path);
    assert.equal(response.status, 200);
    assertPageHeaders(response);
    assert.equal(response.headers['content-length'], String(Buffer.byteLength(response.text)));
    const html = response.text;
    assert.ok(html.startsWith('<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'), html);
    assert.match(html, /<meta name="robots" content="noindex, nofollow">\n<title>Uw aanmelding voor Testbijeenkomst regels<\/title>\n<style>/);
    assert.ok(html.includes(`</head>\n<body>\n<header><a href="${path}?lang=en" hreflang="en" lang="en">English</a></header>\n<main>\n`), html);
    assert.ok(html.endsWith('</main>\n</body>\n</html>\n'));
    assert.doesNotMatch(html, /<script|<form/);
    const main = mainOf(html);
    assert.ok(main.startsWith('  <h1>Uw aanmelding</h1>\n  <p><strong>U bent aangemeld.</strong></p>\n  <h2>De bijeenkomst</h2>\n  <p>Testbijeenkomst regels</p>\n  <dl>\n    <div><dt>Wanneer</dt><dd>'), main);
    assert.ok(main.includes('</dd></div>\n    <div><dt>Waar</dt><dd>Area Wonen, Leeuweriksweg 12, 5402 XD Uden</dd></div>\n'), main);
    assert.ok(
      main.includes(
        `  <h2>Wat u hebt ingevuld</h2>\n  <dl>\n    <div><dt>Naam</dt><dd>${body.attendee.name}</dd></div>\n    <div><dt>E-mailadres</dt><dd>${body.attendee.email}</dd></div>\n`,
      ),
      main,
    );
    assert.ok(main.includes('<div><dt>Welke workshop?</dt><dd>Wonen en zorg</dd></div>\n  </dl>\n'), main);
    assert.ok(
      main.endsWith(
        [
          '  <h2>Wie gaat er met u mee</h2>',
          '  <ul>',
          `    <li>Samenwerkingspartner 1: Partner 1 — <a href="${path}?step=remove&#38;companion=0&#38;lang=nl">Partner 1 afmelden</a></li>`,
          `    <li>Samenwerkingspartner 2: Partner 2 — <a href="${path}?step=remove&#38;companion=1&#38;lang=nl">Partner 2 afmelden</a></li>`,
          '  </ul>',
          '  <h2>Aanmelding annuleren</h2>',
          `  <p>${NL_CANCEL_EXPLAIN}</p>`,
          `  <p><a href="${path}?step=cancel&#38;lang=nl">Aanmelding annuleren</a></p>`,
        ].join('\n'),
      ),
      main,
    );
  });

  test('in English with ?lang=en, with a link back to Dutch', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, rules, { companions: companions(1, 'engels') });
    const { status, text: html } = await get(endpoint, `${path}?lang=en`);
    assert.equal(status, 200);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Your registration for Testbijeenkomst regels<\/title>/);
    assert.ok(html.includes(`<header><a href="${path}?lang=nl" hreflang="nl" lang="nl">Nederlands</a></header>`), html);
    const main = mainOf(html);
    assert.ok(main.startsWith('  <h1>Your registration</h1>\n  <p><strong>You are registered.</strong></p>\n  <h2>The event</h2>\n'), main);
    assert.ok(main.includes('  <h2>What you filled in</h2>\n  <dl>\n    <div><dt>Name</dt>'), main);
    assert.ok(
      main.endsWith(
        [
          '  <h2>Who is coming with you</h2>',
          '  <ul>',
          `    <li>Samenwerkingspartner 1: Partner 1 — <a href="${path}?step=remove&#38;companion=0&#38;lang=en">Take Partner 1 off</a></li>`,
          '  </ul>',
          '  <h2>Cancel registration</h2>',
          `  <p>${EN_CANCEL_EXPLAIN}</p>`,
          `  <p><a href="${path}?step=cancel&#38;lang=en">Cancel registration</a></p>`,
        ].join('\n'),
      ),
      main,
    );
  });

  test('a registration made in English opens in English; ?lang= picks nl or en, nothing else; the browser\'s language does not count', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, unlimited, { locale: 'en' });
    const language = async (query, headers) => /<html lang="(\w+)">/.exec((await get(endpoint, `${path}${query}`, headers)).text)[1];
    assert.equal(await language(''), 'en');
    assert.equal(await language('', { 'Accept-Language': 'nl' }), 'en');
    assert.equal(await language('?lang=nl'), 'nl');
    assert.equal(await language('?lang=de'), 'en');
    assert.equal(await language('?lang=en'), 'en');
    const dutch = await register(endpoint, unlimited);
    assert.equal(/<html lang="(\w+)">/.exec((await get(endpoint, dutch.path, { 'Accept-Language': 'en' })).text)[1], 'nl');
  });

  test('a page without companions has no companions section; HEAD answers with GET\'s headers and no body; looking changes nothing', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, unlimited);
    const page = await get(endpoint, path);
    assert.doesNotMatch(page.text, /Wie gaat er met u mee|<ul>/);
    const head = await request(endpoint, { method: 'HEAD', path });
    assert.equal(head.status, 200);
    assertPageHeaders(head);
    assert.equal(head.text, '');
    assert.equal(head.headers['content-length'], page.headers['content-length'], 'the length a GET gets');
    assert.equal(Number(page.headers['content-length']), Buffer.byteLength(page.text));
    for (const view of ['?step=cancel', '?step=remove&companion=0', '?done=cancelled', '?step=explode']) {
      assert.equal((await get(endpoint, path + view)).status, 200, view);
    }
    assert.deepEqual(await statuses(endpoint, unlimited), ['confirmed']);
    assert.equal(endpoint.mailsQueued(), 0);
  });

  test('the cancel step: the question, a button that posts it with the page\'s form token, and the way back; in Dutch and English', async () => {
    const endpoint = await start();
    const { path, token, id } = await register(endpoint, rules);
    const form = formToken(token, id);
    const dutch = await get(endpoint, `${path}?step=cancel`);
    assert.equal(dutch.status, 200);
    assert.match(dutch.text, /<title>Aanmelding annuleren: Testbijeenkomst regels<\/title>/);
    assert.ok(dutch.text.includes(`<header><a href="${path}?step=cancel&#38;lang=en" hreflang="en" lang="en">English</a></header>`), dutch.text);
    assert.equal(
      mainOf(dutch.text),
      [
        '  <h1>Aanmelding annuleren</h1>',
        '  <p>Wilt u uw aanmelding voor Testbijeenkomst regels annuleren?</p>',
        `  <p>${NL_CANCEL_EXPLAIN}</p>`,
        `  <form method="post" action="${path}"><input type="hidden" name="action" value="cancel"><input type="hidden" name="form" value="${form}"><input type="hidden" name="lang" value="nl"><button type="submit" class="danger">Ja, annuleer mijn aanmelding</button></form>`,
        `  <p><a href="${path}?lang=nl">Nee, terug naar uw aanmelding</a></p>`,
      ].join('\n'),
    );
    const english = await get(endpoint, `${path}?step=cancel&lang=en`);
    assert.match(english.text, /<title>Cancel registration: Testbijeenkomst regels<\/title>/);
    assert.ok(english.text.includes(`<header><a href="${path}?step=cancel&#38;lang=nl" hreflang="nl" lang="nl">Nederlands</a></header>`));
    assert.equal(
      mainOf(english.text),
      [
        '  <h1>Cancel registration</h1>',
        '  <p>Do you want to cancel your registration for Testbijeenkomst regels?</p>',
        `  <p>${EN_CANCEL_EXPLAIN}</p>`,
        `  <form method="post" action="${path}"><input type="hidden" name="action" value="cancel"><input type="hidden" name="form" value="${form}"><input type="hidden" name="lang" value="en"><button type="submit" class="danger">Yes, cancel my registration</button></form>`,
        `  <p><a href="${path}?lang=en">No, back to your registration</a></p>`,
      ].join('\n'),
    );
  });

  test('the step to take a companion off, by position; in Dutch and English', async () => {
    const endpoint = await start();
    const people = companions(2, 'stap');
    const { path, token, id } = await register(endpoint, rules, { companions: people });
    const form = formToken(token, id);
    const dutch = await get(endpoint, `${path}?step=remove&companion=1`);
    assert.match(dutch.text, /<title>Partner 2 afmelden: Testbijeenkomst regels<\/title>/);
    assert.ok(dutch.text.includes(`<header><a href="${path}?step=remove&#38;companion=1&#38;lang=en" hreflang="en" lang="en">English</a></header>`));
    assert.equal(
      mainOf(dutch.text),
      [
        '  <h1>Partner 2 afmelden</h1>',
        '  <p>Wilt u Partner 2 afmelden voor Testbijeenkomst regels?</p>',
        '  <p>De plaats komt vrij. Partner 2 krijgt hierover een e-mail.</p>',
        `  <form method="post" action="${path}"><input type="hidden" name="action" value="remove"><input type="hidden" name="companion" value="${people[1].email}"><input type="hidden" name="form" value="${form}"><input type="hidden" name="lang" value="nl"><button type="submit" class="danger">Ja, meld Partner 2 af</button></form>`,
        `  <p><a href="${path}?lang=nl">Nee, terug naar uw aanmelding</a></p>`,
      ].join('\n'),
    );
    const english = await get(endpoint, `${path}?step=remove&companion=0&lang=en`);
    assert.match(english.text, /<title>Take Partner 1 off: Testbijeenkomst regels<\/title>/);
    assert.equal(
      mainOf(english.text),
      [
        '  <h1>Take Partner 1 off</h1>',
        '  <p>Do you want to take Partner 1 off the registration for Testbijeenkomst regels?</p>',
        '  <p>The place comes free. Partner 1 will get an e-mail about it.</p>',
        `  <form method="post" action="${path}"><input type="hidden" name="action" value="remove"><input type="hidden" name="companion" value="${people[0].email}"><input type="hidden" name="form" value="${form}"><input type="hidden" name="lang" value="en"><button type="submit" class="danger">Yes, take Partner 1 off</button></form>`,
        `  <p><a href="${path}?lang=en">No, back to your registration</a></p>`,
      ].join('\n'),
    );
    for (const query of ['?step=remove&companion=2', '?step=remove&companion=abc', '?step=remove&companion=0.5', '?companion=0', '?step=cancelled&companion=0']) {
      const page = await get(endpoint, path + query);
      assert.equal(page.status, 200, query);
      assert.ok(mainOf(page.text).startsWith('  <h1>Uw aanmelding</h1>'), query);
    }
  });

  test('registrant text is escaped everywhere it appears: page, steps, titles and form values', async () => {
    const endpoint = await start();
    const name = `Jan <script>alert("x")</script> & 'Co'`;
    const escaped = 'Jan &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Co&#39;';
    const { path } = await register(endpoint, rules, {
      attendee: { name, email: 'jan-escape@example.org', organisation: '<b>Het Baken</b>' },
      companions: [{ name: '<img src=x onerror=alert(1)>', email: 'partner-escape@example.org' }],
      remarks: 'Regel één <i>\nRegel "twee"',
    });
    const page = (await get(endpoint, path)).text;
    assert.doesNotMatch(page, /<script|<img|<b>|<i>/);
    assert.ok(page.includes(`<div><dt>Naam</dt><dd>${escaped}</dd></div>`), page);
    assert.ok(page.includes('<div><dt>Organisatie</dt><dd>&#60;b&#62;Het Baken&#60;/b&#62;</dd></div>'));
    assert.ok(page.includes('<div><dt>Opmerkingen</dt><dd>Regel één &#60;i&#62;<br>Regel &#34;twee&#34;</dd></div>'), page);
    assert.ok(page.includes('<li>Samenwerkingspartner 1: &#60;img src=x onerror=alert(1)&#62; — '), page);
    assert.ok(page.includes('>&#60;img src=x onerror=alert(1)&#62; afmelden</a></li>'));
    const step = (await get(endpoint, `${path}?step=remove&companion=0`)).text;
    assert.doesNotMatch(step, /<img/);
    assert.ok(step.includes('<title>&#60;img src=x onerror=alert(1)&#62; afmelden: Testbijeenkomst regels</title>'));
    assert.ok(step.includes('<button type="submit" class="danger">Ja, meld &#60;img src=x onerror=alert(1)&#62; af</button>'));
  });

  test('the link\'s token leaves the page only in links to this same page, never in the log or in links elsewhere', async () => {
    const endpoint = await start();
    const { path, token } = await register(endpoint, rules, { companions: companions(1, 'lek') });
    for (const query of ['', '?step=cancel', '?step=remove&companion=0', '?lang=en']) {
      const { text, headers } = await get(endpoint, path + query);
      assert.equal(headers['referrer-policy'], 'no-referrer');
      const around = [...text.matchAll(new RegExp(`(.{0,30})${token}`, 'g'))].map((match) => match[1]);
      assert.ok(around.length > 0);
      for (const before of around) assert.match(before, / (href|action)="\/registration\/$/, `${query}: ${before}`);
      assert.doesNotMatch(text, /href="https?:[^"]*registration\//);
    }
    const { fields } = formOf((await get(endpoint, `${path}?step=cancel`)).text);
    assert.notEqual(fields.form, token);
    assert.equal((await post(endpoint, path, fields)).status, 303);
    assert.ok(endpoint.logs.length > 0);
    assert.ok(!endpoint.logs.join('\n').includes(token), endpoint.logs.join('\n'));
  });

  test('a notice after a change, in the page\'s language, kept by the language link; an unknown one is ignored', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, unlimited);
    const notices = {
      'done=removed': 'De deelnemer is afgemeld.',
      'done=confirmed': 'Dank u wel: uw aanmelding is bevestigd. U krijgt een e-mail met de gegevens.',
      'done=cancelled': 'Uw aanmelding is geannuleerd. U krijgt een e-mail ter bevestiging.',
      'done=removed&lang=en': 'The participant has been taken off.',
      'done=confirmed&lang=en': 'Thank you: your registration is confirmed. You will get an e-mail with the details.',
      'done=cancelled&lang=en': 'Your registration has been cancelled. You will get an e-mail to confirm it.',
    };
    for (const [query, notice] of Object.entries(notices)) {
      const { text } = await get(endpoint, `${path}?${query}`);
      const heading = query.endsWith('en') ? 'Your registration' : 'Uw aanmelding';
      assert.ok(mainOf(text).startsWith(`  <h1>${heading}</h1>\n  <div class="notice" role="status"><p>${notice}</p></div>\n  <p><strong>`), query);
    }
    const kept = (await get(endpoint, `${path}?done=removed`)).text;
    assert.ok(kept.includes(`<header><a href="${path}?done=removed&#38;lang=en" hreflang="en"`), kept);
    for (const query of ['?done=explode', '?done=', '?done=toString', '?done=constructor', '?done=__proto__']) {
      const { status, text } = await get(endpoint, path + query);
      assert.equal(status, 200, query);
      assert.ok(mainOf(text).startsWith('  <h1>Uw aanmelding</h1>\n  <p><strong>U bent aangemeld.</strong></p>'), query);
    }
  });

  test('a cancelled registration: its status and what was filled in, no steps, nothing left to do', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, rules, { companions: companions(1, 'geannuleerd') });
    const { fields } = formOf((await get(endpoint, `${path}?step=cancel`)).text);
    assert.equal((await post(endpoint, path, fields)).status, 303);
    for (const query of ['', '?step=cancel', '?step=remove&companion=0', '?lang=en&step=cancel']) {
      const { status, text } = await get(endpoint, path + query);
      assert.equal(status, 200, query);
      const main = mainOf(text);
      assert.match(main, /^ {2}<h1>(Uw aanmelding|Your registration)<\/h1>\n {2}<p><strong>(Deze aanmelding is geannuleerd\.|This registration has been cancelled\.)<\/strong><\/p>\n/, query);
      assert.doesNotMatch(main, /<form|<ul>|step=|Aanmelding annuleren|Cancel registration/, query);
      assert.ok(main.endsWith('</dl>'), query);
    }
  });
});

describe('the personal page with double opt-in', () => {
  test('a hold: its status, until when to confirm, and the button that confirms; in Dutch and English', async () => {
    const endpoint = await start({ holdMinutes: 60 });
    const { path, token, id } = await register(endpoint, rules);
    const [stored] = await endpoint.store.list(rules.id);
    assert.equal(stored.status, 'pending');
    const form = formToken(token, id);
    const dutch = mainOf((await get(endpoint, path)).text);
    const until = (locale) => formatMoment(time(stored.confirmBy), locale, 'Europe/Amsterdam');
    assert.ok(
      dutch.startsWith(
        [
          '  <h1>Uw aanmelding</h1>',
          '  <p><strong>Uw aanmelding is nog niet bevestigd. Tot dan houden we uw plaats vast.</strong></p>',
          `  <p>Bevestig uw aanmelding vóór ${until('nl')}.</p>`,
          `  <form method="post" action="${path}"><input type="hidden" name="action" value="confirm"><input type="hidden" name="form" value="${form}"><input type="hidden" name="lang" value="nl"><button type="submit">Aanmelding bevestigen</button></form>`,
          '  <h2>De bijeenkomst</h2>',
        ].join('\n'),
      ),
      dutch,
    );
    const english = mainOf((await get(endpoint, `${path}?lang=en`)).text);
    assert.ok(
      english.startsWith(
        [
          '  <h1>Your registration</h1>',
          '  <p><strong>Your registration is not confirmed yet. Until then we hold your place.</strong></p>',
          `  <p>Please confirm your registration before ${until('en')}.</p>`,
          `  <form method="post" action="${path}"><input type="hidden" name="action" value="confirm"><input type="hidden" name="form" value="${form}"><input type="hidden" name="lang" value="en"><button type="submit">Confirm registration</button></form>`,
        ].join('\n'),
      ),
      english,
    );
    assert.match(english, /<a href="[^"]*step=cancel[^"]*">Cancel registration<\/a>/, 'a hold can be cancelled');
  });

  test('a hold on the waiting list says so and can be confirmed as well', async () => {
    const endpoint = await start({ holdMinutes: 60 });
    await register(endpoint, onePlace);
    const { path } = await register(endpoint, onePlace);
    assert.deepEqual(await statuses(endpoint, onePlace), ['pending', 'pending-waitlist']);
    const dutch = mainOf((await get(endpoint, path)).text);
    assert.ok(dutch.includes('<strong>Uw aanmelding is nog niet bevestigd. De bijeenkomst is vol: na uw bevestiging komt u op de wachtlijst.</strong>'), dutch);
    assert.match(dutch, /<input type="hidden" name="action" value="confirm">/);
    const english = mainOf((await get(endpoint, `${path}?lang=en`)).text);
    assert.ok(english.includes('<strong>Your registration is not confirmed yet. The event is full: once you confirm, you join the waiting list.</strong>'));
  });

  test('confirming from the page: 303 back with a notice; the mail that follows carries the same link', async () => {
    const endpoint = await start({ holdMinutes: 60 });
    const { path, id, body } = await register(endpoint, rules);
    const { action, fields } = formOf((await get(endpoint, path)).text);
    assert.equal(action, path);
    const confirmed = await post(endpoint, action, fields);
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.location, `${path}?lang=nl&done=confirmed`);
    assert.deepEqual(await statuses(endpoint, rules), ['confirmed']);
    assert.equal(endpoint.mailsQueued(), 1);
    assert.ok(endpoint.logs.includes(`registration ${id}: confirm by the registrant (confirmed)`), endpoint.logs.join('\n'));
    const links = (await endpoint.store.mailsTo(body.attendee.email)).map((mail) => mail.message?.link);
    assert.deepEqual(links.map((link) => link && new URL(link).pathname), [path, path], 'the confirmation mail links to the same page');
    const page = mainOf((await get(endpoint, confirmed.headers.location)).text);
    assert.ok(page.includes('<p>Dank u wel: uw aanmelding is bevestigd.'), page);
    assert.doesNotMatch(page, /value="confirm"/);
  });

  test('a hold that ran out: its status, nothing to confirm or cancel', async () => {
    const endpoint = await start({ holdMinutes: 60 });
    const { path } = await register(endpoint, rules, { companions: companions(1, 'verlopen') });
    const { fields } = formOf((await get(endpoint, path)).text);
    const quiet = { promotable: () => undefined, notify: () => ({ mails: [] }) };
    assert.equal((await endpoint.store.expireHolds(new Date(Date.now() + 2 * 3_600_000), quiet)).length, 1);
    const main = mainOf((await get(endpoint, path)).text);
    assert.match(main, /<strong>Deze aanmelding is verlopen: ze is niet op tijd bevestigd\. U kunt zich opnieuw aanmelden\.<\/strong>/);
    assert.doesNotMatch(main, /<form|step=/);
    assert.match(mainOf((await get(endpoint, `${path}?lang=en`)).text), /<strong>This registration has lapsed: it was not confirmed in time\. You can register again\.<\/strong>/);
    const late = await post(endpoint, path, fields);
    assert.equal(late.status, 303);
    assert.equal(late.headers.location, `${path}?lang=nl`, 'nothing changed');
    assert.deepEqual(await statuses(endpoint, rules), ['expired']);
  });
});

describe('changes from the page: plain form posts', () => {
  test('cancelling: 303 back to the page with a notice, places freed, mail queued, logged; twice changes nothing', async () => {
    const endpoint = await start();
    const { path, id } = await register(endpoint, rules, { companions: companions(2, 'annuleren') });
    const { action, fields } = formOf((await get(endpoint, `${path}?step=cancel`)).text);
    const cancelled = await post(endpoint, action, fields);
    assert.equal(cancelled.status, 303);
    assert.equal(cancelled.headers.location, `${path}?lang=nl&done=cancelled`);
    assert.equal(cancelled.headers['content-length'], '0');
    assert.equal(cancelled.headers['cache-control'], 'no-store');
    assert.equal(cancelled.text, '');
    assert.deepEqual(await statuses(endpoint, rules), ['cancelled']);
    assert.equal((await endpoint.store.taken(rules.id)).places, 0);
    assert.equal(endpoint.mailsQueued(), 1);
    assert.deepEqual(endpoint.logs.filter((line) => line.includes('by the registrant')), [`registration ${id}: cancel by the registrant (cancelled)`]);
    const page = mainOf((await get(endpoint, cancelled.headers.location)).text);
    assert.ok(page.includes('<div class="notice" role="status"><p>Uw aanmelding is geannuleerd. U krijgt een e-mail ter bevestiging.</p></div>'));

    const again = await post(endpoint, action, fields);
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, `${path}?lang=nl`);
    assert.equal(endpoint.mailsQueued(), 1);
    assert.equal(endpoint.logs.filter((line) => line.includes('by the registrant')).length, 1);
  });

  test('in English: the form\'s language decides the answer\'s', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, unlimited);
    const { fields } = formOf((await get(endpoint, `${path}?step=cancel&lang=en`)).text);
    assert.equal(fields.lang, 'en');
    const cancelled = await post(endpoint, path, fields, { Origin: endpoint.api, 'Accept-Language': 'nl' });
    assert.equal(cancelled.headers.location, `${path}?lang=en&done=cancelled`);
    const page = mainOf((await get(endpoint, cancelled.headers.location)).text);
    assert.ok(page.startsWith('  <h1>Your registration</h1>\n  <div class="notice" role="status"><p>Your registration has been cancelled. You will get an e-mail to confirm it.</p></div>'), page);
  });

  test('without a language in the form: the browser\'s; a language the page does not speak counts as none', async () => {
    const endpoint = await start();
    for (const [lang, acceptLanguage, expected] of [
      [undefined, 'en-GB,en;q=0.8', 'en'],
      [undefined, undefined, 'nl'],
      ['de', 'en', 'en'],
      ['nl', 'en', 'nl'],
    ]) {
      const { path } = await register(endpoint, unlimited);
      const { fields } = formOf((await get(endpoint, `${path}?step=cancel`)).text);
      if (lang) fields.lang = lang;
      else delete fields.lang;
      const headers = { Origin: endpoint.api, ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}) };
      assert.equal((await post(endpoint, path, fields, headers)).headers.location, `${path}?lang=${expected}&done=cancelled`, `${lang} ${acceptLanguage}`);
    }
  });

  test('taking a companion off: that place is freed, the others stay; twice changes nothing', async () => {
    const endpoint = await start();
    const people = companions(2, 'afmelden');
    const { path, id } = await register(endpoint, rules, { companions: people });
    const { fields } = formOf((await get(endpoint, `${path}?step=remove&companion=1`)).text);
    const removed = await post(endpoint, path, fields);
    assert.equal(removed.status, 303);
    assert.equal(removed.headers.location, `${path}?lang=nl&done=removed`);
    const [stored] = await endpoint.store.list(rules.id);
    assert.deepEqual([stored.status, stored.places, stored.payload.companions.map((person) => person.email)], ['confirmed', 2, [people[0].email]]);
    assert.equal(endpoint.mailsQueued(), 1);
    assert.ok(endpoint.logs.includes(`registration ${id}: remove by the registrant (confirmed)`), endpoint.logs.join('\n'));
    const page = (await get(endpoint, removed.headers.location)).text;
    assert.ok(page.includes('<div class="notice" role="status"><p>De deelnemer is afgemeld.</p></div>'));
    assert.ok(!page.includes(people[1].email) && page.includes(people[0].email));
    const again = await post(endpoint, path, fields);
    assert.equal(again.headers.location, `${path}?lang=nl`);
    assert.equal(endpoint.mailsQueued(), 1);
    assert.equal((await post(endpoint, path, { ...fields, companion: '' })).headers.location, `${path}?lang=nl`, 'no companion named');
    const { companion, ...withoutCompanion } = fields;
    assert.ok(companion);
    assert.equal((await post(endpoint, path, withoutCompanion)).headers.location, `${path}?lang=nl`, 'no companion field');
  });

  test('a cancellation that frees a place promotes from the waiting list, and the log says so', async () => {
    const endpoint = await start();
    const first = await register(endpoint, onePlace);
    await register(endpoint, onePlace);
    assert.deepEqual(await statuses(endpoint, onePlace), ['confirmed', 'waitlisted']);
    const { fields } = formOf((await get(endpoint, `${first.path}?step=cancel`)).text);
    assert.equal((await post(endpoint, first.path, fields)).status, 303);
    assert.deepEqual(await statuses(endpoint, onePlace), ['cancelled', 'confirmed']);
    assert.ok(endpoint.logs.includes(`registration ${first.id}: cancel by the registrant (cancelled); 1 promoted from the waiting list`), endpoint.logs.join('\n'));
  });
});

describe('the personal page refuses', () => {
  /** A registration, its cancel form's fields, and whether it is still confirmed. */
  async function cancellable(endpoint) {
    const { path, id } = await register(endpoint, unlimited);
    const { fields } = formOf((await get(endpoint, `${path}?step=cancel`)).text);
    const stillConfirmed = async () => (await endpoint.store.list(unlimited.id)).find((row) => row.id === id).status === 'confirmed';
    return { path, fields, stillConfirmed };
  }

  test('a POST that another site may have sent: 403 in the browser\'s language, nothing changed', async () => {
    const endpoint = await start();
    const { path, fields, stillConfirmed } = await cancellable(endpoint);
    for (const [what, headers] of [
      ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: endpoint.api }],
      ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site', Origin: endpoint.api }],
      ['Sec-Fetch-Site: none', { 'Sec-Fetch-Site': 'none' }],
      ['a foreign Origin', { Origin: 'https://evil.example.org' }],
      ['Origin null', { Origin: 'null' }],
    ]) {
      const response = await post(endpoint, path, fields, headers);
      assert.equal(response.status, 403, what);
      assertPageHeaders(response);
      assert.equal(
        mainOf(response.text),
        '  <h1>Dit kan niet vanaf hier</h1>\n  <p>Uw keuze is niet verwerkt: deze pagina is verlopen, of het verzoek kwam niet van deze pagina. Open de link uit uw e-mail opnieuw en probeer het nog eens.</p>',
        what,
      );
      assert.doesNotMatch(response.text, /<header>/, 'no language switch on a message');
    }
    const english = await post(endpoint, path, { ...fields, lang: 'nl' }, { Origin: 'https://evil.example.org', 'Accept-Language': 'en' });
    assert.equal(english.status, 403);
    assert.match(english.text, /<html lang="en">[^]*<title>This cannot be done from here<\/title>[^]*<h1>This cannot be done from here<\/h1>\n {2}<p>Your choice was not processed: this page has expired, or the request did not come from this page\./);
    assert.equal(await stillConfirmed(), true);
    assert.equal(endpoint.mailsQueued(), 0);
  });

  test('this page\'s own POSTs pass: Sec-Fetch-Site same-origin (whatever the Origin), or this origin, or no browser at all', async () => {
    const endpoint = await start();
    for (const headers of [{ 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example.org' }, { 'Sec-Fetch-Site': 'same-origin' }, { Origin: endpoint.api }, {}]) {
      const { path, fields } = await cancellable(endpoint);
      const response = await post(endpoint, path, fields, headers);
      assert.equal(response.status, 303, JSON.stringify(headers));
      assert.equal(response.headers.location, `${path}?lang=nl&done=cancelled`);
    }
  });

  test('a POST without this page\'s form token: 403 in the form\'s language, nothing changed', async () => {
    const endpoint = await start();
    const { path, fields, stillConfirmed } = await cancellable(endpoint);
    const other = await cancellable(endpoint);
    for (const [what, body] of [
      ['no form token', { action: 'cancel', lang: 'nl' }],
      ['an empty one', { ...fields, form: '' }],
      ['a wrong one', { ...fields, form: 'x'.repeat(43) }],
      ['another registration\'s', { ...fields, form: other.fields.form }],
    ]) {
      const response = await post(endpoint, path, body);
      assert.equal(response.status, 403, what);
      assert.match(response.text, /<h1>Dit kan niet vanaf hier<\/h1>/, what);
    }
    const english = await post(endpoint, path, { ...fields, form: 'x', lang: 'en' });
    assert.equal(english.status, 403);
    assert.match(english.text, /<h1>This cannot be done from here<\/h1>/);
    assert.equal(await stillConfirmed(), true);
    assert.equal(await other.stillConfirmed(), true);
    assert.equal(endpoint.mailsQueued(), 0);
  });

  test('requests the page does not take: 400, 405, 413 and 415 with a calm message in the browser\'s language', async () => {
    const endpoint = await start();
    const { path, fields, stillConfirmed } = await cancellable(endpoint);
    const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: endpoint.api };
    const nl = '  <h1>Dit verzoek kan de server niet lezen.</h1>\n  <p>Dit verzoek kan de server niet lezen.</p>';
    const en = '  <h1>The server cannot read this request.</h1>\n  <p>The server cannot read this request.</p>';
    for (const [what, init, status, main] of [
      ['an unknown action', { method: 'POST', headers: formHeaders, body: new URLSearchParams({ ...fields, action: 'explode' }).toString() }, 400, nl],
      ['no action, in English', { method: 'POST', headers: formHeaders, body: new URLSearchParams({ form: fields.form, lang: 'en' }).toString() }, 400, en],
      ['PUT', { method: 'PUT', headers: {}, body: 'x' }, 405, nl],
      ['DELETE in English', { method: 'DELETE', headers: { 'Accept-Language': 'en' } }, 405, en],
      ['JSON', { method: 'POST', headers: { ...formHeaders, 'Content-Type': 'application/json' }, body: '{}' }, 415, nl],
      ['no content type, in English', { method: 'POST', headers: { Origin: endpoint.api, 'Accept-Language': 'en' }, body: 'action=cancel' }, 415, en],
      ['a 3 kB form', { method: 'POST', headers: formHeaders, body: `action=cancel&x=${'x'.repeat(3_000)}` }, 413, nl],
      ['a 3 kB form in English', { method: 'POST', headers: { ...formHeaders, 'Accept-Language': 'en' }, body: `x=${'x'.repeat(3_000)}` }, 413, en],
    ]) {
      const response = await request(endpoint, { path, ...init });
      assert.equal(response.status, status, what);
      assertPageHeaders(response);
      assert.equal(mainOf(response.text), main, what);
      if (status === 405) assert.equal(response.headers.allow, 'GET, HEAD, POST');
    }
    assert.equal(await stillConfirmed(), true);
    const withCharset = await post(endpoint, path, fields, undefined);
    assert.equal(withCharset.status, 303, 'no Origin, no Sec-Fetch-Site: not a browser');
    const charset = await cancellable(endpoint);
    const response = await request(endpoint, {
      method: 'POST',
      path: charset.path,
      headers: { 'Content-Type': 'Application/X-WWW-Form-Urlencoded; charset=UTF-8', Origin: endpoint.api },
      body: new URLSearchParams(charset.fields).toString(),
    });
    assert.equal(response.status, 303, 'a form with its charset');
  });

  test('a link that is nobody\'s, or not a link of this server: 404 with a calm page, without asking the database for a malformed one', async () => {
    const lookups = [];
    const endpoint = await start({
      wrap: (store) =>
        new Proxy(store, {
          get(target, key) {
            if (key === 'findByToken') return (hash) => (lookups.push(hash), target.findByToken(hash));
            const value = target[key];
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
    const nobody = 'A'.repeat(43);
    const nl = '  <h1>Deze link werkt niet</h1>\n  <p>Deze link hoort bij geen aanmelding (meer). Gebruik de hele link uit uw e-mail; werkt die niet, neem dan contact op met de organisatie.</p>';
    const en = '  <h1>This link does not work</h1>\n  <p>This link belongs to no registration (any more). Use the whole link from your e-mail; if that does not work, please contact the organiser.</p>';
    for (const [what, token, headers, main] of [
      ['a short token', 'abc', {}, nl],
      ['a bad character', `${'A'.repeat(42)}*`, {}, nl],
      ['a long token', 'A'.repeat(44), { 'Accept-Language': 'en' }, en],
    ]) {
      for (const method of ['GET', 'POST']) {
        const response = await request(endpoint, { method, path: `/registration/${token}`, headers: { ...headers, Origin: endpoint.api, 'Content-Type': 'application/x-www-form-urlencoded' }, body: method === 'POST' ? 'action=cancel' : undefined });
        assert.equal(response.status, 404, `${what} ${method}`);
        assertPageHeaders(response);
        assert.equal(mainOf(response.text), main, what);
        assert.match(response.text, /<\/style>\n<\/head>\n<body>\n<main>\n/, 'no language switch on a message');
      }
    }
    assert.equal(mainOf((await get(endpoint, `/registration/abc?lang=en`)).text), en, '?lang= counts');
    assert.deepEqual(lookups, [], 'no database look-up');
    const unknown = await get(endpoint, `/registration/${nobody}`);
    assert.equal(unknown.status, 404);
    assert.equal(mainOf(unknown.text), nl);
    assert.ok(!unknown.text.includes(nobody), 'the token is not echoed');
    assert.equal(mainOf((await get(endpoint, `/registration/${nobody}`, { 'Accept-Language': 'en' })).text), en);
    const posted = await post(endpoint, `/registration/${nobody}`, { action: 'cancel', form: 'x', lang: 'en' });
    assert.equal(posted.status, 404);
    assert.equal(mainOf(posted.text), en);
    assert.equal(lookups.length, 3);
  });

  test('the page is at /registration/<token> and nowhere else: a path around it is the API\'s 404', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, unlimited);
    assert.equal((await get(endpoint, path)).status, 200);
    for (const around of [`/api${path}`, `${path}/`, `${path}/cancel`]) {
      const response = await get(endpoint, around);
      assert.equal(response.status, 404, around);
      assert.match(response.headers['content-type'], /^application\/json/, `${around}: not the page`);
    }
  });

  test('a registration whose event is gone from the event files: 404', async () => {
    const endpoint = await start();
    const { path } = await register(endpoint, unlimited);
    endpoint.events.delete(unlimited.id);
    const response = await get(endpoint, path);
    assert.equal(response.status, 404);
    assert.match(response.text, /<h1>Deze link werkt niet<\/h1>/);
  });

  test('a registration erased between the page\'s look-up and the change: 404, nothing queued', async () => {
    let eraseFirst;
    const endpoint = await start({
      wrap: (store) =>
        new Proxy(store, {
          get(target, key) {
            if (key === 'cancel') {
              return async (...args) => {
                await target.erasePerson(eraseFirst, { promotable: () => undefined, notify: () => ({ mails: [] }) });
                return target.cancel(...args);
              };
            }
            const value = target[key];
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
    const { path, body } = await register(endpoint, unlimited);
    eraseFirst = body.attendee.email;
    const { fields } = formOf((await get(endpoint, `${path}?step=cancel&lang=en`)).text);
    const response = await post(endpoint, path, fields);
    assert.equal(response.status, 404);
    assert.match(response.text, /<h1>This link does not work<\/h1>/);
    assert.equal(endpoint.mailsQueued(), 0);
  });
});
