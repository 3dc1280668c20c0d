import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/map-link/map-link.js';
import type { BijeenMapLink } from '../../../src/components/map-link/map-link.js';
import type { DataErrorDetail } from '../../../src/internal/events.js';
import { captureWarnings } from '../../support/console.js';
import { find, findAll } from '../../support/dom.js';

const ADDRESS = 'Leeuweriksweg 12, 5402 XD Uden';

function link(el: BijeenMapLink) {
  return find<HTMLAnchorElement>(el, 'a');
}

/** Resolves with the detail of the next `bijeen-data-error` on `target`. */
async function nextDataError(target: EventTarget): Promise<DataErrorDetail> {
  const event = (await oneEvent(target, 'bijeen-data-error')) as CustomEvent<DataErrorDetail>;
  return event.detail;
}

describe('<bijeen-map-link>', () => {
  describe('providers and modes', () => {
    const cases: [string, string, (url: URL) => void][] = [
      ['osm', 'view', (url) => {
        expect(url.origin + url.pathname).to.equal('https://www.openstreetmap.org/search');
        expect(url.searchParams.get('query')).to.equal(ADDRESS);
      }],
      ['osm', 'directions', (url) => {
        expect(url.origin + url.pathname).to.equal('https://www.openstreetmap.org/directions');
        expect(url.searchParams.get('to')).to.equal(ADDRESS);
      }],
      ['google', 'view', (url) => {
        expect(url.origin + url.pathname).to.equal('https://www.google.com/maps/search/');
        expect(url.searchParams.get('api')).to.equal('1');
        expect(url.searchParams.get('query')).to.equal(ADDRESS);
      }],
      ['google', 'directions', (url) => {
        expect(url.origin + url.pathname).to.equal('https://www.google.com/maps/dir/');
        expect(url.searchParams.get('destination')).to.equal(ADDRESS);
      }],
      ['apple', 'view', (url) => {
        expect(url.origin).to.equal('https://maps.apple.com');
        expect(url.searchParams.get('q')).to.equal(ADDRESS);
      }],
      ['apple', 'directions', (url) => {
        expect(url.origin).to.equal('https://maps.apple.com');
        expect(url.searchParams.get('daddr')).to.equal(ADDRESS);
      }],
      ['geo', 'view', (url) => {
        expect(url.protocol).to.equal('geo:');
        expect(decodeURIComponent(url.href.split('?q=')[1])).to.equal(ADDRESS);
      }],
      ['geo', 'directions', (url) => {
        expect(url.protocol).to.equal('geo:');
        expect(decodeURIComponent(url.href.split('?q=')[1])).to.equal(ADDRESS);
      }],
    ];
    for (const [provider, mode, check] of cases) {
      it(`links to ${provider} in ${mode} mode for an address`, async () => {
        const el = await fixture<BijeenMapLink>(
          html`<bijeen-map-link address=${ADDRESS} provider=${provider} mode=${mode}></bijeen-map-link>`,
        );
        check(new URL(link(el)!.href));
      });
    }

    const coordinateCases: [string, string, string][] = [
      ['osm', 'view', 'https://www.openstreetmap.org/?mlat=51.6623&mlon=5.6181#map=17/51.6623/5.6181'],
      ['osm', 'directions', 'https://www.openstreetmap.org/directions?to=51.6623%2C5.6181'],
      ['google', 'view', 'https://www.google.com/maps/search/?api=1&query=51.6623%2C5.6181'],
      ['google', 'directions', 'https://www.google.com/maps/dir/?api=1&destination=51.6623%2C5.6181'],
      ['apple', 'view', 'https://maps.apple.com/?ll=51.6623%2C5.6181&q=51.6623%2C5.6181'],
      ['apple', 'directions', 'https://maps.apple.com/?daddr=51.6623%2C5.6181'],
      ['geo', 'view', 'geo:51.6623,5.6181'],
      ['geo', 'directions', 'geo:51.6623,5.6181'],
    ];
    for (const [provider, mode, expected] of coordinateCases) {
      it(`prefers coordinates over the address for ${provider} ${mode}`, async () => {
        const el = await fixture<BijeenMapLink>(html`<bijeen-map-link
          address=${ADDRESS}
          lat="51.6623"
          lon="5.6181"
          provider=${provider}
          mode=${mode}
        ></bijeen-map-link>`);
        expect(link(el)!.getAttribute('href')).to.equal(expected);
      });
    }
  });

  describe('address encoding', () => {
    const tricky = [
      'Hoek & Zn., Dorpsstraat 1 #2',
      'Kade 3/5, Den Haag',
      `Café "De Zwaan" 't Veld`,
      'Rue de l’Église 1, Liège',
      'Straße 9?x=1&y=2',
      'Ĳsselmeerdijk 100 + 1',
    ];
    for (const address of tricky) {
      for (const provider of ['osm', 'google', 'apple']) {
        it(`keeps "${address}" intact for ${provider}`, async () => {
          const el = await fixture<BijeenMapLink>(
            html`<bijeen-map-link address=${address} provider=${provider}></bijeen-map-link>`,
          );
          const url = new URL(link(el)!.href);
          const [value] = [...url.searchParams.values()].filter((v) => v !== '1');
          expect(value).to.equal(address);
          expect(url.hash).to.equal('');
        });
      }
    }
  });

  describe('link behaviour and accessible name', () => {
    it('opens a new tab safely and says so to screen readers (Dutch default)', async () => {
      const el = await fixture<BijeenMapLink>(html`<bijeen-map-link address=${ADDRESS}></bijeen-map-link>`);
      const a = link(el)!;
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.getAttribute('part')).to.equal('link');
      const name = a.textContent!.replace(/\s+/g, ' ').trim();
      expect(name).to.equal(`Bekijk op de kaart, ${ADDRESS} (opent in een nieuw venster)`);
      await expect(el).to.be.accessible();
    });

    it('uses the route wording in directions mode', async () => {
      const el = await fixture<BijeenMapLink>(
        html`<bijeen-map-link address=${ADDRESS} mode="directions"></bijeen-map-link>`,
      );
      expect(link(el)!.textContent).to.contain('Plan uw route');
    });

    it('describes coordinates in words when there is no address', async () => {
      const el = await fixture<BijeenMapLink>(html`<bijeen-map-link lat="51.6623" lon="5.6181"></bijeen-map-link>`);
      expect(link(el)!.textContent).to.contain('coördinaten 51.6623, 5.6181');
    });

    it('lets the label attribute and the slot replace the visible text', async () => {
      const labelled = await fixture<BijeenMapLink>(
        html`<bijeen-map-link address=${ADDRESS} label="Route naar Area Wonen"></bijeen-map-link>`,
      );
      expect(link(labelled)!.textContent).to.contain('Route naar Area Wonen');
      const slotted = await fixture<BijeenMapLink>(
        html`<bijeen-map-link address=${ADDRESS}><strong>Kaart</strong></bijeen-map-link>`,
      );
      const slot = link(slotted)!.querySelector('slot')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Kaart');
      await expect(slotted).to.be.accessible();
    });

    it('hands geo: links to the device without a new window', async () => {
      const el = await fixture<BijeenMapLink>(
        html`<bijeen-map-link lat="51.6623" lon="5.6181" provider="geo"></bijeen-map-link>`,
      );
      expect(link(el)!.target).to.equal('_self');
      expect(link(el)!.textContent).not.to.contain('nieuw venster');
    });

    it('is reachable and followable by keyboard', async () => {
      const el = await fixture<BijeenMapLink>(html`<bijeen-map-link address=${ADDRESS}></bijeen-map-link>`);
      link(el)!.focus();
      expect(el.shadowRoot!.activeElement).to.equal(link(el));
    });
  });

  describe('language', () => {
    it('speaks English with lang="en"', async () => {
      const el = await fixture<BijeenMapLink>(html`<bijeen-map-link lang="en" address=${ADDRESS}></bijeen-map-link>`);
      const name = link(el)!.textContent!.replace(/\s+/g, ' ').trim();
      expect(name).to.equal(`View on map, ${ADDRESS} (opens in a new window)`);
      await expect(el).to.be.accessible();
    });

    it('follows the nearest ancestor lang and switches when it changes', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-GB"><bijeen-map-link address=${ADDRESS}></bijeen-map-link></div>`,
      );
      const el = wrapper.querySelector('bijeen-map-link')!;
      await el.updateComplete;
      expect(link(el)!.textContent).to.contain('View on map');
      wrapper.setAttribute('lang', 'nl');
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(link(el)!.textContent).to.contain('Bekijk op de kaart');
    });

    it('falls back to the document language, then Dutch', async () => {
      const original = document.documentElement.lang;
      try {
        document.documentElement.lang = 'en';
        const el = await fixture<BijeenMapLink>(html`<bijeen-map-link address=${ADDRESS}></bijeen-map-link>`);
        expect(link(el)!.textContent).to.contain('View on map');
        document.documentElement.lang = '';
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(link(el)!.textContent).to.contain('Bekijk op de kaart');
      } finally {
        document.documentElement.lang = original;
      }
    });
  });

  describe('invalid input', () => {
    it('renders no link, fires bijeen-data-error and warns when there is no place', async () => {
      let el!: BijeenMapLink;
      const warnings = await captureWarnings(async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        el = document.createElement('bijeen-map-link');
        const error = nextDataError(wrapper);
        wrapper.append(el);
        const detail = await error;
        expect(detail.issues!.map((issue) => issue.path)).to.deep.equal(['address']);
      });
      expect(link(el)).to.equal(null);
      expect(warnings.join('\n')).to.contain('bijeen-map-link');
      await expect(el).to.be.accessible();
    });

    const badCoordinates: [string, string, string][] = [
      ['91', '5', 'lat'],
      ['-90.5', '5', 'lat'],
      ['51', '180.1', 'lon'],
      ['abc', '5', 'lat'],
      ['', '5', 'lat'],
    ];
    for (const [lat, lon, path] of badCoordinates) {
      it(`rejects lat=${JSON.stringify(lat)} lon=${JSON.stringify(lon)} with a ${path} issue`, async () => {
        await captureWarnings(async () => {
          const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement('bijeen-map-link');
          el.setAttribute('lat', lat);
          el.setAttribute('lon', lon);
          const error = nextDataError(wrapper);
          wrapper.append(el);
          const detail = await error;
          expect(detail.issues!.map((issue) => issue.path)).to.include(path);
          await el.updateComplete;
          expect(link(el)).to.equal(null);
        });
      });
    }

    it('names each bad attribute once in the console warning', async () => {
      const warnings = await captureWarnings(async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement('bijeen-map-link');
        el.setAttribute('lat', '100');
        el.setAttribute('lon', '5');
        const error = nextDataError(wrapper);
        wrapper.append(el);
        await error;
      });
      expect(warnings.join('\n')).to.contain('lat: verwacht een getal van -90 tot en met 90');
      expect(warnings.join('\n')).not.to.contain('lat: lat:');
    });

    it('falls back to the address when the coordinates are invalid, and still reports them', async () => {
      await captureWarnings(async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement('bijeen-map-link');
        el.setAttribute('lat', '100');
        el.setAttribute('lon', '5');
        el.setAttribute('address', ADDRESS);
        const error = nextDataError(wrapper);
        wrapper.append(el);
        const detail = await error;
        expect(detail.issues![0].path).to.equal('lat');
        await el.updateComplete;
        expect(new URL(link(el)!.href).searchParams.get('query')).to.equal(ADDRESS);
      });
    });

    it('rejects half a coordinate pair and an unknown provider, in English when asked', async () => {
      await captureWarnings(async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
        const el = document.createElement('bijeen-map-link');
        el.setAttribute('lat', '51.6');
        el.setAttribute('provider', 'bing');
        el.setAttribute('address', ADDRESS);
        const error = nextDataError(wrapper);
        wrapper.append(el);
        const detail = await error;
        expect(detail.issues!.map((issue) => issue.path)).to.deep.equal(['provider', 'lon']);
        expect(detail.issues![0].message).to.contain('unknown value "bing"');
        await el.updateComplete;
        expect(link(el)!.href).to.contain('openstreetmap.org');
      });
    });
  });

  it('requests nothing from any map site before the click', async () => {
    // An observer, not the resource timing buffer: that stops growing once full (250 entries).
    const start = performance.now();
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.startTime >= start && !entry.name.startsWith(location.origin)) requested.push(entry.name);
      }
    });
    observer.observe({ type: 'resource', buffered: true });
    try {
      const wrapper = await fixture(html`<div>
        ${['osm', 'google', 'apple', 'geo'].map(
          (provider) => html`<bijeen-map-link address=${ADDRESS} lat="51.6623" lon="5.6181" provider=${provider}></bijeen-map-link>
            <bijeen-map-link address=${ADDRESS} provider=${provider} mode="directions"></bijeen-map-link>`,
        )}
      </div>`);
      const links = [...wrapper.querySelectorAll<BijeenMapLink>('bijeen-map-link')];
      await Promise.all(links.map((el) => el.updateComplete));
      for (const el of links) {
        expect(link(el)?.href, el.outerHTML).to.be.a('string');
        const loaders = findAll(el, 'img, iframe, link, script, object, embed, video, audio, source');
        expect([...loaders].map((loader) => loader.localName), el.outerHTML).to.deep.equal([]);
      }
      // Give anything the render might have started time to show up.
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const entry of observer.takeRecords()) {
        if (entry.startTime >= start && !entry.name.startsWith(location.origin)) requested.push(entry.name);
      }
      expect(requested).to.deep.equal([]);
    } finally {
      observer.disconnect();
    }
  });

  it('does not throw when its module is registered twice', async () => {
    const { BijeenMapLink } = await import('../../../src/components/map-link/map-link.js');
    expect(customElements.get('bijeen-map-link')).to.equal(BijeenMapLink);
    // A second evaluation of the module (another URL), as when a page loads the script twice.
    const again = new URL('../../../src/components/map-link/map-link.ts?again', import.meta.url).href;
    await import(again);
  });
});
