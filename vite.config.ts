import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultMinifyOptions, defaultStrategy } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';
import { defineConfig } from 'vite';

/**
 * The CDN build: one self-contained file per format (lit and zod inside, no lazy chunks),
 * minified, with source maps. `bijeen.js` is for `<script type="module">`, `bijeen.iife.js` for a
 * classic `<script>` (CMSs that strip `type="module"`). The npm build is plain `tsc` output
 * (unbundled, lit as a dependency); Storybook reuses this file for its Vite settings.
 */
const loadedFlag = 'Symbol.for("bijeen.loaded")';

/**
 * Minifies the text of Lit's html`` and css`` templates in src/ (html-minifier-next and
 * lightningcss, through Lit's own plugin), before the TypeScript transform, so the source stays
 * indented and readable. `BIJEEN_MINIFY_TEMPLATES=0` turns it off: the CDN test builds such a
 * copy and checks that both render the same text.
 */
/** Two expressions with white space and a line break between them, in a template to minify. */
const LINE_BETWEEN_EXPRESSIONS = /(@TEMPLATE_EXPRESSION_*\(\);)\s*\n\s*(?=@TEMPLATE_EXPRESSION_*\(\);)/g;

/**
 * Lit's minifier keeps one space between two expressions: it cannot know whether they render
 * running text. In this source an expression on a line of its own renders a block (a paragraph, a
 * section, a field, or nothing), so the white space between two such lines goes too: one text node
 * fewer in every card of an agenda for each. Expressions that render running text stand on one
 * line, `${a} ${b}`, and keep their space.
 */
const strategy = {
  ...defaultStrategy,
  minifyHTML: (html: string, options?: Parameters<typeof defaultStrategy.minifyHTML>[1]) =>
    defaultStrategy.minifyHTML(html.replace(LINE_BETWEEN_EXPRESSIONS, '$1'), options),
};

const minifyTemplates = {
  ...minifyHtmlLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      strategy,
      minifyOptions: {
        // html-minifier-next's default collapse: white space between block elements goes (each
        // space is a DOM node in every card of an agenda), white space in running text shrinks to
        // one space. A template that starts or ends with a space loses it, so a space that
        // separates a template from the text beside it stands inside the template
        // (html`${label} <span>…</span>`), not at its edge.
        ...defaultMinifyOptions,
        // `part=link` for `part="link"`, `hidden` for `hidden=""`: what HTML allows, where it allows
        // it (a value with a space, a quote or `=` keeps its quotes; Lit reads unquoted bindings).
        removeAttributeQuotes: true,
        collapseBooleanAttributes: true,
      },
    },
  }),
  enforce: 'pre' as const,
};

export default defineConfig({
  plugins: process.env.BIJEEN_MINIFY_TEMPLATES === '0' ? [] : [minifyTemplates],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    // Terser (three compress passes) makes the file about 375 bytes gzip smaller than the default
    // Oxc minifier; the build takes a few seconds longer.
    minify: 'terser',
    terserOptions: { compress: { passes: 3 }, format: { comments: false } },
    target: 'es2021',
    lib: {
      entry: 'src/cdn.ts',
      name: 'Bijeen',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'bijeen.js' : 'bijeen.iife.js'),
    },
    rollupOptions: {
      output: {
        // Vite keeps whitespace and pure annotations in library ES output (for later bundlers);
        // the CDN file is final: no comments at all, as in the IIFE file.
        minify: true,
        comments: false,
        // A page may load the files twice, or both. Each copy carries its own Lit, and a second
        // Lit throws under Trusted Types (its "lit-html" policy exists already), so only the first
        // copy on a page runs. The entry exports nothing, which makes this block wrap legal.
        banner: `if(!globalThis[${loadedFlag}]){globalThis[${loadedFlag}]=1;`,
        footer: '}',
      },
    },
  },
});
