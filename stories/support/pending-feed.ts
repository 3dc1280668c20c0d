// The static Storybook has no server that can hold a request open. A loading story's feed URL is
// answered by a stand-in that never resolves (and honours abort), so its element stays in its
// loading state.

const pending = new Set<string>();

/** Makes every request to a URL ending in `name` wait until it is aborted. */
export function holdPendingFeed(name: string): void {
  if (!pending.size) {
    const real = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (![...pending].some((held) => url.endsWith(held))) return real(input, init);
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
  }
  pending.add(name);
}
