// The test feed server (test/server/event-feeds.mjs), as the browser tests reach it.

/** The absolute URL of `/feeds/<name>.json`; `?delay=ms` in `query` holds the response. */
export const feed = (name: string, query = '') => new URL(`/feeds/${name}.json${query}`, location.href).href;

/** Every request that reached a feed since the last `/feeds/log?clear`, newest last. */
export async function feedLog(): Promise<{ path: string; accept: string; aborted: boolean }[]> {
  return (await fetch('/feeds/log')).json();
}

/** `waitUntil` options for a wait on a server round trip: the default 1 s is too short on a busy machine. */
export const ROUND_TRIP = { timeout: 5000 };
