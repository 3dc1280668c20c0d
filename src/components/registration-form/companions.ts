import { html, nothing, type TemplateResult } from 'lit';
import { controlName, type RegistrationField } from '../../schema/index.js';
import type { DraftController } from './draft.js';
import { errorMessage } from './field.js';
import { companionTarget, FOCUS_TARGET, type FocusController } from './focus.js';
import type { SubmissionController } from './submission.js';
import type { FormWording } from './wording.js';

/**
 * The companion blocks: how many may come, one fieldset per companion with its fields and a
 * remove button, and the add button while there is room.
 */
export interface CompanionsView {
  /** The fields of each companion block shown. */
  companions: RegistrationField[][];
  max: number;
  /** "U kunt maximaal 2 extra deelnemers aanmelden" (and the limit per organisation). */
  maxSentence: string;
  wording: FormWording;
  renderField: (field: RegistrationField) => TemplateResult;
  /** The message at a payload path: a block has one when the endpoint refuses that companion as a whole (`companions.N`). */
  messageAt: (path: string) => string | undefined;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

export function renderCompanions(view: CompanionsView): TemplateResult {
  const { companions, max, maxSentence, wording, renderField, messageAt, onAdd, onRemove } = view;
  const { text, companion } = wording;
  // Named like a control, and focusable while it has a message, so the error summary can link to the block.
  const block = (fields: RegistrationField[], index: number) => {
    const name = controlName(['companions', index]);
    const message = messageAt(name);
    return html`
      <fieldset
        class="companion ${message ? 'invalid' : ''}"
        name=${name}
        id="c-${name}"
        tabindex=${message ? '-1' : nothing}
        aria-describedby=${message ? `e-${name}` : nothing}
      >
        <legend>${wording.companionName(index + 1)}</legend>
        ${errorMessage(name, message, wording.field.errorPrefix)}
        <div class="grid">${fields.map(renderField)}</div>
        <button type="button" part="remove-companion" @click=${() => onRemove(index)}>
          ${text.remove(`${companion} ${index + 1}`)}
        </button>
      </fieldset>
    `;
  };
  return html`
    <p>${maxSentence}</p>
    ${companions.map(block)}
    ${companions.length < max
      ? html`<button type="button" part="add-companion" @click=${onAdd}>${text.add(companion)}</button>`
      : nothing}
  `;
}

/**
 * Adding and removing companions: the draft changes (a removed companion's later ones move up
 * with what was typed for them), messages that no longer fit go, the live region says how many
 * there are now, and focus moves to the new block's first field or, after a removal, to the add
 * button.
 */
export class CompanionsController {
  constructor(
    private readonly drafts: DraftController,
    private readonly submission: SubmissionController,
    private readonly focusing: FocusController,
    /** The most companions the event on screen allows, and the form's words for it. */
    private readonly current: () => { max: number; wording: FormWording },
  ) {}

  add(): Promise<void> {
    const { max, wording } = this.current();
    const count = this.drafts.addCompanion(max);
    const message = wording.text.companionAdded({ companion: wording.companionName(count), count, max });
    return this.focusing.announce(message, companionTarget(count - 1));
  }

  /** Removes companion `index` (from 0). */
  remove(index: number): Promise<void> {
    const { max, wording } = this.current();
    const count = this.drafts.removeCompanion(index, max);
    // Messages of the removed or renumbered companions no longer fit.
    this.submission.dropIssues((issue) => issue.path.startsWith('companions'));
    const message = wording.text.companionRemoved({ companion: wording.companionName(index + 1), count, max });
    return this.focusing.announce(message, FOCUS_TARGET.addCompanion);
  }
}
