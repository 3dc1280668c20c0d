/**
 * Script text under Trusted Types. The only script text Bijeen writes is its own JSON-LD (built
 * with JSON.stringify, `<` escaped), through one policy named `bijeen`. Pages that enforce Trusted
 * Types allow it with `trusted-types lit-html bijeen`; where the page does not allow it, the
 * JSON-LD is left out (a console warning says why) and nothing else is affected.
 */
interface ScriptPolicy {
  createScript(text: string): unknown;
}

const trustedTypes = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptPolicy } })
  .trustedTypes;
let policy: ScriptPolicy | null | undefined;

/** Sets a script element's text; returns false when the page's policy forbids it. */
export function setScriptText(script: HTMLScriptElement, text: string): boolean {
  if (trustedTypes && policy === undefined) {
    try {
      policy = trustedTypes.createPolicy('bijeen', { createScript: (value: string) => value });
    } catch {
      policy = null;
      console.warn('Bijeen: this page\'s Content-Security-Policy does not allow the Trusted Types policy "bijeen"; structured data (JSON-LD) is left out.');
    }
  }
  if (policy === null) return false;
  script.textContent = (policy ? policy.createScript(text) : text) as string;
  return true;
}
