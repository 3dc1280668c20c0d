/** Runs `run` while collecting console.warn calls (silenced). */
export async function quietly<T>(run: () => Promise<T>): Promise<{ result: T; warned: string[] }> {
  const warned: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warned.push(args.join(' '));
  try {
    return { result: await run(), warned };
  } finally {
    console.warn = original;
  }
}

/** What `run` warned on the console (silenced). */
export async function captureWarnings(run: () => Promise<unknown>): Promise<string[]> {
  return (await quietly(run)).warned;
}
