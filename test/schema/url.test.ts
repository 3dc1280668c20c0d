// URL rules (contract section 2): what may stand in a URL field, and what a relative URL becomes.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isAllowedUrl, parseEvent, resolveUrl } from '../../src/schema/index.js';
import { minimalEvent } from '../fixtures/events.js';
import { checkProperty } from '../support/property.js';

describe('URL rules', () => {
  describe('resolveUrl, fixed cases', () => {
    it('refuses a scheme-relative URL to another host from an http page (cleartext to a stranger)', () => {
      expect(resolveUrl('//evil.example/x', 'http://localhost/')).to.equal(undefined);
      expect(resolveUrl('//evil.example/x', 'http://127.0.0.1:8080/agenda/')).to.equal(undefined);
      expect(resolveUrl('//localhost:9999/x', 'http://localhost:8080/')).to.equal(undefined);
    });

    it('resolves a scheme-relative URL to the page’s own origin, and any from an https page', () => {
      expect(resolveUrl('//localhost:8080/x', 'http://localhost:8080/')).to.equal('http://localhost:8080/x');
      expect(resolveUrl('//cdn.example.org/x', 'https://partner.example.org/')).to.equal('https://cdn.example.org/x');
    });

    it('resolves a path against an http loopback page, keeping its scheme', () => {
      expect(resolveUrl('/api/events', 'http://localhost:8081/feeds/')).to.equal('http://localhost:8081/api/events');
      expect(resolveUrl('agenda', 'http://[::1]/feeds/')).to.equal('http://[::1]/feeds/agenda');
    });

    it('keeps an absolute allowed URL as it is, whatever the base', () => {
      expect(resolveUrl('https://events.example.org/a', 'http://localhost/')).to.equal('https://events.example.org/a');
      expect(resolveUrl('http://127.0.0.1:8081/a')).to.equal('http://127.0.0.1:8081/a');
      expect(resolveUrl('HTTPS://Events.Example.org')).to.equal('https://events.example.org/');
    });

    it('gives nothing for a relative URL without a usable base', () => {
      expect(resolveUrl('/x')).to.equal(undefined);
      expect(resolveUrl('/x', 'about:blank')).to.equal(undefined);
      expect(resolveUrl('/x', 'not a url')).to.equal(undefined);
      expect(resolveUrl('/x', 'ftp://files.example.org/')).to.equal(undefined);
    });

    it('refuses what is not allowed before resolving anything', () => {
      expect(resolveUrl('javascript:alert(1)', 'https://partner.example.org/')).to.equal(undefined);
      expect(resolveUrl('http://evil.example/x', 'http://evil.example/')).to.equal(undefined);
      expect(resolveUrl('', 'https://partner.example.org/')).to.equal(undefined);
    });

    it('parseEvent reports the scheme-relative URL on an http page by its path', () => {
      const result = parseEvent({ ...minimalEvent, url: '//evil.example/x' }, { baseUrl: 'http://localhost/' });
      expect(result.success).to.equal(false);
      if (!result.success) expect(result.issues.map((issue) => issue.path)).to.deep.equal(['url']);
    });
  });

  describe('isAllowedUrl, fixed cases', () => {
    it('takes https anywhere, http only on loopback hosts', () => {
      for (const url of ['https://a.example', 'http://localhost/x', 'http://127.0.0.1:1/', 'http://[::1]/', '/relative', 'x']) {
        expect(isAllowedUrl(url), url).to.equal(true);
      }
      for (const url of ['http://example.org/', 'http://localhost.evil.example/', 'http://127.0.0.2/', 'ftp://a.example/', 'mailto:a@example.org']) {
        expect(isAllowedUrl(url), url).to.equal(false);
      }
    });

    it('refuses what the URL parser cannot read', () => {
      for (const url of ['https://', 'http://', 'http://[::1', 'https://a:b:c/']) expect(isAllowedUrl(url), url).to.equal(false);
    });

    it('takes 2048 characters and no more', () => {
      const base = 'https://a.example/';
      expect(isAllowedUrl(base + 'x'.repeat(2048 - base.length))).to.equal(true);
      expect(isAllowedUrl(base + 'x'.repeat(2049 - base.length))).to.equal(false);
    });

    it('resolveUrl takes 2048 characters and no more, absolute or relative', () => {
      const absolute = 'https://a.example/';
      const longest = absolute + 'x'.repeat(2048 - absolute.length);
      expect(resolveUrl(longest)).to.equal(longest);
      expect(resolveUrl(longest + 'x')).to.equal(undefined);
      const relative = '/' + 'x'.repeat(2047);
      expect(resolveUrl(relative, absolute)).to.equal(`https://a.example${relative}`);
      expect(resolveUrl(relative + 'x', absolute)).to.equal(undefined);
    });
  });

  describe('properties (fixed seed)', () => {
    // Host names of letters and digits with a letter TLD: never a loopback host.
    const label = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 12 });
    const foreignHost = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('example', 'org', 'nl', 'localhost')).map(
      ([labels, tld]) => [...labels, tld].join('.'),
    );
    const path = fc.array(label, { maxLength: 3 }).map((segments) => `/${segments.join('/')}`);
    const loopbackPage = fc.constantFrom('http://localhost/', 'http://127.0.0.1:8080/agenda/', 'http://[::1]:3000/a/b');

    it('a scheme-relative URL to another host never resolves on an http page', () => {
      checkProperty(
        fc.property(foreignHost, path, loopbackPage, (host, path, page) => {
          expect(resolveUrl(`//${host}${path}`, page)).to.equal(undefined);
        }),
      );
    });

    it('whatever resolves is https, or http on a loopback host and, when relative, on the page’s own origin', () => {
      const host = fc.oneof(foreignHost, fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'localhost:8080'));
      const scheme = fc.constantFrom('https://', 'http://', 'HTTP://', '//', 'ftp://', 'javascript:');
      const raw = fc.oneof(fc.tuple(scheme, host, path).map((parts) => parts.join('')), path, fc.string());
      const page = fc.oneof(loopbackPage, foreignHost.map((name) => `https://${name}/`));
      checkProperty(
        fc.property(raw, page, (url, base) => {
          const resolved = resolveUrl(url, base);
          if (resolved === undefined || resolved.startsWith('https:')) return;
          const target = new URL(resolved);
          const relative = !URL.canParse(url);
          expect(target.protocol, resolved).to.equal('http:');
          expect(['localhost', '127.0.0.1', '[::1]'], resolved).to.include(target.hostname);
          if (relative) expect(target.origin, `${url} on ${base}`).to.equal(new URL(base).origin);
        }),
      );
    });
  });
});
