// The seed meeting's two rules in the form: the places non-members have left (at the member
// question, and what answering "no" means once they are gone), the companions per organisation,
// and the endpoint's refusal of a companion beyond what the organisation has left.
import { expect, oneEvent } from '@open-wc/testing';
import type { BijeenRegistrationForm } from '../../../src/components/registration-form/registration-form.js';
import { find, findAll, textOf } from '../../support/dom.js';
import { control, endpoint, fill, form, required, seedWith, status, submitButton } from './helpers.js';

/** The member question's group and its description. */
function memberQuestion(el: BijeenRegistrationForm) {
  const group = find<HTMLFieldSetElement>(el, 'fieldset#c-member')!;
  return { group, hint: textOf(find(el, '#h-member')) };
}

/** A notice at the top of the form (waiting list, e-mail route), if any. */
const notice = (el: BijeenRegistrationForm) => find(el, 'form > .notice');

async function refused(el: BijeenRegistrationForm) {
  const event = oneEvent(el, 'bijeen-registration-failed');
  submitButton(el).click();
  await event;
  await el.updateComplete;
}

describe('<bijeen-registration-form> and the seed meeting’s rules', () => {
  describe('places for non-members', () => {
    it('says at the member question how many places non-members have left, in Dutch and English', async () => {
      const el = await form();
      const { group, hint } = memberQuestion(el);
      expect(hint).to.equal('Voor niet-leden nog 3 plaatsen.');
      expect(group.getAttribute('aria-describedby')).to.equal('h-member');
      const english = await form({ lang: 'en', event: seedWith({ nonMemberRemaining: 1 }) });
      expect(memberQuestion(english).hint).to.equal('1 place left for non-members.');
      await expect(el).to.be.accessible();
    });

    it('when they are taken, with a waiting list: answering "no" turns the button into the waiting list, "yes" back', async () => {
      const el = await form({ event: seedWith({ nonMemberRemaining: 0, waitlist: true }) });
      expect(memberQuestion(el).hint).to.equal('Geen plaatsen meer voor niet-leden. Antwoordt u nee, dan komt u op de wachtlijst.');
      expect(textOf(submitButton(el))).to.equal('Aanmelden');
      await fill(el, { member: 'false' });
      expect(textOf(submitButton(el))).to.equal('Aanmelden voor de wachtlijst');
      // The event is not full: no notice saying so.
      expect(notice(el)).to.equal(null);
      await fill(el, { member: 'true' });
      expect(textOf(submitButton(el))).to.equal('Aanmelden');
      await expect(el).to.be.accessible();
    });

    it('when they are taken, without a waiting list: says that "no" cannot register; the endpoint’s refusal is shown, input kept', async () => {
      const path = await endpoint([
        {
          status: 409,
          body: { status: 'full', scope: 'non-member', remaining: 0, message: 'De plaatsen voor niet-leden zijn vergeven. Leden kunnen zich nog aanmelden.' },
        },
      ]);
      const el = await form({ endpoint: path, event: seedWith({ nonMemberRemaining: 0, waitlist: false }) });
      expect(memberQuestion(el).hint).to.equal('Geen plaatsen meer voor niet-leden. Antwoordt u nee, dan kunt u zich niet meer aanmelden.');
      const english = await form({ lang: 'en', event: seedWith({ nonMemberRemaining: 0, waitlist: false }) });
      expect(memberQuestion(english).hint).to.equal('No places left for non-members. If you answer no, you can no longer register.');
      await fill(el, { ...required, member: 'false' });
      await refused(el);
      expect(status(el).alert).to.include('De plaatsen voor niet-leden zijn vergeven. Leden kunnen zich nog aanmelden.');
      expect(control(el, 'member', 'false').checked).to.equal(true);
      expect(control(el, 'attendee.name').value).to.equal(required['attendee.name']);
    });

    it('says nothing of them when the event data does not count them, or the whole event is full', async () => {
      const uncounted = await form({ event: seedWith({ nonMemberRemaining: undefined }) });
      expect(find(uncounted, '#h-member')).to.equal(null);
      expect(memberQuestion(uncounted).group.hasAttribute('aria-describedby')).to.equal(false);
      const full = await form({ event: seedWith({ remaining: 0, waitlist: true }) });
      expect(find(full, '#h-member')).to.equal(null);
      expect(textOf(notice(full))).to.equal('Deze bijeenkomst is vol. U kunt zich aanmelden voor de wachtlijst.');
    });
  });

  describe('companions per organisation', () => {
    it('says the limit per organisation under the companions’ maximum, in Dutch and English', async () => {
      const sentence = (el: BijeenRegistrationForm) => textOf(find(el, '[part="add-companion"]')!.parentElement!.querySelector(':scope > p'));
      expect(sentence(await form())).to.equal(
        'U kunt hoogstens 2 extra deelnemers aanmelden. Per organisatie samen hoogstens 2, ook als collega’s zich apart aanmelden.',
      );
      expect(sentence(await form({ lang: 'en' }))).to.equal(
        'You can register at most 2 other participants. At most 2 per organisation in all, also when colleagues register separately.',
      );
      expect(sentence(await form({ event: seedWith({ maxCompanionsPerOrganisation: undefined }) }))).to.equal(
        'U kunt hoogstens 2 extra deelnemers aanmelden',
      );
    });

    it('a companion the organisation has no room for: the message at that companion, linked from the summary', async () => {
      const message = 'Uw organisatie kan nog 1 extra deelnemer aanmelden: hoogstens 2 per organisatie, over alle aanmeldingen samen.';
      const path = await endpoint([{ status: 422, body: { errors: [{ path: 'companions.1', message }] } }]);
      const el = await form({ endpoint: path });
      const add = () => find(el, '[part="add-companion"]')!.click();
      add();
      await el.updateComplete;
      add();
      await el.updateComplete;
      await fill(el, {
        ...required,
        'companions.0.name': 'Bas Jansen',
        'companions.0.email': 'bas@example.org',
        'companions.1.name': 'Cor Pieters',
        'companions.1.email': 'cor@example.org',
      });
      await refused(el);

      const block = find<HTMLFieldSetElement>(el, 'fieldset[name="companions.1"]')!;
      expect(textOf(block.querySelector('[part="error"]'))).to.equal(`Invoerfout: ${message}`);
      expect(block.getAttribute('aria-describedby')).to.equal('e-companions.1');
      expect(block.classList.contains('invalid')).to.equal(true);
      expect(find(el, 'fieldset[name="companions.0"] [part="error"]')).to.equal(null);
      const summary = find(el, '[part="error-summary"]')!;
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      const link = findAll<HTMLAnchorElement>(el, '[part="error-summary"] a');
      expect(link.map((a) => [a.getAttribute('href'), textOf(a)])).to.deep.equal([['#c-companions.1', `Samenwerkingspartner 2: ${message}`]]);
      await expect(el).to.be.accessible();
      link[0].click();
      expect(el.shadowRoot!.activeElement).to.equal(block);
      // Nothing typed is lost; removing the companion takes its message along.
      expect(control(el, 'companions.1.name').value).to.equal('Cor Pieters');
      block.querySelector<HTMLButtonElement>('[part="remove-companion"]')!.click();
      await el.updateComplete;
      expect(findAll(el, '[part="error"]')).to.have.length(0);
    });
  });
});
