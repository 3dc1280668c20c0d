import { html, nothing, type TemplateResult } from 'lit';
import type { SchemaIssue } from '../../schema/index.js';

/**
 * The error summary at the top of the form after a submit with errors: a heading and one line
 * per issue, in form order, each a link to its control when there is one. It receives focus.
 */

export interface SummaryView {
  issues: SchemaIssue[];
  /** "Er zijn 3 problemen met uw aanmelding". */
  heading: (count: number) => string;
  /** What a line says ("Extra deelnemer 2: Vul een naam in"). */
  line: (issue: SchemaIssue) => string;
  /** The control of a path, if the form has one (a server's `eventId` issue has none). */
  control: (path: string) => HTMLElement | undefined;
}

export function renderErrorSummary({ issues, heading, line, control }: SummaryView): TemplateResult | typeof nothing {
  if (!issues.length) return nothing;
  const lines = issues.map((issue) => {
    const target = control(issue.path);
    if (!target) return html`<li>${line(issue)}</li>`;
    // The link moves focus itself: `#id` cannot reach into a shadow root.
    const follow = (event: Event) => {
      event.preventDefault();
      target.focus();
    };
    return html`<li><a href="#c-${issue.path}" @click=${follow}>${line(issue)}</a></li>`;
  });
  return html`
    <div part="error-summary" tabindex="-1" aria-labelledby="summary">
      <p class="title" id="summary">${heading(issues.length)}</p>
      <ul>
        ${lines}
      </ul>
    </div>
  `;
}
