import { html, nothing, type TemplateResult } from 'lit';
import type { DataIssue } from '../../schema/index.js';

/**
 * The error summary at the top of the form after a submit with errors: a heading and one line
 * per issue, in form order, each a link to its control when there is one. It receives focus.
 */

export interface SummaryView {
  issues: DataIssue[];
  /** "Er zijn 3 problemen met uw aanmelding". */
  heading: (count: number) => string;
  /** Companion `number` (from 1) by name, to say whose a companion's message is. */
  companionName: (number: number) => string;
  /** The rendered form, to find each issue's control (a server's `eventId` issue has none). */
  form: HTMLFormElement | null;
}

/** What a line says: the message, for a companion (or one of its fields) after its name ("Extra deelnemer 2: Vul een naam in"). */
function line({ path, message }: DataIssue, companionName: SummaryView['companionName']): string {
  const companion = /^companions\.(\d+)(?:\.|$)/.exec(path);
  return companion ? `${companionName(Number(companion[1]) + 1)}: ${message}` : message;
}

/** The control `path` names (the first of a group, or a companion's block), if the form has one. */
function controlOf(form: HTMLFormElement | null, path: string): HTMLElement | undefined {
  const control = form?.elements.namedItem(path);
  return ((control instanceof RadioNodeList ? control[0] : control) ?? undefined) as HTMLElement | undefined;
}

export function renderErrorSummary({ issues, heading, companionName, form }: SummaryView): TemplateResult | typeof nothing {
  if (!issues.length) return nothing;
  const lines = issues.map((issue) => {
    const text = line(issue, companionName);
    const target = controlOf(form, issue.path);
    if (!target) return html`<li>${text}</li>`;
    // The link moves focus itself: `#id` cannot reach into a shadow root.
    const follow = (event: Event) => {
      event.preventDefault();
      target.focus();
    };
    return html`<li><a href="#c-${issue.path}" @click=${follow}>${text}</a></li>`;
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
