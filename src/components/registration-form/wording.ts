import { cardMessages } from '../../i18n/card.js';
import { commonMessages } from '../../i18n/common.js';
import { formMessages } from '../../i18n/form.js';
import type { Locale } from '../../i18n/index.js';
import { schemaMessages } from '../../i18n/schema.js';
import { nonMemberPlacesLeft, type EventRegistration, type RegistrationField } from '../../schema/index.js';
import type { FieldText } from './field.js';
import type { MailText } from './mailto.js';

/**
 * What the form calls things, in one language, for one event: field labels (the catalogue's or the
 * event's own), companions ("Extra deelnemer 2", or the event's `companionLabel`), and the words
 * the field and e-mail helpers need.
 */
export class FormWording {
  readonly text: (typeof formMessages)[Locale];
  /** What a companion is called, lower case: "extra deelnemer", or the event's `companionLabel`. */
  readonly companion: string;

  constructor(
    readonly locale: Locale,
    registration: Pick<EventRegistration, 'companionLabel'>,
  ) {
    this.text = formMessages[locale];
    this.companion = registration.companionLabel ?? this.text.companion;
  }

  label(field: RegistrationField): string {
    return 'key' in field.label ? this.text[field.label.key] : field.label.text;
  }

  /** Companion `number` (from 1), capitalised: "Extra deelnemer 2". */
  companionName(number: number): string {
    return `${this.companion[0].toUpperCase()}${this.companion.slice(1)} ${number}`;
  }

  /**
   * Under the member question: the card's sentence on the places non-members have left and, when
   * none are, what answering "no" means. `undefined` when the event data does not say.
   */
  memberHint(registration: EventRegistration): string | undefined {
    const left = nonMemberPlacesLeft(registration);
    if (left === undefined) return undefined;
    const sentence = cardMessages[this.locale].nonMemberPlacesLeft(left);
    if (left > 0) return sentence;
    return `${sentence} ${registration.waitlist ? this.text.nonMemberWaitlist : this.text.nonMemberFull}`;
  }

  get field(): FieldText {
    return {
      optional: this.text.optional,
      errorPrefix: commonMessages[this.locale].errorPrefix,
      choose: schemaMessages[this.locale].field.answerChoose,
      yes: this.text.yes,
      no: this.text.no,
    };
  }

  mail(eventTitle: string): MailText {
    return {
      subject: this.text.mailSubject(eventTitle),
      label: (field) => this.label(field),
      companion: (number) => this.companionName(number),
      yes: this.text.yes,
      no: this.text.no,
    };
  }
}
