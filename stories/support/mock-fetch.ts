import type { StoryContext } from '@storybook/web-components-vite';

// The static Storybook has no server: a story that needs one (an event feed, the registration
// endpoint, one that fails or never answers) scripts its replies, and `mockFetch` answers for it.
// The elements are unchanged and use the real `fetch` API: these are their real states.

/** One scripted answer. */
export interface Reply {
  /** Default 200. */
  status?: number;
  /** Sent as JSON, unless it is a string (a proxy's HTML page, say). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answers (until the request is aborted): the element stays loading or sending. */
  hang?: boolean;
  /** The connection fails: `fetch` rejects with a `TypeError`, as a browser's does. */
  network?: boolean;
}

/**
 * A story's `parameters.mock`: per URL (absolute, or relative to the page as an element's `src`),
 * one reply for every request, or a list of replies in turn (the last one repeats).
 */
export type MockReplies = Record<string, Reply | Reply[]>;

function answer(reply: Reply, signal: AbortSignal | null | undefined): Promise<Response> {
  if (reply.hang) {
    return new Promise((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'))),
    );
  }
  if (reply.network) return Promise.reject(new TypeError('Failed to fetch'));
  const body = reply.body === undefined ? null : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  return Promise.resolve(
    new Response(body, { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json', ...reply.headers } }),
  );
}

/**
 * Storybook `beforeEach`: while the story is shown, requests to a URL in its `parameters.mock` get
 * the scripted replies; every other request goes to the network unchanged. Restored when the
 * story unmounts.
 */
export function mockFetch({ parameters }: Pick<StoryContext, 'parameters'>): () => void {
  const original = window.fetch;
  const queues = new Map<string, Reply[]>();
  for (const [url, replies] of Object.entries((parameters.mock ?? {}) as MockReplies)) {
    queues.set(new URL(url, document.baseURI).href, [replies].flat());
  }
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : new URL(String(input), document.baseURI).href;
    const queue = queues.get(url);
    if (!queue) return original(input, init);
    const reply = queue.length > 1 ? queue.shift()! : queue[0];
    return answer(reply, init?.signal ?? (input instanceof Request ? input.signal : undefined));
  };
  return () => {
    window.fetch = original;
  };
}
