import { html, nothing, type TemplateResult } from 'lit';
import type { RegistrationField } from '../../schema/index.js';
import type { FieldValue } from './draft.js';

/**
 * One control under its label (or a group under its legend) with its message. The control's
 * `name` is its payload path, its id `c-<name>` (the error summary links to it), its message
 * `e-<name>`, shown above the control with a visually hidden "Invoerfout:" prefix, and its hint
 * `h-<name>`. Everything from the data is rendered as text.
 */

/** The words a field shows besides its label, in the form's language. */
export interface FieldText {
  /** "(niet verplicht)" after the label of an optional field. */
  optional: string;
  /** "Invoerfout:", read before a message. */
  errorPrefix: string;
  /** The empty first option of a select. */
  choose: string;
  yes: string;
  no: string;
}

export interface FieldState {
  label: string;
  value: FieldValue | undefined;
  /** The validation message, if any. */
  message?: string;
  /** A description above the control (the privacy link above the consent box). */
  hint?: TemplateResult;
}

export function renderField(field: RegistrationField, state: FieldState, text: FieldText): TemplateResult {
  const { name, input, required } = field;
  const { label, value, message, hint } = state;
  const id = `c-${name}`;
  const invalid = message ? 'true' : nothing;
  const describedBy = [hint && `h-${name}`, message && `e-${name}`].filter(Boolean).join(' ') || nothing;
  const caption = html`${label}${required ? nothing : html` <span>${text.optional}</span>`}`;
  const head = html`
    ${hint ? html`<p id="h-${name}">${hint}</p>` : nothing}
    ${errorMessage(name, message, text.errorPrefix)}
  `;

  if (input === 'radio' || input === 'checkboxes' || input === 'yes-no') {
    const type = input === 'checkboxes' ? 'checkbox' : 'radio';
    const options: [string, string][] =
      input === 'yes-no'
        ? [
            ['true', text.yes],
            ['false', text.no],
          ]
        : (field.options ?? []).map((option) => [option, option]);
    const chosen = [value].flat();
    return html`
      <fieldset part="field" class=${message ? 'invalid' : ''} id=${id} aria-describedby=${describedBy}>
        <legend>${caption}</legend>
        ${head}
        ${options.map(
          ([option, optionLabel]) => html`
            <label class="choice">
              <input
                type=${type}
                name=${name}
                value=${option}
                ?required=${required && type === 'radio'}
                aria-invalid=${invalid}
                .checked=${chosen.includes(option)}
              />${optionLabel}
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  let control: TemplateResult;
  if (input === 'checkbox') {
    control = html`
      <label class="choice">
        <input
          id=${id}
          type="checkbox"
          name=${name}
          ?required=${required}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .checked=${value === true}
        />${caption}
      </label>
    `;
  } else if (input === 'textarea') {
    control = html`
      <textarea
        id=${id}
        name=${name}
        rows="4"
        ?required=${required}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${typeof value === 'string' ? value : ''}
      ></textarea>
    `;
  } else if (input === 'select') {
    control = html`
      <select id=${id} name=${name} ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy}>
        <option value="">${text.choose}</option>
        ${(field.options ?? []).map((option) => html`<option value=${option} .selected=${value === option}>${option}</option>`)}
      </select>
    `;
  } else {
    control = html`
      <input
        id=${id}
        name=${name}
        type=${input}
        autocomplete=${field.autocomplete ?? nothing}
        ?required=${required}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${typeof value === 'string' ? value : ''}
      />
    `;
  }
  return html`
    <div part="field" class=${message ? 'invalid' : ''}>
      ${input === 'checkbox' ? nothing : html`<label for=${id}>${caption}</label>`}
      ${head}
      ${control}
    </div>
  `;
}

/** The message of the field or block `name`, above its controls: id `e-<name>`, after a visually hidden "Invoerfout:". */
export function errorMessage(name: string, message: string | undefined, errorPrefix: string) {
  return message
    ? html`<p id="e-${name}" part="error"><span class="visually-hidden">${errorPrefix} </span>${message}</p>`
    : nothing;
}

/** The value a control holds, as the draft keeps it: its text, a group's chosen options, or whether a single box is ticked. */
export function controlValue(control: HTMLInputElement): FieldValue {
  if (control.type !== 'checkbox') return control.value;
  // A group's boxes carry their option as value; a single yes box has none.
  if (!control.hasAttribute('value')) return control.checked;
  const boxes = control.form?.querySelectorAll<HTMLInputElement>(`[name="${control.name}"]:checked`) ?? [];
  return Array.from(boxes, (box) => box.value);
}
