import { css } from 'lit';

// Colours inherit from the page: text, borders and focus rings use currentColor, so contrast
// follows the page on light and dark backgrounds alike; the red and green bars are accents beside
// text, never the only signal. Sizes are in em of the inherited font size with px floors for the
// 24 px target size of WCAG 2.2 (44 px for buttons and fields). Inherited text properties a host
// page may have changed are reset on the base. One rule per line: whitespace ships in the CDN file.
export const registrationFormStyles = css`
:host { display: block }
.base { container-type: inline-size; color: var(--bijeen-color, inherit); line-height: var(--bijeen-line-height, 1.5); text-align: start; text-transform: none; text-indent: 0; letter-spacing: normal; word-spacing: normal; white-space: normal }
form, fieldset, .grid { display: grid; gap: var(--bijeen-gap, 1.25em); min-width: 0; margin: 0; padding: 0; border: 0 }
.field, .done, .failure { display: grid; gap: 0.4em }
legend { padding: 0; margin-block-end: 0.4em }
label, legend, .title, .error, .button { font-weight: 700 }
.choice { display: flex; gap: 0.6em; align-items: flex-start; font-weight: 400; cursor: pointer }
p { margin: 0 }
input, select, textarea, .button { font: inherit; color: inherit; margin: 0; min-height: max(2.75em, 44px); border: 2px solid var(--bijeen-border-color, currentColor); border-radius: var(--bijeen-radius, 4px) }
input, select, textarea { width: 100%; padding: 0.4em 0.6em; background: var(--bijeen-input-background, transparent) }
option { color: CanvasText; background: Canvas }
[type='checkbox'], [type='radio'] { flex: none; width: max(1.3em, 24px); height: max(1.3em, 24px); min-height: 0; accent-color: var(--bijeen-accent-color, auto) }
.button { justify-self: start; padding: 0.4em 1.2em; cursor: pointer; background: var(--bijeen-button-background, transparent); color: var(--bijeen-button-color, inherit) }
[part='submit'] { border-width: 3px; background: var(--bijeen-submit-background, var(--bijeen-button-background, transparent)); color: var(--bijeen-submit-color, var(--bijeen-button-color, inherit)) }
a { color: var(--bijeen-link-color, inherit) }
:focus-visible { outline: var(--bijeen-focus-ring-width, 3px) solid var(--bijeen-focus-ring-color, currentColor); outline-offset: 2px }
.invalid, .notice, .done { padding-inline-start: 1em; border-inline-start: 5px solid var(--bijeen-error-color, #d52b1e) }
.summary, .failure { padding: 0.6em 1em; border: 4px solid var(--bijeen-error-color, #d52b1e) }
.summary ul { margin: 0.5em 0 0; padding-inline-start: 1.2em }
.notice { border-color: currentColor }
.done { border-color: var(--bijeen-success-color, #2e7d32) }
.companion { padding: 1em; border: 1px solid; border-radius: var(--bijeen-radius, 4px) }
.companion legend { padding: 0 0.3em }
[part='status']:not(:empty) { margin-block-start: 1em }
.progress::before { content: ''; display: inline-block; width: 1em; height: 1em; margin-inline-end: 0.5em; vertical-align: -0.15em; border: 0.15em solid; border-inline-end-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite }
@media (prefers-reduced-motion: reduce) { .progress::before { animation-duration: 4s } }
@keyframes spin { to { transform: rotate(1turn) } }
.hp { position: absolute; inset-inline-start: -100vw; width: 1px; overflow: hidden }
@container (min-width: 36em) { .grid { grid-template-columns: 1fr 1fr } }
`;
