// The endpoint's mails as registrants and companions receive them (demo/server/mail/compose.ts, its
// wording in messages.ts, and `Notices.compose()`): a queued intent is written into a mail, the
// outbox transport stores it as a real `.eml` file, and the test reads that back with mailparser
// (the calendar file with ical.js), in Dutch and in English. Events come from event files in a
// temporary folder, loaded as the endpoint loads them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { calendarEvent, readOutbox } from '../endpoint/support/mail.mjs';
import { tempDir, writeEvents } from '../endpoint/support/server.mjs';
import { afterEach, beforeEach, describe, test } from '../support/suite.mjs';

const { loadEvents } = await tsImport('../../../demo/server/events.ts', import.meta.url);
const { Notices } = await tsImport('../../../demo/server/mail/notices.ts', import.meta.url);
const { outboxTransport } = await tsImport('../../../demo/server/mail/transport.ts', import.meta.url);

const ORIGIN = 'https://aanmelden.example.org';
const FROM = 'bijeen@example.org';
const LINK = `${ORIGIN}/registration/${'k'.repeat(43)}`;
/** When the mails were queued: the Date header and the calendar file's DTSTAMP. */
const QUEUED_AT = '2030-05-20T07:15:00.000Z';

/**
 * In London's summer time (UTC+1), so that a date written in the event's own zone differs from
 * Amsterdam's (the default zone) and from the machine's.
 */
const meeting = {
  id: 'wonen-met-zorg',
  title: 'Wonen met zorg: wat werkt',
  start: '2030-06-12T09:30:00+01:00',
  end: '2030-06-12T12:00:00+01:00',
  timeZone: 'Europe/London',
  url: 'https://www.example.org/agenda/wonen-met-zorg',
  location: {
    name: 'Area Wonen',
    street: 'Leeuweriksweg 12',
    postalCode: '5402 XD',
    city: 'Uden',
    lat: 51.66,
    lon: 5.62,
    online: 'https://meet.example.org/wonen',
  },
  organizer: { name: 'Vakgemeenschap Wonen', email: 'organisator@example.org' },
  registration: {
    email: 'aanmelden@example.org',
    capacity: 20,
    maxCompanions: 2,
    companionLabel: 'samenwerkingspartner',
    memberQuestion: 'Is uw organisatie lid?',
    questions: [{ id: 'workshop', label: 'Welke workshop?', type: 'radio', options: ['Wonen', 'Zorg'], required: true }],
  },
};

/** A page relative to the endpoint, only the organiser's address, the default companion word. */
const relative = {
  id: 'buurtavond',
  title: 'Buurtavond',
  start: '2030-06-20T19:00:00+02:00',
  end: '2030-06-20T21:00:00+02:00',
  url: '/agenda/buurtavond',
  organizer: { name: 'Buurtteam', email: 'buurtteam@example.org' },
  registration: { maxCompanions: 1 },
};

/** No page, no place, no address to reply to. */
const bare = { id: 'kaal', title: 'Kale bijeenkomst', start: '2030-06-21T10:00:00+02:00', registration: {} };

function payload(event, overrides = {}) {
  return {
    eventId: event.id,
    attendee: { name: 'Fien de Vries', email: 'fien@example.org', organisation: 'Woonstichting Het Baken' },
    companions: [],
    answers: {},
    consent: true,
    locale: 'nl',
    ...overrides,
  };
}

let temp;
let notices;
let outbox;
let events;
let ids = 0;

beforeEach(() => {
  temp = tempDir('bijeen-mail-compose-');
  events = loadEvents(writeEvents(join(temp.dir, 'events'), { meeting, relative, bare }), () => {});
  notices = new Notices({ events, publicOrigin: () => new URL(ORIGIN) });
  outbox = outboxTransport(join(temp.dir, 'outbox'), FROM);
});

afterEach(() => {
  outbox.close();
  temp.cleanup();
});

/**
 * Writes the mail for `intent` as the worker does (`Notices.compose`, then the outbox) and reads the
 * file back: `{ mail, raw }`, `mail` as mailparser parses it.
 */
async function deliver(to, intent, { createdAt = QUEUED_AT } = {}) {
  const id = ++ids;
  const message = notices.compose({ id, to, message: intent, attempts: 1, createdAt });
  assert.ok(message, 'the event is known');
  await outbox.send(id, to, message);
  const files = (await readOutbox(join(temp.dir, 'outbox'))).filter(({ name }) => name.endsWith(`-${id}.eml`));
  assert.equal(files.length, 1);
  return { id, mail: files[0].mail };
}

/** The registrant's mail of `kind` for `event`. */
const registrantMail = (kind, event, fields = {}, extra = {}) =>
  deliver('fien@example.org', { kind, eventId: event.id, payload: payload(event, fields), link: LINK, ...extra });

/** The companion's mail of `kind` for `event`, registered by Fien. */
const companionMail = (kind, event, fields = {}) =>
  deliver('ada@example.org', {
    kind,
    eventId: event.id,
    payload: payload(event, { companions: [{ name: 'Ada Jansen', email: 'ada@example.org' }], ...fields }),
    companion: { name: 'Ada Jansen' },
  });

const paragraphs = (text) => text.trim().split('\n\n');

/** The meeting as every Dutch mail about it describes it, between the greeting and what follows. */
const MEETING_NL = [
  'DE BIJEENKOMST',
  '',
  'Wonen met zorg: wat werkt',
  '',
  'Wanneer: woensdag 12 juni 2030, 9.30–12.00 uur',
  'Waar: Area Wonen, Leeuweriksweg 12, 5402 XD Uden',
  'Kaart: https://www.openstreetmap.org/?mlat=51.66&mlon=5.62#map=17/51.66/5.62',
  'Online: https://meet.example.org/wonen',
  'Meer informatie: https://www.example.org/agenda/wonen-met-zorg',
];

describe('the registrant\'s confirmation', () => {
  test('in Dutch: greeting, what happened, the event in its own time zone, what they filled in, the personal link and the calendar file', async () => {
    const { id, mail } = await registrantMail('confirmed', meeting, {
      attendee: { name: 'Fien de Vries', email: 'fien@example.org', organisation: 'Woonstichting Het Baken', role: 'Beleidsadviseur' },
      member: false,
      companions: [{ name: 'Ada Jansen', email: 'ada@example.org', organisation: 'Gemeente Uden' }],
      answers: { workshop: 'Zorg' },
      remarks: 'Graag een rolstoelplek',
    });
    assert.equal(mail.subject, 'Aanmelding bevestigd: Wonen met zorg: wat werkt');
    assert.deepEqual(mail.from.value, [{ address: FROM, name: '' }]);
    assert.deepEqual(mail.to.value, [{ address: 'fien@example.org', name: '' }]);
    // Replies go to the event's registration address, not to the sending address.
    assert.deepEqual(mail.replyTo.value, [{ address: 'aanmelden@example.org', name: '' }]);
    // The same Message-ID and Date on every attempt: the queue's id and time.
    assert.equal(mail.messageId, `<mail-${id}.${Date.parse(QUEUED_AT)}@aanmelden.example.org>`);
    assert.equal(mail.date.toISOString(), QUEUED_AT);
    assert.equal(
      mail.text,
      [
        'Beste Fien de Vries,',
        '',
        'U bent aangemeld voor Wonen met zorg: wat werkt. Hieronder staat wat u hebt ingevuld.',
        '',
        ...MEETING_NL,
        '',
        'UW AANMELDING',
        '',
        'Status: Aangemeld',
        'Naam: Fien de Vries',
        'E-mailadres: fien@example.org',
        'Organisatie: Woonstichting Het Baken',
        'Functie: Beleidsadviseur',
        'Is uw organisatie lid?: Nee',
        'Samenwerkingspartner 1: Ada Jansen, ada@example.org, Gemeente Uden',
        'Welke workshop?: Zorg',
        'Opmerkingen: Graag een rolstoelplek',
        '',
        'Uw aanmelding bekijken, een deelnemer afmelden of annuleren:',
        LINK,
        '',
        'In de bijlage zit de afspraak voor uw agenda (.ics).',
        '',
        'Deze link is persoonlijk: stuur deze e-mail niet door.',
        '',
      ].join('\n'),
    );

    // The card's calendar file: the same UID as the card and the feed, stamped when queued.
    const [attachment] = mail.attachments;
    assert.equal(mail.attachments.length, 1);
    assert.equal(attachment.filename, 'bijeenkomst.ics');
    assert.equal(attachment.contentType, 'text/calendar');
    assert.match(attachment.headers.get('content-type').params.method, /^publish$/i);
    const event = calendarEvent(mail);
    assert.equal(event.uid, 'wonen-met-zorg@www.example.org');
    assert.equal(event.summary, meeting.title);
    assert.equal(event.startDate.toJSDate().toISOString(), '2030-06-12T08:30:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2030-06-12T11:00:00.000Z');
    assert.equal(event.component.getFirstPropertyValue('dtstamp').toJSDate().toISOString(), QUEUED_AT);
  });

  test('in English, with the form\'s English field names; the event\'s own words stay as written', async () => {
    const { mail } = await registrantMail('confirmed', meeting, {
      locale: 'en',
      member: true,
      companions: [{ name: 'Ada Jansen', email: 'ada@example.org' }],
      answers: { workshop: 'Wonen' },
    });
    assert.equal(mail.subject, 'Registration confirmed: Wonen met zorg: wat werkt');
    assert.equal(
      mail.text,
      [
        'Dear Fien de Vries,',
        '',
        'You are registered for Wonen met zorg: wat werkt. Below is what you filled in.',
        '',
        'THE EVENT',
        '',
        'Wonen met zorg: wat werkt',
        '',
        'When: Wednesday 12 June 2030, 09:30–12:00',
        'Where: Area Wonen, Leeuweriksweg 12, 5402 XD Uden',
        'Map: https://www.openstreetmap.org/?mlat=51.66&mlon=5.62#map=17/51.66/5.62',
        'Online: https://meet.example.org/wonen',
        'More information: https://www.example.org/agenda/wonen-met-zorg',
        '',
        'YOUR REGISTRATION',
        '',
        'Status: Registered',
        'Name: Fien de Vries',
        'E-mail address: fien@example.org',
        'Organisation: Woonstichting Het Baken',
        'Is uw organisatie lid?: Yes',
        'Samenwerkingspartner 1: Ada Jansen, ada@example.org',
        'Welke workshop?: Wonen',
        '',
        'View your registration, take a participant off it or cancel it:',
        LINK,
        '',
        'The appointment for your calendar is attached (.ics).',
        '',
        'This link is personal: please do not forward this e-mail.',
        '',
      ].join('\n'),
    );
    assert.equal(mail.attachments[0].filename, 'event.ics');
    assert.match(mail.html, /<html lang="en">/);
  });

  test('the HTML alternative says the same, with links, and escapes what the registrant typed', async () => {
    const { mail } = await registrantMail('confirmed', meeting, {
      attendee: { name: 'Fien <script>alert(1)</script> & "Co"', email: 'fien@example.org', organisation: "O'Brien & Zn" },
      answers: { workshop: 'Zorg' },
      member: true,
      remarks: 'Eerste regel <b>\nTweede regel',
    });
    // The plain text shows what was typed, as typed.
    assert.match(mail.text, /^Beste Fien <script>alert\(1\)<\/script> & "Co",$/m);
    assert.match(mail.text, /^Opmerkingen: Eerste regel <b>\nTweede regel$/m);

    const { html } = mail;
    assert.doesNotMatch(html, /<script|<b>/);
    assert.ok(
      html.startsWith(
        [
          '<!doctype html>',
          '<html lang="nl">',
          '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>',
          'Aanmelding bevestigd: Wonen met zorg: wat werkt',
          '</title></head>',
          '<body>',
          '<p>Beste Fien &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Co&#34;,</p>',
          '',
        ].join('\n'),
      ),
      html,
    );
    assert.ok(html.includes('<strong>Organisatie:</strong> O&#39;Brien &#38; Zn<br>\n'), html);
    // A line break the registrant typed is a line break in the HTML too.
    assert.ok(html.includes('<strong>Opmerkingen:</strong> Eerste regel &#60;b&#62;<br>Tweede regel</p>'), html);
    assert.ok(html.includes('<h2>De bijeenkomst</h2>\n<p>Wonen met zorg: wat werkt</p>'), html);
    assert.ok(html.includes('<h2>Uw aanmelding</h2>\n<p><strong>Status:</strong> Aangemeld<br>\n<strong>Naam:</strong>'), html);
    assert.ok(
      html.includes(
        '<strong>Kaart:</strong> <a href="https://www.openstreetmap.org/?mlat=51.66&#38;mlon=5.62#map=17/51.66/5.62">Bekijk op de kaart</a><br>\n',
      ),
      html,
    );
    assert.ok(html.includes(`<p><a href="${LINK}">Uw aanmelding bekijken, een deelnemer afmelden of annuleren</a></p>`), html);
    assert.ok(html.endsWith('<p>Deze link is persoonlijk: stuur deze e-mail niet door.</p>\n</body>\n</html>\n'), html);
  });

  test('a title with markup is escaped in the HTML and shown as written in the text and the subject', async () => {
    const tricky = { ...meeting, id: 'lastig', title: 'Huren & <kopen>' };
    events = loadEvents(writeEvents(join(temp.dir, 'tricky'), { tricky }), () => {});
    notices = new Notices({ events, publicOrigin: () => new URL(ORIGIN) });
    const { mail } = await registrantMail('confirmed', tricky, { member: true, answers: { workshop: 'Zorg' } });
    assert.equal(mail.subject, 'Aanmelding bevestigd: Huren & <kopen>');
    assert.match(mail.text, /^Huren & <kopen>$/m);
    assert.match(mail.html, /<title>\nAanmelding bevestigd: Huren &#38; &#60;kopen&#62;\n<\/title>/);
    assert.match(mail.html, /<p>Huren &#38; &#60;kopen&#62;<\/p>/);
    assert.doesNotMatch(mail.html, /<kopen>/);
  });
});

describe('what each registrant mail says', () => {
  const title = meeting.title;
  /** Per kind and language: subject, the sentence after the greeting, the status line. */
  const wording = {
    promoted: {
      nl: [`Er is een plaats voor u: ${title}`, `Er is een plaats vrijgekomen: u stond op de wachtlijst en bent nu aangemeld voor ${title}.`, 'Aangemeld'],
      en: [`A place for you: ${title}`, `A place has come free: you were on the waiting list and are now registered for ${title}.`, 'Registered'],
    },
    waitlisted: {
      nl: [
        `U staat op de wachtlijst: ${title}`,
        `${title} is vol. U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u die vanzelf en hoort u dat per e-mail.`,
        'Op de wachtlijst',
      ],
      en: [
        `You are on the waiting list: ${title}`,
        `${title} is full. You are on the waiting list. If a place comes free, it is yours automatically and we will let you know by e-mail.`,
        'On the waiting list',
      ],
    },
    pending: {
      nl: [
        `Bevestig uw aanmelding: ${title}`,
        `U hebt zich aangemeld voor ${title}. Bevestig uw aanmelding vóór zaterdag 1 juni 2030, 11.00 uur met de link hieronder; daarna vervalt ze. Tot dan houden we uw plaats vast.`,
        'Nog niet bevestigd',
      ],
      en: [
        `Please confirm your registration: ${title}`,
        `You registered for ${title}. Please confirm your registration before Saturday 1 June 2030, 11:00 with the link below; after that it lapses. Until then we hold your place.`,
        'Not confirmed yet',
      ],
    },
    'pending-waitlist': {
      nl: [
        `Bevestig uw aanmelding: ${title}`,
        `U hebt zich aangemeld voor ${title}. Bevestig uw aanmelding vóór zaterdag 1 juni 2030, 11.00 uur met de link hieronder; daarna vervalt ze. De bijeenkomst is vol: na uw bevestiging komt u op de wachtlijst.`,
        'Nog niet bevestigd',
      ],
      en: [
        `Please confirm your registration: ${title}`,
        `You registered for ${title}. Please confirm your registration before Saturday 1 June 2030, 11:00 with the link below; after that it lapses. The event is full: once you confirm, you join the waiting list.`,
        'Not confirmed yet',
      ],
    },
    cancelled: {
      nl: [`Aanmelding geannuleerd: ${title}`, `Uw aanmelding voor ${title} is geannuleerd. Uw plaats is vrijgegeven.`, 'Geannuleerd'],
      en: [`Registration cancelled: ${title}`, `Your registration for ${title} has been cancelled. Your place has been released.`, 'Cancelled'],
    },
  };

  for (const [kind, languages] of Object.entries(wording)) {
    for (const [locale, [subject, intro, status]] of Object.entries(languages)) {
      test(`${kind}, ${locale}: its subject, what happened and the status`, async () => {
        // The deadline is 10:00 UTC: 11.00 in London's summer time, the event's zone.
        const { mail } = await registrantMail(kind, meeting, { locale, member: true, answers: { workshop: 'Zorg' } }, {
          confirmBy: '2030-06-01T10:00:00.000Z',
          link: kind === 'cancelled' ? undefined : LINK,
        });
        assert.equal(mail.subject, subject);
        const [greeting, said] = paragraphs(mail.text);
        assert.equal(greeting, locale === 'en' ? 'Dear Fien de Vries,' : 'Beste Fien de Vries,');
        assert.equal(said, intro);
        assert.match(mail.text, new RegExp(`^Status: ${status}$`, 'm'));
      });
    }
  }

  test('a pending registration: the confirm link comes first, no other link, no calendar file yet', async () => {
    for (const kind of ['pending', 'pending-waitlist']) {
      const { mail } = await registrantMail(kind, meeting, { member: true, answers: { workshop: 'Zorg' } }, { confirmBy: '2030-06-01T10:00:00.000Z' });
      const blocks = paragraphs(mail.text);
      assert.equal(blocks[2], `Uw aanmelding bevestigen:\n${LINK}`);
      assert.equal(blocks[3], 'DE BIJEENKOMST');
      assert.equal(blocks.at(-1), 'Deze link is persoonlijk: stuur deze e-mail niet door.');
      assert.doesNotMatch(mail.text, /bekijken, een deelnemer afmelden|In de bijlage/);
      assert.equal(mail.text.split(LINK).length, 2, 'the link once');
      assert.ok(mail.html.includes(`<p><a href="${LINK}">Uw aanmelding bevestigen</a></p>\n<h2>De bijeenkomst</h2>`), mail.html);
      assert.deepEqual(mail.attachments, []);
    }
  });

  test('waitlisted: the link to view or cancel, no calendar file; promoted: the link and the calendar file', async () => {
    const { mail: waiting } = await registrantMail('waitlisted', meeting, { member: true, answers: { workshop: 'Zorg' } });
    const waitingBlocks = paragraphs(waiting.text);
    assert.deepEqual(waitingBlocks.slice(-2), [
      `Uw aanmelding bekijken, een deelnemer afmelden of annuleren:\n${LINK}`,
      'Deze link is persoonlijk: stuur deze e-mail niet door.',
    ]);
    assert.deepEqual(waiting.attachments, []);

    const { mail: promoted } = await registrantMail('promoted', meeting, { locale: 'en', member: true, answers: { workshop: 'Zorg' } });
    assert.deepEqual(paragraphs(promoted.text).slice(-3), [
      `View your registration, take a participant off it or cancel it:\n${LINK}`,
      'The appointment for your calendar is attached (.ics).',
      'This link is personal: please do not forward this e-mail.',
    ]);
    assert.equal(calendarEvent(promoted).uid, 'wonen-met-zorg@www.example.org');
  });

  test('cancelled: a receipt without a link, without the warning about one, without a calendar file', async () => {
    const { mail } = await registrantMail('cancelled', meeting, { member: true, answers: { workshop: 'Zorg' } }, { link: undefined });
    assert.doesNotMatch(mail.text, /\/registration\/|persoonlijk|In de bijlage/);
    assert.doesNotMatch(mail.html, /<a href="[^"]*\/registration\//);
    assert.equal(paragraphs(mail.text).at(-1).split('\n')[0], 'Status: Geannuleerd');
    assert.deepEqual(mail.attachments, []);
  });
});

describe('the companions\' short mails', () => {
  test('confirmed: who registered them and as what, the event, whom to tell, and the calendar file; nothing of the registrant\'s answers', async () => {
    const { mail } = await companionMail('companion', meeting, { member: false, answers: { workshop: 'Zorg' }, remarks: 'Graag een rolstoelplek' });
    assert.equal(mail.subject, 'U bent aangemeld voor Wonen met zorg: wat werkt');
    assert.deepEqual(mail.to.value, [{ address: 'ada@example.org', name: '' }]);
    assert.equal(
      mail.text,
      [
        'Beste Ada Jansen,',
        '',
        'Fien de Vries heeft u als samenwerkingspartner aangemeld voor Wonen met zorg: wat werkt.',
        '',
        ...MEETING_NL,
        '',
        'Kunt u niet komen, of hebt u een vraag over de aanmelding? Laat het Fien de Vries weten.',
        '',
        'In de bijlage zit de afspraak voor uw agenda (.ics).',
        '',
      ].join('\n'),
    );
    assert.equal(calendarEvent(mail).uid, 'wonen-met-zorg@www.example.org');
  });

  test('each companion mail in both languages; only the confirmed one has a calendar file, the cancelled one no questions line', async () => {
    const title = meeting.title;
    const cases = {
      companion: {
        nl: [`U bent aangemeld voor ${title}`, `Fien de Vries heeft u als samenwerkingspartner aangemeld voor ${title}.`],
        en: [`You are registered for ${title}`, `Fien de Vries registered you as samenwerkingspartner for ${title}.`],
      },
      companionWaitlisted: {
        nl: [
          `U staat op de wachtlijst voor ${title}`,
          `Fien de Vries heeft u als samenwerkingspartner aangemeld voor ${title}. De bijeenkomst is vol: u staat samen op de wachtlijst en hoort het per e-mail als er plaats is.`,
        ],
        en: [
          `You are on the waiting list for ${title}`,
          `Fien de Vries registered you as samenwerkingspartner for ${title}. The event is full: you are on the waiting list together and will hear by e-mail when there is room.`,
        ],
      },
      companionCancelled: {
        nl: [`Uw aanmelding is geannuleerd: ${title}`, `Fien de Vries heeft uw aanmelding voor ${title} geannuleerd. U hoeft niets te doen.`],
        en: [`Your registration was cancelled: ${title}`, `Fien de Vries cancelled your registration for ${title}. There is nothing you need to do.`],
      },
    };
    const calendar = { nl: 'In de bijlage zit de afspraak voor uw agenda (.ics).', en: 'The appointment for your calendar is attached (.ics).' };
    const questions = {
      nl: 'Kunt u niet komen, of hebt u een vraag over de aanmelding? Laat het Fien de Vries weten.',
      en: 'If you cannot come, or have a question about the registration, please tell Fien de Vries.',
    };
    for (const [kind, languages] of Object.entries(cases)) {
      for (const [locale, [subject, intro]] of Object.entries(languages)) {
        const { mail } = await companionMail(kind, meeting, { locale, member: true, answers: { workshop: 'Zorg' } });
        const what = `${kind}, ${locale}`;
        assert.equal(mail.subject, subject, what);
        const blocks = paragraphs(mail.text);
        assert.equal(blocks[0], locale === 'en' ? 'Dear Ada Jansen,' : 'Beste Ada Jansen,', what);
        assert.equal(blocks[1], intro, what);
        assert.equal(blocks.includes(questions[locale]), kind !== 'companionCancelled', what);
        assert.equal(blocks.includes(calendar[locale]), kind === 'companion', what);
        assert.equal(mail.attachments.length, kind === 'companion' ? 1 : 0, what);
        assert.doesNotMatch(mail.text, /\/registration\//, what);
      }
    }
  });

  test('without a companion word of its own, the event calls them the form\'s "extra deelnemer" / "extra participant"', async () => {
    const nl = (await companionMail('companion', relative)).mail;
    assert.equal(paragraphs(nl.text)[1], 'Fien de Vries heeft u als extra deelnemer aangemeld voor Buurtavond.');
    const en = (await companionMail('companionWaitlisted', relative, { locale: 'en' })).mail;
    assert.match(paragraphs(en.text)[1], /^Fien de Vries registered you as extra participant for Buurtavond\. /);
  });
});

describe('the event as the mail shows it', () => {
  test('replies go to the registration address, else the organiser\'s, else nowhere special', async () => {
    const organiser = (await registrantMail('confirmed', relative)).mail;
    assert.deepEqual(organiser.replyTo.value, [{ address: 'buurtteam@example.org', name: '' }]);
    const nobody = (await registrantMail('confirmed', bare)).mail;
    assert.equal(nobody.replyTo, undefined);
  });

  test('a page relative to the endpoint is resolved against its public address; without a page the calendar UID takes the endpoint\'s host', async () => {
    const { mail } = await registrantMail('confirmed', relative);
    assert.match(mail.text, /^Meer informatie: https:\/\/aanmelden\.example\.org\/agenda\/buurtavond$/m);
    assert.match(mail.text, /^Wanneer: donderdag 20 juni 2030, 19\.00–21\.00 uur$/m);
    const plain = (await registrantMail('confirmed', bare)).mail;
    assert.equal(calendarEvent(plain).uid, 'kaal@aanmelden.example.org');
    assert.doesNotMatch(plain.text, /Waar:|Kaart:|Meer informatie:/);
  });

  test('an event file that no longer has registration settings still gets its queued mails written', async () => {
    const closedDown = { ...meeting, id: 'zonder-aanmelding', registration: undefined };
    events = loadEvents(writeEvents(join(temp.dir, 'changed'), { closedDown }), () => {});
    notices = new Notices({ events, publicOrigin: () => new URL(ORIGIN) });
    const { mail } = await registrantMail('cancelled', closedDown, {}, { link: undefined });
    assert.equal(mail.subject, 'Aanmelding geannuleerd: Wonen met zorg: wat werkt');
    assert.deepEqual(mail.replyTo.value, [{ address: 'organisator@example.org', name: '' }]);
    const companion = (await companionMail('companionCancelled', closedDown)).mail;
    assert.equal(paragraphs(companion.text)[1], 'Fien de Vries heeft uw aanmelding voor Wonen met zorg: wat werkt geannuleerd. U hoeft niets te doen.');
    const waiting = (await companionMail('companionWaitlisted', closedDown)).mail;
    assert.match(paragraphs(waiting.text)[1], /^Fien de Vries heeft u als extra deelnemer aangemeld /);
  });

  test('a mail whose event is gone from the event files is not written', () => {
    const mail = { id: 1, to: 'fien@example.org', message: { kind: 'confirmed', eventId: 'verdwenen', payload: payload(meeting), link: LINK }, attempts: 1, createdAt: QUEUED_AT };
    assert.equal(notices.compose(mail), undefined);
    assert.ok(notices.compose({ ...mail, message: { ...mail.message, eventId: meeting.id } }));
  });
});
