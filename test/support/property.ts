import fc from 'fast-check';

/**
 * Every property test runs with this seed, so `npm test` tries the same cases each time and a
 * failure is the code's, not the dice's. To look elsewhere, change it (or set `FC_SEED` where the
 * tests run in Node); to replay a failure, pass the `seed` and `path` its message prints:
 * `checkProperty(property, { seed: 123, path: '4:0' })`.
 */
export const PROPERTY_SEED = 20_261_207;

function configuredSeed(): number {
  const fromEnv = Number((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FC_SEED);
  return Number.isInteger(fromEnv) && fromEnv !== 0 ? fromEnv : PROPERTY_SEED;
}

function withSeed(error: unknown, seed: number): never {
  if (error instanceof Error) error.message = `property failed with seed ${seed}; replay with checkProperty(…, { seed, path }) from below\n${error.message}`;
  throw error;
}

/** `fc.assert` with the fixed seed; the failure message names the seed and path to replay it with. */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void;
export function checkProperty<Ts>(property: fc.IAsyncProperty<Ts>, params?: fc.Parameters<Ts>): Promise<void>;
export function checkProperty<Ts>(property: fc.IRawProperty<Ts>, params: fc.Parameters<Ts> = {}): void | Promise<void> {
  const seed = params.seed ?? configuredSeed();
  try {
    const run = fc.assert(property, { ...params, seed });
    return run instanceof Promise ? run.catch((error: unknown) => withSeed(error, seed)) : run;
  } catch (error) {
    withSeed(error, seed);
  }
}
