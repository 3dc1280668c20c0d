import type { Localized } from './index.js';

const nl = {
  network: (url: string) => `kan de evenementgegevens niet ophalen van ${url} (netwerkfout of CORS)`,
  status: (url: string, status: number) => `kan de evenementgegevens niet ophalen van ${url} (HTTP ${status})`,
  notJson: (where: string) => `de evenementgegevens in ${where} zijn geen geldige JSON`,
  inlineScript: 'het <script type="application/json">-blok',
};

const en: typeof nl = {
  network: (url) => `cannot load the event data from ${url} (network error or CORS)`,
  status: (url, status) => `cannot load the event data from ${url} (HTTP ${status})`,
  notJson: (where) => `the event data in ${where} is not valid JSON`,
  inlineScript: 'the <script type="application/json"> block',
};

export type EventSourceMessages = typeof nl;

/** Why an element could not load its event (`src/internal/event-source.ts`); for integrators. */
export const eventSourceMessages: Localized<EventSourceMessages> = { nl, en };
