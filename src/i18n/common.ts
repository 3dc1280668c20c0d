import type { Localized } from './index.js';

const nl = {
  /** Suffix for links that open a new tab; read by screen readers only. */
  newWindow: '(opent in een nieuw venster)',
  /** Visually hidden prefix of every field error. */
  errorPrefix: 'Invoerfout:',
};

const en: typeof nl = {
  newWindow: '(opens in a new window)',
  errorPrefix: 'Error:',
};

/** Messages more than one element uses. */
export const commonMessages: Localized<typeof nl> = { nl, en };
