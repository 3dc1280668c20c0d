import type { DataIssue } from '../schema/index.js';
import type { BijeenElement } from './bijeen-element.js';

/**
 * The one way an element reports attributes it cannot use: a console warning and a
 * `bijeen-data-error` whose `issues` name each attribute (`path`) and what is wrong with it.
 * `message` says what the element does instead ("the link uses what is valid"). Nothing is
 * reported when there are no issues.
 *
 * Call it from `updated()`, for a change of the attributes concerned only, so a re-render (a
 * language switch, say) does not report the same thing again. Collect the issues with
 * `attributeIssue()`.
 */
export function reportBadAttributes(host: BijeenElement, message: string, issues: readonly DataIssue[]): void {
  if (issues.length) host.reportDataError({ message, issues: [...issues] });
}

/** One bad attribute: its name as written in HTML (`registration-href`) and what is wrong. */
export const attributeIssue = (attribute: string, message: string): DataIssue => ({ path: attribute, message });
