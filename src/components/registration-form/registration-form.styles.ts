import { css } from 'lit';

/**
 * Colours inherit from the page: text, borders and focus rings use currentColor, so contrast
 * follows the page on light and dark backgrounds alike; the red and green bars are accents beside
 * text, never the only signal. Sizes are in em of the inherited font size with px floors for the
 * 24 px target size of WCAG 2.2 (44 px for buttons and fields). Inherited text properties a host
 * page may have changed are reset on the base. Selectors use parts and elements where they can
 * (fewer classes in the templates).
 */
export const registrationFormStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    container-type: inline-size;
    accent-color: var(--_accent-color);
    line-height: var(--bijeen-registration-form-line-height, 1.5);
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
  }

  form,
  fieldset,
  .grid {
    display: grid;
    gap: var(--bijeen-registration-form-field-gap, calc(1.25 * var(--_spacing)));
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  [part='field'],
  .done,
  .failure {
    display: grid;
    gap: 0.4em;
  }

  p {
    margin: 0;
  }

  legend {
    padding: 0;
    margin-bottom: 0.4em;
  }

  label,
  legend,
  .title,
  [part='error'] {
    font-weight: 700;
  }

  .choice {
    display: flex;
    gap: 0.6em;
    align-items: start;
    font-weight: 400;
    cursor: pointer;
  }

  input,
  select,
  textarea,
  button {
    font: inherit;
    margin: 0;
    min-height: max(2.75em, 44px);
    padding: 0.4em 0.6em;
  }

  /* Text fields, selects and text areas follow an NL Design System theme's textbox tokens (see resetStyles). */
  input,
  select,
  textarea {
    width: 100%;
    color: var(--_control-color, inherit);
    border: var(--utrecht-textbox-border-width, 2px) solid var(--_control-border-color);
    border-radius: var(--_control-radius);
    background: var(--bijeen-registration-form-input-background, var(--utrecht-textbox-background-color, transparent));
  }

  option {
    color: CanvasText;
    background: Canvas;
  }

  .choice input {
    flex: none;
    width: max(1.3em, 24px);
    height: max(1.3em, 24px);
    min-height: 0;
  }

  button {
    justify-self: start;
    padding-inline: 1.2em;
    cursor: pointer;
    border: 2px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--bijeen-registration-form-button-background, transparent);
    color: var(--bijeen-registration-form-button-color, inherit);
  }

  /* The primary action: an NL Design System theme's primary button where the page sets no token. */
  [part='submit'] {
    border-width: 3px;
    background: var(
      --bijeen-registration-form-submit-background,
      var(--bijeen-registration-form-button-background, var(--utrecht-button-primary-action-background-color, transparent))
    );
    color: var(
      --bijeen-registration-form-submit-color,
      var(--bijeen-registration-form-button-color, var(--utrecht-button-primary-action-color, inherit))
    );
  }

  .invalid,
  .notice,
  .done {
    padding-inline-start: 1em;
    border-inline-start: 5px solid;
  }

  [part='error'] {
    color: var(--bijeen-registration-form-error-text-color, inherit);
  }

  [part='error-summary'],
  .failure {
    padding: 0.6em 1em;
    border: 4px solid;
  }

  .invalid,
  [part='error-summary'],
  .failure {
    border-color: var(--bijeen-registration-form-error-color, #d52b1e);
  }

  ul {
    margin: 0.5em 0 0;
    padding-inline-start: 1.2em;
  }

  .done {
    border-color: var(--bijeen-registration-form-success-color, #2e7d32);
  }

  .companion {
    padding: 1em;
    border: 1px solid;
    border-radius: var(--_radius);
  }

  .companion.invalid {
    border-inline-start-width: 5px;
    border-color: var(--bijeen-registration-form-error-color, #d52b1e);
  }

  .companion legend {
    padding: 0 0.3em;
  }

  [part='status']:not(:empty) {
    margin-top: 1em;
  }

  /* The honeypot: out of sight, still in the form for bots. */
  .hp {
    position: absolute;
    inset-inline-start: -100vw;
    width: 1px;
    overflow: hidden;
  }

  @container (min-width: 36em) {
    .grid {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
