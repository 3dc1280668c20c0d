// The floor of a card (see floor.mjs), in the page: elements that show a real card's DOM with its
// styles and do nothing else. esbuild bundles this file with Lit into the floor pages, which call
// `defineFloorElements(shapes)` with the shapes read from real cards:
// `{ teaser: { markup, markupInView, styles }, full: { … } }` (the shadow root's HTML of a card out
// of view and of one in view, and the text of its style sheets).
//
// Three elements per shape, each rendering when it is first connected, its `event` only saying
// whether it is one of the cards in view (those that real cards mark `in-view`):
// - `floor-lit-<shape>`: a LitElement with the same styles whose `render()` returns a template
//   without a single expression: Lit's clone and insert, a shadow root per card, no logic;
// - `floor-shadow-<shape>`: no Lit: a shadow root per card with the same style sheets, filled with
//   a clone of a `<template>`;
// - `floor-light-<shape>`: no Lit, no shadow root: the clone in the element's own children, the
//   styles once for the document (`@scope`, `:host` read as the element itself).
import { LitElement, unsafeCSS } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';

const templateOf = (markup) => Object.assign(document.createElement('template'), { innerHTML: markup });

/** `:host` and `:host(x)` of a shadow root's styles as `:scope` of an `@scope` rule. */
const scoped = (tag, cssText) => `@scope (${tag}) { ${cssText.replace(/:host\(([^)]*)\)/g, ':scope:is($1)').replaceAll(':host', ':scope')} }`;

function sheetOf(cssText) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return sheet;
}

window.defineFloorElements = (shapes) => {
  for (const [name, shape] of Object.entries(shapes)) {
    const markup = (event) => (event?.inView ? shape.markupInView : shape.markup);

    const litTemplates = new Map([shape.markup, shape.markupInView].map((text) => [text, html`${unsafeStatic(text)}`]));
    customElements.define(
      `floor-lit-${name}`,
      class extends LitElement {
        static properties = { event: { attribute: false } };
        static styles = shape.styles.map((text) => unsafeCSS(text));
        render() {
          return litTemplates.get(markup(this.event));
        }
      },
    );

    const templates = new Map([shape.markup, shape.markupInView].map((text) => [text, templateOf(text)]));
    const sheets = shape.styles.map(sheetOf);
    customElements.define(
      `floor-shadow-${name}`,
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          const root = this.attachShadow({ mode: 'open' });
          root.adoptedStyleSheets = sheets;
          root.append(templates.get(markup(this.event)).content.cloneNode(true));
        }
      },
    );

    const tag = `floor-light-${name}`;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...shape.styles.map((text) => sheetOf(scoped(tag, text)))];
    customElements.define(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          if (!this.firstChild) this.append(templates.get(markup(this.event)).content.cloneNode(true));
        }
      },
    );
  }
};
