// Module resolution hook for register.mjs: only `@open-wc/testing` is redirected.
const shim = new URL('./open-wc-testing.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === '@open-wc/testing') return { url: shim, shortCircuit: true };
  return next(specifier, context);
}
