// Which organisation a registration counts for (demo/server/organisation.ts), for the seed rule
// "at most 2 partners per corporation": the mail domain, or at a public provider the name as typed.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { describe, test } from '../support/suite.mjs';

const { normaliseOrganisationName, organisationKey, PUBLIC_MAIL_DOMAINS } = await tsImport('../../../demo/server/organisation.ts', import.meta.url);

describe('normaliseOrganisationName', () => {
  test('one key however the name is typed: case, accents, spaces, hyphens, dots, apostrophes, &', () => {
    const key = normaliseOrganisationName('Het Baken');
    for (const typed of ['het baken', 'Het  Baken', 'Het-Baken', 'HetBaken', ' HET BAKEN ', 'Hét Bäken', 'Het Baken!']) {
      assert.equal(normaliseOrganisationName(typed), key, typed);
    }
    assert.equal(key, 'hetbaken');
    assert.equal(normaliseOrganisationName('Wonen & Zorg'), 'wonenenzorg');
    assert.equal(normaliseOrganisationName("'t Woonhuys"), 'twoonhuys');
    assert.equal(normaliseOrganisationName('Zorg’s Huis'), 'zorgshuis');
    assert.equal(normaliseOrganisationName('W.O.N.E.N.'), 'wonen');
    assert.equal(normaliseOrganisationName('a`b'), 'ab');
  });

  test('legal forms are left out, kinds of organisation are not', () => {
    for (const typed of ['Stichting Het Baken', 'Het Baken B.V.', 'Het Baken bv', 'Vereniging Het Baken U.A.', 'Het Baken N.V.', 'Coöperatie Het Baken']) {
      assert.equal(normaliseOrganisationName(typed), 'hetbaken', typed);
    }
    for (const form of ['vof', 'cv', 'besloten', 'naamloze', 'vennootschap', 'ltd', 'inc', 'gmbh', 'vzw', 'asbl', 'bvba']) {
      assert.equal(normaliseOrganisationName(`Baken ${form}`), 'baken', form);
    }
    assert.notEqual(normaliseOrganisationName('Gemeente Uden'), normaliseOrganisationName('Woningcorporatie Uden'));
    assert.equal(normaliseOrganisationName('Woonstichting Uden'), 'woonstichtinguden');
  });

  test('a name of legal forms only keeps them; punctuation only gives nothing', () => {
    assert.equal(normaliseOrganisationName('Stichting B.V.'), 'stichtingbv');
    assert.equal(normaliseOrganisationName('(Stichting)'), 'stichting', 'punctuation around it changes nothing');
    assert.equal(normaliseOrganisationName('—!?'), '');
    assert.equal(normaliseOrganisationName(''), '');
  });
});

describe('organisationKey', () => {
  test('the whole mail domain, lower case, whatever the organisation is called', () => {
    assert.equal(organisationKey({ email: 'Fien@WoonBaken.nl', organisation: 'Het Baken' }), 'domain:woonbaken.nl');
    assert.equal(organisationKey({ email: ' gijs@woonbaken.nl ', organisation: 'Iets anders' }), 'domain:woonbaken.nl');
    assert.equal(organisationKey({ email: 'a@contoso.onmicrosoft.com', organisation: 'X' }), 'domain:contoso.onmicrosoft.com');
    assert.equal(organisationKey({ email: 'a@mail.woonbaken.nl', organisation: 'X' }), 'domain:mail.woonbaken.nl', 'subdomains apart');
  });

  test('at a public mail provider: the organisation’s name; without a usable name: no key', () => {
    assert.equal(organisationKey({ email: 'fien@gmail.com', organisation: 'Stichting Het Baken' }), 'name:hetbaken');
    assert.equal(organisationKey({ email: 'gijs@ZIGGO.nl', organisation: 'het-baken' }), 'name:hetbaken');
    assert.equal(organisationKey({ email: 'an@telenet.be', organisation: '...' }), undefined);
  });

  test('the providers are the common international, Dutch and Belgian ones', () => {
    for (const domain of ['gmail.com', 'outlook.com', 'hotmail.nl', 'icloud.com', 'ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'hetnet.nl', 'telenet.be', 'skynet.be']) {
      assert.ok(PUBLIC_MAIL_DOMAINS.has(domain), domain);
    }
    assert.equal(PUBLIC_MAIL_DOMAINS.has('woonbaken.nl'), false);
  });
});
