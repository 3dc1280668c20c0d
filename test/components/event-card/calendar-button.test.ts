// The add-to-calendar control in the card (the file and links themselves: calendar.test.ts).
import { expect } from '@open-wc/testing';
import { icsFile } from '../../../src/components/event-card/calendar.js';
import { udenMeeting, webinarEvent } from '../../fixtures/events.js';
import { REGISTRATION_OPEN, cardFor, openCalendar, parsed, shadow, textOf } from './helpers.js';

describe('<bijeen-event-card> calendar button', () => {
  it('is a disclosure button with three links that say where they go', async () => {
    const el = await cardFor(udenMeeting);
    const summary = shadow(el).querySelector('details > summary')!;
    expect(textOf(summary)).to.equal('Zet in uw agenda');
    expect(summary.parentElement).to.have.property('open', false);
    const details = await openCalendar(el);
    expect(details.open).to.equal(true);
    const links = [...details.querySelectorAll('a')];
    expect(links.map(textOf)).to.deep.equal([
      'Agendabestand (.ics)',
      'Google Agenda (opent in een nieuw venster)',
      'Outlook op het web (opent in een nieuw venster)',
    ]);
    expect(links.slice(1).every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('builds its links only when first opened: an agenda of closed ones builds none', async () => {
    const el = await cardFor(udenMeeting);
    const details = shadow(el).querySelector('details')!;
    expect(details.querySelector('ul')).to.equal(null);
    await openCalendar(el);
    details.open = false;
    await el.updateComplete;
    // Closed again: the links stay, ready for the next time.
    expect(details.querySelectorAll('a')).to.have.length(3);
  });

  it('downloads the file from a blob: URL made at the click', async () => {
    const el = await cardFor(webinarEvent, { now: REGISTRATION_OPEN });
    const link = (await openCalendar(el)).querySelector<HTMLAnchorElement>('a[download]')!;
    expect(link.getAttribute('download')).to.equal('webinar-wijkaanpak-2030.ics');
    expect(link.getAttribute('href')).to.equal('#');
    // Runs after the card's own handler: keeps the test browser from saving a file.
    link.addEventListener('click', (click) => click.preventDefault());
    link.click();
    expect(link.href).to.match(/^blob:/);
    const response = await fetch(link.href);
    expect(response.headers.get('content-type')).to.equal('text/calendar;charset=utf-8');
    expect(await response.text()).to.equal(icsFile(parsed(webinarEvent), REGISTRATION_OPEN.getTime()));
    // A second click makes a fresh file and frees the first.
    const first = link.href;
    link.click();
    expect(link.href).not.to.equal(first);
    let freed = false;
    await fetch(first).catch(() => (freed = true));
    expect(freed).to.equal(true);
  });
});
