import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.js';
import type { FieldValue } from './draft.js';

/**
 * One render helper per kind of control. Each control's `name` is its payload path; its id is
 * `c-<name>` (the error summary links to it), its message `e-<name>`, shown above the control
 * with a visually hidden "Invoerfout:" prefix. Everything from the data is rendered as text.
 * (Templates are kept free of indentation: it would ship in the CDN file.)
 */
export interface FieldContext {
  values: Record<string, FieldValue>;
  errors: Map<string, string>;
  text: Messages;
}

export const controlId = (name: string) => `c-${name}`;

interface Options {
  required?: boolean;
  /** `input` type (default `text`), `textarea`, or `select` (with `options`). */
  type?: string;
  options?: string[];
  autocomplete?: string;
  /** A description above the control: [id, content] (the privacy link above the consent box). */
  hint?: [string, TemplateResult];
}

/** The `part="field"` wrapper's class, its message, and the control's ARIA attributes. */
function state(f: FieldContext, name: string, o: Options) {
  const message = f.errors.get(name);
  const describedBy = [o.hint?.[0], message && `e-${name}`].filter(Boolean).join(' ');
  return {
    cls: message ? 'field invalid' : 'field',
    head: html`${o.hint ? html`<p id=${o.hint[0]}>${o.hint[1]}</p>` : nothing}${message
      ? html`<p id=${`e-${name}`} part="error" class="error"><span class="visually-hidden">${f.text.errorPrefix} </span>${message}</p>`
      : nothing}`,
    invalid: message ? 'true' : nothing,
    describedBy: describedBy || nothing,
    optional: o.required ? nothing : html` <span>${f.text.form.optional}</span>`,
  };
}

/** A text input, textarea or drop-down list (with an empty first choice) under its label. */
export function textField(f: FieldContext, name: string, label: string, o: Options = {}) {
  const s = state(f, name, o);
  const value = f.values[name] ?? '';
  const id = controlId(name);
  const control =
    o.type === 'textarea'
      ? html`<textarea id=${id} name=${name} rows="4" ?required=${o.required} aria-invalid=${s.invalid} aria-describedby=${s.describedBy} .value=${value}></textarea>`
      : o.options
        ? html`<select id=${id} name=${name} ?required=${o.required} aria-invalid=${s.invalid} aria-describedby=${s.describedBy}>
<option value="">${f.text.schema.field.answerChoose}</option>${o.options.map((option) => html`<option .selected=${value === option}>${option}</option>`)}
</select>`
        : html`<input id=${id} name=${name} type=${o.type ?? 'text'} autocomplete=${o.autocomplete ?? nothing} ?required=${o.required} aria-invalid=${s.invalid} aria-describedby=${s.describedBy} .value=${value} />`;
  return html`<div part="field" class=${s.cls}><label for=${id}>${label}${s.optional}</label>${s.head}${control}</div>`;
}

/**
 * Radio buttons (one answer) or checkboxes (`multiple`) in a fieldset whose legend is the
 * question; `options` are [value, label] pairs.
 */
export function choiceField(f: FieldContext, name: string, legend: string, options: [string, string][], o: Options & { multiple?: boolean }) {
  const s = state(f, name, o);
  const value = f.values[name];
  return html`<fieldset part="field" class=${s.cls} id=${controlId(name)} aria-describedby=${s.describedBy}>
<legend>${legend}${s.optional}</legend>${s.head}${options.map(
    ([option, label]) =>
      html`<label class="choice"><input type=${o.multiple ? 'checkbox' : 'radio'} name=${name} value=${option} ?required=${o.required && !o.multiple} aria-invalid=${s.invalid} .checked=${o.multiple ? Array.isArray(value) && value.includes(option) : value === option} />${label}</label>`,
  )}
</fieldset>`;
}

/** One checkbox that means yes (a confirm question, consent). It has no `value`: that is how the form tells it from a group. */
export function checkField(f: FieldContext, name: string, label: string, o: Options = {}) {
  const s = state(f, name, o);
  return html`<div part="field" class=${s.cls}>${s.head}<label class="choice"><input id=${controlId(name)} type="checkbox" name=${name} ?required=${o.required} aria-invalid=${s.invalid} aria-describedby=${s.describedBy} .checked=${f.values[name] === true} />${label}${s.optional}</label></div>`;
}
