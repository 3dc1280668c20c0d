// How a mail leaves (demo/server/mail/transport.ts): over SMTP to a real server on loopback
// (smtp-server), or as `.eml` files in the outbox folder; both read back with mailparser. The
// outbox holds personal links: its modes, whole files only, one file per mail however often it
// is written, and erasure of a person's copies.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { tsImport } from 'tsx/esm/api';
import { freePort } from '../endpoint/support/mail.mjs';
import { tempDir } from '../endpoint/support/server.mjs';
import { afterEach, beforeEach, describe, test } from '../support/suite.mjs';
import { SMTP_PASSWORD, startSmtp } from './support/smtp.mjs';

const { outboxTransport, smtpTransport } = await tsImport('../../../demo/server/mail/transport.ts', import.meta.url);

const FROM = 'bijeen@example.org';
const QUEUED_AT = new Date('2030-05-20T07:15:00.123Z');

/** A mail as `composeMail` writes it. */
function message(overrides = {}) {
  return {
    messageId: '<mail-7.1905924900123@aanmelden.example.org>',
    date: QUEUED_AT,
    subject: 'Aanmelding bevestigd: Wonen met zorg',
    text: 'Beste Fien,\n\nU bent aangemeld.\n',
    html: '<!doctype html>\n<html lang="nl"><body><p>Beste Fien,</p></body></html>\n',
    replyTo: 'aanmelden@example.org',
    attachments: [{ filename: 'bijeenkomst.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    ...overrides,
  };
}

const closers = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Checks what any mail client would see of `message()`. */
function assertTheMail(mail, to = 'fien@example.org') {
  assert.equal(mail.subject, 'Aanmelding bevestigd: Wonen met zorg');
  assert.deepEqual(mail.from.value, [{ address: FROM, name: '' }]);
  assert.deepEqual(mail.to.value, [{ address: to, name: '' }]);
  assert.deepEqual(mail.replyTo.value, [{ address: 'aanmelden@example.org', name: '' }]);
  assert.equal(mail.messageId, '<mail-7.1905924900123@aanmelden.example.org>');
  // The Date header has whole seconds.
  assert.equal(mail.date.toISOString(), '2030-05-20T07:15:00.000Z');
  assert.equal(mail.text, 'Beste Fien,\n\nU bent aangemeld.\n');
  assert.match(mail.html, /<p>Beste Fien,<\/p>/);
  assert.equal(mail.attachments.length, 1);
  assert.equal(mail.attachments[0].filename, 'bijeenkomst.ics');
  assert.equal(mail.attachments[0].contentType, 'text/calendar');
  assert.equal(mail.attachments[0].content.toString('utf8'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
}

describe('the outbox (no SMTP_URL)', () => {
  let temp;
  let dir;
  let outbox;
  beforeEach(() => {
    temp = tempDir('bijeen-mail-outbox-');
    // A folder that does not exist yet, two levels down.
    dir = join(temp.dir, 'data', 'outbox');
    outbox = outboxTransport(dir, FROM);
    closers.push(() => outbox.close(), () => temp.cleanup());
  });

  const files = () => readdirSync(dir).sort();

  test('each mail is a whole RFC 5322 file named after when it was queued and its queue id', async () => {
    await outbox.send(7, 'fien@example.org', message());
    assert.deepEqual(files(), ['2030-05-20T07-15-00-123Z-7.eml']);
    const raw = readFileSync(join(dir, '2030-05-20T07-15-00-123Z-7.eml'));
    // Lines end in CRLF, as a mail on the wire.
    assert.ok(raw.includes('\r\n'));
    assert.equal(raw.toString('latin1').replace(/\r\n/g, '').includes('\n'), false);
    assertTheMail(await simpleParser(raw));
    assert.equal(outbox.describe, `files in ${dir} (from ${FROM}; set SMTP_URL to send them)`);
  });

  test('the folder is 0700 and each file 0600, even over a half-written file an earlier crash left with wider rights', async () => {
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const leftover = join(dir, '.2030-05-20T07-15-00-123Z-8.eml.partial');
    writeFileSync(leftover, 'half a mail');
    chmodSync(leftover, 0o644);
    await outbox.send(8, 'fien@example.org', message());
    assert.deepEqual(files(), ['2030-05-20T07-15-00-123Z-8.eml']);
    assert.equal(statSync(join(dir, files()[0])).mode & 0o777, 0o600);
  });

  test('writing the same mail again (a retry) replaces it: never two files', async () => {
    await outbox.send(9, 'fien@example.org', message({ subject: 'eerste poging' }));
    await outbox.send(9, 'fien@example.org', message());
    assert.deepEqual(files(), ['2030-05-20T07-15-00-123Z-9.eml']);
    assertTheMail(await simpleParser(readFileSync(join(dir, files()[0]))));
  });

  test('a mail without a calendar file or reply address has neither', async () => {
    await outbox.send(10, 'ada@example.org', message({ attachments: undefined, replyTo: undefined }));
    const mail = await simpleParser(readFileSync(join(dir, files()[0])));
    assert.deepEqual(mail.attachments, []);
    assert.equal(mail.replyTo, undefined);
    assert.deepEqual(mail.to.value, [{ address: 'ada@example.org', name: '' }]);
  });

  test('forget erases the copies of exactly those queue ids, half-written ones included', async () => {
    for (const id of [7, 17, 70]) await outbox.send(id, 'fien@example.org', message());
    writeFileSync(join(dir, '.2030-05-20T07-15-00-123Z-7.eml.partial'), 'half a mail');
    // Not the outbox's own files: kept.
    writeFileSync(join(dir, 'LEESMIJ.txt'), 'not a mail');
    writeFileSync(join(dir, 'kopie-7.eml.bak'), 'someone\'s copy');
    await outbox.forget([]);
    assert.equal(files().length, 6);
    await outbox.forget([7, 404]);
    assert.deepEqual(files(), ['2030-05-20T07-15-00-123Z-17.eml', '2030-05-20T07-15-00-123Z-70.eml', 'LEESMIJ.txt', 'kopie-7.eml.bak']);
    await outbox.forget([17, 70]);
    assert.deepEqual(files(), ['LEESMIJ.txt', 'kopie-7.eml.bak']);
  });

  test('an outbox folder removed while the server runs: erasing from it is nothing to do, and the next mail makes it again', async () => {
    temp.cleanup();
    await outbox.forget([1, 2]);
    await outbox.send(3, 'fien@example.org', message());
    assert.deepEqual(files(), ['2030-05-20T07-15-00-123Z-3.eml']);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  });

  test('an outbox that cannot be read makes erasure fail, not pass silently', async () => {
    temp.cleanup();
    // A file where the folder should be.
    mkdirSync(join(temp.dir, 'data'), { recursive: true });
    writeFileSync(dir, 'not a folder');
    await assert.rejects(outbox.forget([1]), { code: 'ENOTDIR' });
  });

  test('an existing outbox folder is used as it is', async () => {
    await outbox.send(1, 'fien@example.org', message());
    const again = outboxTransport(dir, FROM);
    closers.push(() => again.close());
    await again.send(2, 'fien@example.org', message());
    assert.deepEqual(files(), ['2030-05-20T07-15-00-123Z-1.eml', '2030-05-20T07-15-00-123Z-2.eml']);
  });
});

describe('SMTP (SMTP_URL)', () => {
  test('the mail arrives at the server as the outbox would have written it, to the recipient alone', async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    const transport = smtpTransport(smtp.url, FROM);
    closers.push(() => transport.close());
    await transport.send(7, 'fien@example.org', message());
    assert.equal(smtp.messages.length, 1);
    assert.deepEqual(smtp.messages[0].envelope, ['fien@example.org']);
    assertTheMail(smtp.messages[0].mail);
  });

  test('its start-up line names the server without the password', () => {
    const transport = smtpTransport(`smtp://bijeen:${SMTP_PASSWORD}@mail.example.org:2525`, FROM);
    closers.push(() => transport.close());
    assert.equal(transport.describe, `SMTP smtp://mail.example.org:2525 (from ${FROM})`);
    assert.doesNotMatch(transport.describe, new RegExp(SMTP_PASSWORD));
  });

  test('a refusal rejects with the server\'s reply code; so does a server that is not there', async () => {
    const smtp = await startSmtp({ refuse: (address) => (address === 'weg@example.org' ? 550 : undefined) });
    closers.push(smtp.close);
    const transport = smtpTransport(smtp.url, FROM);
    closers.push(() => transport.close());
    await assert.rejects(transport.send(1, 'weg@example.org', message()), (error) => error.responseCode === 550);
    assert.equal(smtp.messages.length, 0);

    const nowhere = smtpTransport(`smtp://127.0.0.1:${await freePort()}`, FROM);
    closers.push(() => nowhere.close());
    await assert.rejects(nowhere.send(2, 'fien@example.org', message()), (error) => error.code === 'ECONNECTION' || /ECONNREFUSED/.test(error.message));
  });

  test('sent mails are the recipients\' now: forgetting them keeps nothing to erase and changes nothing', async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    const transport = smtpTransport(smtp.url, FROM);
    closers.push(() => transport.close());
    await transport.send(3, 'fien@example.org', message());
    await transport.forget([3]);
    await transport.send(4, 'fien@example.org', message());
    assert.equal(smtp.messages.length, 2);
  });
});
