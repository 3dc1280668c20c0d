// Personal links' tokens and the self-service page's form tokens (demo/server/access-token.ts):
// what the database keeps of a token, what a new one looks like, and which form token a page
// rendered for one link and one registration carries.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { formToken, hashToken, isFormToken, newToken, TOKEN_FORMAT } = await tsImport('../../../demo/server/access-token.ts', import.meta.url);

const LINK = 'Abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE';
const OTHER_LINK = 'Zbcdefghijklmnopqrstuvwxyz0123456789-_ABCDE';

describe('access tokens', () => {
  test('the database keeps the SHA-256 of a token in hex (the published test vector of "abc")', () => {
    assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.notEqual(hashToken(LINK), hashToken(OTHER_LINK));
  });

  test('a new token is 43 base64url characters (256 bits), new every time, with its hash', () => {
    const tokens = new Set();
    for (let i = 0; i < 20; i += 1) {
      const { token, hash } = newToken();
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(TOKEN_FORMAT.test(token));
      assert.equal(Buffer.from(token, 'base64url').length, 32);
      assert.equal(hash, hashToken(token));
      tokens.add(token);
    }
    assert.equal(tokens.size, 20);
  });

  test('the token format: 43 characters of the base64url alphabet, nothing around them', () => {
    assert.ok(TOKEN_FORMAT.test(LINK));
    for (const text of [LINK.slice(1), `${LINK}A`, `${LINK.slice(1)}*`, `${LINK.slice(1)}=`, ` ${LINK.slice(1)}`, `${LINK}\n`, '']) {
      assert.equal(TOKEN_FORMAT.test(text), false, JSON.stringify(text));
    }
  });
});

describe('form tokens', () => {
  test('one per link and registration: the same each time it is rendered, base64url like a link token', () => {
    const form = formToken(LINK, 'registration-1');
    assert.match(form, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(formToken(LINK, 'registration-1'), form);
    assert.notEqual(formToken(LINK, 'registration-2'), form, 'another registration');
    assert.notEqual(formToken(OTHER_LINK, 'registration-1'), form, 'another link');
    assert.notEqual(form, LINK);
    assert.ok(!form.includes(LINK) && !LINK.includes(form), 'the link token cannot be read from it');
  });

  test('accepted only for the link and registration it was made for', () => {
    const form = formToken(LINK, 'registration-1');
    assert.equal(isFormToken(form, LINK, 'registration-1'), true);
    assert.equal(isFormToken(form, LINK, 'registration-2'), false);
    assert.equal(isFormToken(form, OTHER_LINK, 'registration-1'), false);
    assert.equal(isFormToken(formToken(LINK, 'registration-2'), LINK, 'registration-1'), false);
  });

  test('a wrong form token of any length is refused without an error', () => {
    const form = formToken(LINK, 'registration-1');
    const flipped = `${form[0] === 'A' ? 'B' : 'A'}${form.slice(1)}`;
    for (const presented of ['', form.slice(0, -1), `${form}A`, flipped, 'x'.repeat(43), 'x'.repeat(1000), LINK]) {
      assert.equal(isFormToken(presented, LINK, 'registration-1'), false, presented);
    }
  });
});
