// `cem analyze` settings: the manifest describes the npm package as a partner installs it.
// The analyzer reads the TypeScript in src/; the plugins below complete what JSDoc cannot say.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** Where every event's type is written down: the event map (contract section 3). */
const EVENT_MAP_FILE = 'src/internal/events.ts';
const EVENT_MAP = 'BijeenEventMap';

/** `lang` is HTMLElement's own attribute; every Bijeen element reads it (src/internal/locale.ts). */
const LANG_ATTRIBUTE = {
  name: 'lang',
  fieldName: 'lang',
  type: { text: "'nl' | 'en'" },
  description:
    "Language of the element's text: `nl` (default) or `en`. Without it the nearest ancestor's `lang` applies, then the document's.",
};

/**
 * Parts an element passes on from the elements it renders (`exportparts`), with their new names.
 * `<bijeen-event>` passes on every part of its card and its form, the two bases renamed apart.
 */
const EXPORTED_PARTS = {
  'bijeen-event': [
    { from: 'bijeen-event-card', label: 'the card', rename: { base: 'card-base' } },
    { from: 'bijeen-registration-form', label: 'the form', rename: { base: 'form-base' } },
  ],
};

/**
 * `src/components/map-link/map-link.ts` (a module) or `/src/internal/bijeen-element.js` (an import
 * as the analyzer resolves it) → `dist/…/….js`, the shipped file.
 */
function shippedPath(path) {
  return path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
}

/** Every `path` and `module` in the manifest, rewritten to the file the tarball holds. */
function pointAtShippedFiles() {
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shippedPath(inner);
      else visit(inner);
    }
  };
  return {
    name: 'bijeen-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest);
      // The file walk's order varies from run to run; a stable order keeps rebuilds diff-free.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

/** Event name → its type as the event map writes it, e.g. `CustomEvent<DataErrorDetail>`. */
function readEventTypes() {
  const source = ts.createSourceFile(EVENT_MAP_FILE, readFileSync(EVENT_MAP_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const map = source.statements.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === EVENT_MAP);
  if (!map) throw new Error(`${EVENT_MAP_FILE} has no interface ${EVENT_MAP}`);
  return new Map(
    map.members
      .filter((member) => ts.isPropertySignature(member) && member.type)
      .map((member) => [member.name.text, member.type.getText(source).replace(/\s+/g, ' ')]),
  );
}

function typeEvents() {
  const types = readEventTypes();
  return {
    name: 'bijeen-event-types',
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElements(customElementsManifest)) {
        for (const event of element.events ?? []) {
          const text = types.get(event.name);
          if (!text) throw new Error(`<${element.tagName}> fires ${event.name}, which ${EVENT_MAP} lacks`);
          event.type = { text };
        }
      }
    },
  };
}

function documentLang() {
  return {
    name: 'bijeen-lang',
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElements(customElementsManifest)) {
        element.attributes ??= [];
        if (!element.attributes.some((attribute) => attribute.name === 'lang')) element.attributes.push({ ...LANG_ATTRIBUTE });
      }
    },
  };
}

/**
 * Every element reflects its read-only `state` property to a `state` attribute
 * (`BijeenElement.reflectState()`), which the analyzer cannot see: documented from the property.
 */
function documentStateAttribute() {
  return {
    name: 'bijeen-state-attribute',
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElements(customElementsManifest)) {
        const state = element.members?.find((member) => member.name === 'state');
        if (!state) continue;
        element.attributes ??= [];
        element.attributes.push({
          name: 'state',
          fieldName: 'state',
          type: { text: state.type.text.replace(/ \| undefined$/, '') },
          description: 'The `state` property, reflected (absent while it is `undefined`), for selectors such as `[state="error"]`. Written by the element only: a value page code writes is put back at once.',
        });
      }
    },
  };
}

function documentExportedParts() {
  return {
    name: 'bijeen-exported-parts',
    packageLinkPhase({ customElementsManifest }) {
      const elements = new Map(customElements(customElementsManifest).map((element) => [element.tagName, element]));
      for (const [tag, sources] of Object.entries(EXPORTED_PARTS)) {
        const element = elements.get(tag);
        element.cssParts ??= [];
        for (const { from, label, rename } of sources) {
          for (const part of elements.get(from).cssParts ?? []) {
            const name = rename[part.name] ?? part.name;
            const description = `${label} (its \`${part.name}\`): ${part.description}`;
            // A name the element uses itself too: `::part(name)` styles both, so say so.
            const own = element.cssParts.find((known) => known.name === name);
            if (own) own.description += ` Also ${description}`;
            else element.cssParts.push({ name, description: `Of ${description}` });
          }
        }
      }
    },
  };
}

/** Private and protected members are no API: partners and Storybook's controls see only the public ones. */
function hideInternals() {
  return {
    name: 'bijeen-public-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (declaration.members) declaration.members = declaration.members.filter((member) => !member.privacy || member.privacy === 'public');
      }
    },
  };
}

function customElements(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/*-mixin.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [typeEvents(), documentLang(), documentStateAttribute(), documentExportedParts(), hideInternals(), pointAtShippedFiles()],
};
